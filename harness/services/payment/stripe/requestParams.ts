/**
 * Request parameters read with Stripe's coercions and errors.
 */
import { invalidRequest } from './errors.ts';
import { checkMetadataEntry, checkNestedParams } from './paramChecks.ts';
import type { FormObject, FormValue } from './params.ts';
import type { Metadata } from './types.ts';

/** Request parameters with Stripe's coercions and errors. */
export class Params {
  readonly raw: FormObject;

  constructor(raw: FormObject, allowed: readonly string[], prefix = '') {
    this.raw = raw;
    for (const key of Object.keys(raw)) {
      if (key !== 'expand' && !allowed.includes(key)) {
        const name = prefix ? `${prefix}[${key}]` : key;
        throw invalidRequest(`Received unknown parameter: ${name}`, 'parameter_unknown', name);
      }
    }
    checkNestedParams(raw, prefix);
  }

  #name(key: string, prefix: string): string {
    return prefix ? `${prefix}[${key}]` : key;
  }

  str(key: string, prefix = ''): string | undefined {
    const v = this.raw[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string')
      throw invalidRequest(`Invalid string: ${JSON.stringify(v)}`, undefined, this.#name(key, prefix));
    return v;
  }

  req(key: string, prefix = ''): string {
    const v = this.str(key, prefix);
    if (v === undefined || v === '') {
      const name = this.#name(key, prefix);
      throw invalidRequest(`Missing required param: ${name}.`, 'parameter_missing', name);
    }
    return v;
  }

  int(key: string, prefix = ''): number | undefined {
    const v = this.str(key, prefix);
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v.trim()))
      throw invalidRequest(`Invalid integer: ${v}`, 'parameter_invalid_integer', this.#name(key, prefix));
    return Number(v);
  }

  bool(key: string, prefix = ''): boolean | undefined {
    const v = this.str(key, prefix);
    if (v === undefined) return undefined;
    if (v === 'true') return true;
    if (v === 'false') return false;
    throw invalidRequest(`Invalid boolean: ${v}`, undefined, this.#name(key, prefix));
  }

  oneOf<T extends string>(key: string, values: readonly T[], prefix = ''): T | undefined {
    const v = this.str(key, prefix);
    if (v === undefined) return undefined;
    if (!values.includes(v as T))
      throw invalidRequest(
        `Invalid ${this.#name(key, prefix)}: must be one of ${values.join(', ')}`,
        undefined,
        this.#name(key, prefix),
      );
    return v as T;
  }

  obj(key: string, allowed: readonly string[], prefix = ''): Params | undefined {
    const v = this.raw[key];
    if (v === undefined || v === '') return undefined;
    const name = this.#name(key, prefix);
    if (typeof v === 'string' || Array.isArray(v)) throw invalidRequest(`Invalid hash`, undefined, name);
    return new Params(v, allowed, name);
  }

  list(key: string, prefix = ''): FormValue[] | undefined {
    const v = this.raw[key];
    if (v === undefined || v === '') return undefined;
    if (!Array.isArray(v)) throw invalidRequest(`Invalid array`, undefined, this.#name(key, prefix));
    return v;
  }

  /** `metadata`: a hash of strings; an empty string clears it all (null). */
  metadata(key = 'metadata'): Metadata | null | undefined {
    const v = this.raw[key];
    if (v === undefined) return undefined;
    if (v === '') return null;
    if (typeof v === 'string' || Array.isArray(v)) throw invalidRequest('Invalid hash', undefined, key);
    const out: Metadata = {};
    let count = 0;
    for (const [k, value] of Object.entries(v)) {
      if (typeof value !== 'string')
        throw invalidRequest(
          `Invalid value for metadata key ${k}: must be a string`,
          undefined,
          `${key}[${k}]`,
        );
      checkMetadataEntry(key, k, value, ++count);
      out[k] = value;
    }
    return out;
  }

  expand(): string[] {
    const v = this.raw.expand;
    if (v === undefined) return [];
    const list = Array.isArray(v) ? v : [v];
    return list.map((e) => {
      if (typeof e !== 'string') throw invalidRequest('Invalid array', undefined, 'expand');
      return e;
    });
  }
}
