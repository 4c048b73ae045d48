/**
 * One generic walk over a schema and the data it parsed: every `ref()` / `declares()` leaf (by
 * the registry in vocabulary/schema/terms.ts) and every business-time value, with its path and
 * the objects above it. Validate reads references from here instead of a visitor per field, so
 * a field added to the schema with `ref('x')` is checked without touching the loader.
 */
import type { z } from 'zod';
import { businessTimeSchema, referenceKinds } from '../../vocabulary/schema/index.ts';
import type { PathKey } from '../source.ts';

interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: readonly z.ZodType[];
  items?: readonly z.ZodType[];
  in?: z.ZodType;
  getter?: () => z.ZodType;
}
const def = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

export interface Reference {
  kind: string;
  id: string;
  path: PathKey[];
  /** A tag declared here (a charge's tag), not a use. */
  declares?: true;
  /** The record key at `path`, rather than its value, is the reference. */
  key?: true;
}

export interface Ancestor {
  value: Record<string, unknown>;
  path: PathKey[];
}

export interface BusinessTimeUse {
  value: unknown;
  path: PathKey[];
  /** Nearest first. */
  ancestors: Ancestor[];
}

export interface Walked {
  references: Reference[];
  businessTimes: BusinessTimeUse[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function walk(schema: z.ZodType, data: unknown): Walked {
  const out: Walked = { references: [], businessTimes: [] };
  const visit = (s: z.ZodType, value: unknown, path: PathKey[], ancestors: Ancestor[]): void => {
    if (value === undefined) return;
    const d = def(s);
    if (d === def(businessTimeSchema)) out.businessTimes.push({ value, path, ancestors });
    const mark = referenceKinds.get(d);
    const inner = WRAPPERS.has(d.type)
      ? d.innerType
      : d.type === 'pipe'
        ? d.in
        : d.type === 'lazy'
          ? d.getter?.()
          : d.type === 'union'
            ? d.options?.find((o) => o.safeParse(value).success)
            : undefined;
    if (mark && typeof value === 'string')
      out.references.push({ kind: mark.kind, id: value, path, ...(mark.declares ? { declares: true } : {}) });
    else if (inner) visit(inner, value, path, ancestors);
    else if (d.type === 'object' && d.shape && isObject(value)) {
      const here = [{ value, path }, ...ancestors];
      for (const [k, child] of Object.entries(d.shape)) visit(child, value[k], [...path, k], here);
    } else if ((d.type === 'array' || d.type === 'tuple') && Array.isArray(value)) {
      value.forEach((v, i) => {
        const item = d.type === 'array' ? d.element : d.items?.[i];
        if (item) visit(item, v, [...path, i], ancestors);
      });
    } else if (d.type === 'record' && d.valueType && isObject(value)) {
      const keyMark = d.keyType ? referenceKinds.get(def(d.keyType)) : undefined;
      const here = [{ value, path }, ...ancestors];
      for (const [k, v] of Object.entries(value)) {
        if (keyMark) out.references.push({ kind: keyMark.kind, id: k, path: [...path, k], key: true });
        visit(d.valueType, v, [...path, k], here);
      }
    }
  };
  visit(schema, data, [], []);
  return out;
}
