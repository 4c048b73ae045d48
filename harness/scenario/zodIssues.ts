/**
 * zod issues → problems a scenario author can act on: at the right node, naming the key,
 * listing what is allowed and guessing what was meant. zod's own messages ("Invalid input")
 * are written for programmers and never shown as they are.
 */
import type { z } from 'zod';
import { didYouMean, suggest } from '../input/didYouMean.ts';
import { excerpt } from '../input/excerpt.ts';
import { formatPath, type PathKey, type Problem } from './source.ts';

type Issue = z.core.$ZodIssue;

/** The parts of a zod schema definition this module walks. */
interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: readonly z.ZodType[];
  items?: readonly z.ZodType[];
  rest?: z.ZodType | null;
  in?: z.ZodType;
  getter?: () => z.ZodType;
}

const def = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The schema without optional/default/… wrappers. */
function unwrap(s: z.ZodType): z.ZodType {
  for (;;) {
    const d = def(s);
    if (WRAPPERS.has(d.type) && d.innerType) s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else if (d.type === 'lazy' && d.getter) s = d.getter();
    else return s;
  }
}

/** Keys a step-like union is made of: every option an object with exactly one key. */
function keyedUnion(s: z.ZodType): string[] | undefined {
  const d = def(s);
  if (d.type !== 'union' || !d.options) return undefined;
  const keys: string[] = [];
  for (const option of d.options) {
    const shape = def(unwrap(option)).shape;
    if (!shape || Object.keys(shape).length !== 1) return undefined;
    keys.push(Object.keys(shape)[0]!);
  }
  return keys;
}

/** The union option a value was most likely meant for. */
function pickOption(options: readonly z.ZodType[], value: unknown): z.ZodType | undefined {
  const kinds = options.map((o) => def(unwrap(o)).type);
  if (Array.isArray(value)) return options[kinds.findIndex((k) => k === 'array' || k === 'tuple')];
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    const fits = options.find((o) => {
      const shape = def(unwrap(o)).shape;
      return shape !== undefined && keys.every((k) => k in shape);
    });
    return fits ?? options[kinds.findIndex((k) => k === 'object' || k === 'record')];
  }
  return undefined;
}

/** The schema that describes the value at `path` of `data`, when it can be told. */
export function schemaAt(schema: z.ZodType, path: readonly PathKey[], data: unknown): z.ZodType | undefined {
  let s: z.ZodType | undefined = schema;
  let value = data;
  for (const seg of path) {
    if (!s) return undefined;
    let u = unwrap(s);
    if (def(u).type === 'union') {
      const option = pickOption(def(u).options ?? [], value);
      if (!option) return undefined;
      u = unwrap(option);
    }
    const d = def(u);
    if (d.type === 'object') s = d.shape?.[String(seg)];
    else if (d.type === 'array') s = d.element;
    else if (d.type === 'record') s = d.valueType;
    else if (d.type === 'tuple') s = d.items?.[Number(seg)] ?? d.rest ?? undefined;
    else return undefined;
    value = child(value, seg);
  }
  return s;
}

/** The description of the value at `path` (on the field or on what it wraps). */
export function descriptionAt(
  schema: z.ZodType,
  path: readonly PathKey[],
  data: unknown,
): string | undefined {
  let s = schemaAt(schema, path, data);
  while (s) {
    if (s.description) return s.description;
    const d = def(s);
    s = WRAPPERS.has(d.type) ? d.innerType : undefined;
  }
  return undefined;
}

/** The keys allowed in the map at `path`, if it is a map with fixed keys. */
export function allowedKeys(
  schema: z.ZodType,
  path: readonly PathKey[],
  data: unknown,
): string[] | undefined {
  const s = schemaAt(schema, path, data);
  if (!s) return undefined;
  const u = unwrap(s);
  const d = def(u);
  if (d.type === 'union') {
    const option = pickOption(d.options ?? [], child(data, ...path));
    const shape = option && def(unwrap(option)).shape;
    return shape && Object.keys(shape).filter((k) => k !== '$schema');
  }
  return d.shape ? Object.keys(d.shape).filter((k) => k !== '$schema') : undefined;
}

function child(value: unknown, ...path: readonly PathKey[]): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.hasOwn(v, seg) ? (v as Record<PathKey, unknown>)[seg] : undefined;
  }
  return v;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** How a value is named in a message: `the number 3`, `text "abc"`, `a list`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'empty';
  if (typeof v === 'string') return `text ${excerpt(v, 37)}`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return `${v}`;
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  return typeof v;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a map (key: value)',
  record: 'a map (key: value)',
  array: 'a list',
  tuple: 'a list',
  null: 'empty',
  literal: 'a fixed value',
};

