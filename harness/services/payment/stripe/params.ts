/**
 * Stripe's request encoding: `application/x-www-form-urlencoded` with bracket notation for
 * nested objects and arrays (`items[0][price]=price_1&metadata[order]=42&expand[]=customer`),
 * the same for query strings. Values stay strings; the routers coerce them per parameter.
 */

export type FormValue = string | FormObject | FormValue[];
export interface FormObject {
  [key: string]: FormValue;
}

export class FormError extends Error {
  readonly param: string;
  constructor(message: string, param: string) {
    super(message);
    this.name = 'FormError';
    this.param = param;
  }
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** `a[b][0][c]` → ['a', 'b', '0', 'c']; `a[]` → ['a', '']. */
function keyPath(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0) return [key];
  const parts = [key.slice(0, open)];
  const re = /\[([^\]]*)\]/gy;
  re.lastIndex = open;
  let m: RegExpExecArray | null;
  let end = open;
  // biome-ignore lint/suspicious/noAssignInExpressions: the usual regex loop
  while ((m = re.exec(key))) {
    parts.push(m[1]!);
    end = re.lastIndex;
  }
  if (end !== key.length) return [key];
  return parts;
}

/** Objects whose keys are all 0..n-1 become arrays (Stripe's indexed arrays). */
function arrays(v: FormValue): FormValue {
  if (typeof v === 'string' || Array.isArray(v)) return Array.isArray(v) ? v.map(arrays) : v;
  const keys = Object.keys(v);
  for (const k of keys) v[k] = arrays(v[k]!);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    const out: FormValue[] = [];
    for (const k of keys.sort((a, b) => Number(a) - Number(b))) out.push(v[k]!);
    return out;
  }
  return v;
}

export function parseForm(text: string): FormObject {
  const root: FormObject = {};
  if (!text) return root;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
    const path = keyPath(rawKey);
    let node: FormObject = root;
    for (let i = 0; i < path.length; i++) {
      const part = path[i]!;
      if (part === '') throw new FormError(`Invalid array notation: ${rawKey}`, rawKey);
      if (i === path.length - 1) {
        node[part] = value;
        break;
      }
      if (path[i + 1] === '') {
        // `expand[]=a&expand[]=b`: empty brackets append to a list.
        if (i + 1 !== path.length - 1) throw new FormError(`Invalid array notation: ${rawKey}`, rawKey);
        const list = node[part];
        if (Array.isArray(list)) list.push(value);
        else if (list === undefined) node[part] = [value];
        else throw new FormError(`Invalid array: ${rawKey}`, rawKey);
        break;
      }
      const next = node[part];
      if (next === undefined || typeof next === 'string') {
        if (typeof next === 'string')
          throw new FormError(`Invalid hash: ${path.slice(0, i + 1).join('][')}`, rawKey);
        const created: FormObject = {};
        node[part] = created;
        node = created;
      } else if (Array.isArray(next)) {
        throw new FormError(`Invalid array: ${rawKey}`, rawKey);
      } else node = next;
    }
  }
  return arrays(root) as FormObject;
}