/** `title`, `needs[0]`, or `the document` for the root. */
function fieldName(path: readonly PathKey[]): string {
  let i = path.length;
  while (i > 0 && typeof path[i - 1] === 'number') i--;
  if (i === 0) return path.length === 0 ? 'the document' : `entry ${formatPath(path)}`;
  return `"${path[i - 1]}"${path
    .slice(i)
    .map((n) => `[${n}]`)
    .join('')}`;
}

/** `in goal`, `in steps[0].order`, `at the top level` */
function whereIn(path: readonly PathKey[]): string {
  return path.length === 0 ? 'at the top level' : `in ${formatPath(path)}`;
}

function list(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
}

/**
 * Problems for the issues of one `safeParse`. `data` is what was parsed; `prefix` is where it
 * sits in the file (e.g. `['faults', 2, 'params']` for a fault's parameters).
 */
export function issuesToProblems(
  issues: readonly Issue[],
  schema: z.ZodType,
  data: unknown,
  prefix: readonly PathKey[] = [],
): Problem[] {
  const out: Problem[] = [];
  // A misspelt key is also a missing one ("titel" for "title"): say it once, as the misspelling.
  const missing = new Map<Problem, string>();
  const guessed = new Set<string>();
  const where = (path: readonly PathKey[]) => whereIn([...prefix, ...path]);
  const add = (path: readonly PathKey[], message: string, extra: { key?: boolean; hint?: string } = {}) =>
    out.push({
      path: [...prefix, ...path],
      message,
      ...(extra.key ? { key: true } : {}),
      ...(extra.hint ? { hint: extra.hint } : {}),
    });

  const walk = (issue: Issue, at: readonly PathKey[]) => {
    const path: PathKey[] = [...at, ...issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k))];
    const value = child(data, ...path);
    const field = fieldName(path);
    switch (issue.code) {
      case 'invalid_union':
        return union(issue, path);
      case 'unrecognized_keys': {
        const allowed = allowedKeys(schema, path, data) ?? [];
        for (const key of issue.keys) {
          const guess = suggest(key, allowed);
          if (guess !== undefined) guessed.add(JSON.stringify([...path, guess]));
          add([...path, key], `unknown key ${excerpt(key)} ${where(path)}${didYouMean(key, allowed)}`, {
            key: true,
            ...(allowed.length > 0 ? { hint: `allowed ${where(path)}: ${allowed.join(', ')}` } : {}),
          });
        }
        return;
      }
      case 'invalid_type': {
        const parent = child(data, ...path.slice(0, -1));
        const last = path[path.length - 1];
        if (
          value === undefined &&
          isPlainObject(parent) &&
          last !== undefined &&
          !Object.hasOwn(parent, last)
        ) {
          const description = descriptionAt(schema, path, data);
          add(path, `missing "${last}" ${where(path.slice(0, -1))}`, {
            ...(description ? { hint: `${last}: ${description}` } : {}),
          });
          missing.set(out[out.length - 1]!, JSON.stringify(path));
          return;
        }
        const expected = EXPECTED[issue.expected] ?? issue.expected;
        if (value === null) return add(path, `${field} is empty; it must be ${expected}`);
        return add(path, `${field} must be ${expected}, not ${describeValue(value)}`);
      }
      case 'invalid_value': {
        if (issue.values.length === 1) {
          return add(path, `${field} must be ${list(issue.values)}, not ${describeValue(value)}`);
        }
        const allowed = issue.values.map(String);
        const shown = typeof value === 'string' ? excerpt(value) : describeValue(value);
        return add(
          path,
          `${field}: ${shown} is not allowed${typeof value === 'string' ? didYouMean(value, allowed) : ''}`,
          {
            hint: `use one of: ${list(issue.values)}`,
          },
        );
      }
      case 'invalid_format': {
        const custom = !/^Invalid/.test(issue.message);
        return add(
          path,
          custom
            ? `${field}: ${describeValue(value)} is not valid: ${issue.message}`
            : `${field}: ${describeValue(value)} is not a valid ${issue.format}`,
        );
      }
      case 'too_small':
      case 'too_big': {
        const small = issue.code === 'too_small';
        const limit = Number(
          small ? (issue as { minimum: unknown }).minimum : (issue as { maximum: unknown }).maximum,
        );
        const inclusive = issue.inclusive !== false;
        const origin = issue.origin as string;
        if (origin === 'array' || origin === 'set') {
          const n = Array.isArray(value) ? value.length : 0;
          const what = `${limit} ${limit === 1 ? 'entry' : 'entries'}`;
          return add(path, `${field} needs ${small ? 'at least' : 'at most'} ${what} (it has ${n})`);
        }
        if (origin === 'string') {
          const chars = `${limit} character${limit === 1 ? '' : 's'}`;
          const bound = (issue as { exact?: boolean }).exact ? 'exactly' : small ? 'at least' : 'at most';
          return add(path, `${field} must be ${bound} ${chars} long, not ${describeValue(value)}`);
        }
        const bound = small ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than';
        return add(path, `${field} must be ${bound} ${limit}, not ${describeValue(value)}`);
      }
      case 'not_multiple_of':
        return add(path, `${field} must be a multiple of ${issue.divisor}, not ${describeValue(value)}`);
      case 'invalid_key':
        return add(
          path,
          `key ${excerpt(String(path[path.length - 1]))} is not allowed ${where(path.slice(0, -1))}: ${issue.issues.map((i) => i.message).join('; ')}`,
          { key: true },
        );
      case 'invalid_element':
        for (const i of issue.issues) walk(i, path);
        return;
      default:
        return add(path, `${field}: ${issue.message}`);
    }
  };

  const union = (issue: Extract<Issue, { code: 'invalid_union' }>, path: PathKey[]) => {
    const value = child(data, ...path);
    const unionSchema = schemaAt(schema, path, data);
    const kinds = unionSchema && keyedUnion(unwrap(unionSchema));
    if (kinds) return keyed(issue, path, value, kinds);
    // Options that failed only because the value has another type are not what was meant.
    const meant = issue.errors
      .map((errors, index) => ({ errors, index }))
      .filter(({ errors }) => !errors.some((e) => e.code === 'invalid_type' && e.path.length === 0));
    if (meant.length === 0) {
      const expected = [
        ...new Set(
          issue.errors.flatMap((errors) =>
            errors
              .filter((e) => e.code === 'invalid_type')
              .map((e) => EXPECTED[(e as { expected: string }).expected]),
          ),
        ),
      ].filter(Boolean);
      return add(
        path,
        `${fieldName(path)} must be ${expected.join(' or ') || 'something else'}, not ${describeValue(value)}`,
      );
    }
    const best = meant.reduce((a, b) => (b.errors.length < a.errors.length ? b : a));
    for (const e of best.errors) walk(e, path);
  };

  /** A union of one-key maps, like the steps: the key says which option was meant. */
  const keyed = (
    issue: Extract<Issue, { code: 'invalid_union' }>,
    path: PathKey[],
    value: unknown,
    kinds: string[],
  ) => {
    const noun = 'step';
    const known = `Steps: ${kinds.join(', ')}`;
    const example = `e.g. "- ${kinds[0]}: { … }"`;
    if (!isPlainObject(value)) {
      if (typeof value === 'string' && kinds.includes(value)) {
        return add(
          path,
          `${noun} ${excerpt(value)} needs a map after it: write "${excerpt(value).slice(1, -1)}: {}" if it takes no parameters`,
        );
      }
      return add(
        path,
        `a ${noun} is a map with one key, the ${noun} kind (${example}), not ${describeValue(value)}`,
        {
          hint: known,
        },
      );
    }
    const keys = Object.keys(value);
    if (keys.length === 0)
      return add(path, `empty ${noun}: write the ${noun} kind as its key, ${example}`, { hint: known });
    const knownKeys = keys.filter((k) => kinds.includes(k));
    for (const key of keys) {
      if (kinds.includes(key)) continue;
      const owner = knownKeys.length === 1 ? knownKeys[0]! : undefined;
      const ownerKeys = owner ? (allowedKeys(schema, [...path, owner], data) ?? []) : [];
      if (owner && ownerKeys.includes(key)) {
        add([...path, key], `${excerpt(key)} belongs under "${owner}:": indent it further than "${owner}"`, {
          key: true,
        });
      } else {
        const guess = didYouMean(key, kinds);
        add([...path, key], `unknown ${noun} ${excerpt(key)}${guess ? `${guess} ` : '. '}${known}`, {
          key: true,
        });
      }
    }
    if (knownKeys.length > 1) {
      add(
        [...path, knownKeys[1]!],
        `one ${noun} per list entry, this one has ${knownKeys.length}: ${knownKeys.join(', ')}; start each ${noun} with its own "-"`,
        { key: true },
      );
    }
    if (keys.length === 1 && knownKeys.length === 1) {
      const branch = issue.errors[kinds.indexOf(knownKeys[0]!)] ?? [];
      for (const e of branch) {
        const inner = [...path, ...e.path.map(String)];
        const params = child(data, ...inner);
        if (e.code === 'invalid_type' && e.path.length === 1 && params === null) {
          add(
            inner,
            `${noun} "${knownKeys[0]}" needs its parameters as a map below it, or "{}" if it has none`,
          );
        } else walk(e, path);
      }
    }
  };

  for (const issue of issues) walk(issue, []);
  return out.filter((p) => {
    const key = missing.get(p);
    return key === undefined || !guessed.has(key);
  });
}
