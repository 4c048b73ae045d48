/**
 * List objects (pagination with `limit`, `starting_after`, `ending_before`) and `expand[]`.
 */

import { invalidRequest } from './errors.ts';
import { virtualExpansion } from './request.ts';
import type { Params } from './requestParams.ts';
import { collectionOfId } from './state.ts';
import type { Billing, StripeObject } from './types.ts';

export function page<T extends StripeObject>(items: T[], q: Params, url: string): Record<string, unknown> {
  const limit = q.int('limit') ?? 10;
  if (limit < 1 || limit > 100)
    throw invalidRequest(
      'This value must be greater than or equal to 1 and less than or equal to 100.',
      undefined,
      'limit',
    );
  // Newest first, as Stripe lists.
  let data = items.slice().reverse();
  const after = q.str('starting_after');
  const before = q.str('ending_before');
  if (after !== undefined) {
    const i = data.findIndex((o) => o.id === after);
    if (i < 0) throw invalidRequest(`No such object: '${after}'`, 'resource_missing', 'starting_after');
    data = data.slice(i + 1);
  } else if (before !== undefined) {
    const i = data.findIndex((o) => o.id === before);
    if (i < 0) throw invalidRequest(`No such object: '${before}'`, 'resource_missing', 'ending_before');
    data = data.slice(Math.max(0, i - limit), i);
    return { object: 'list', data, has_more: i - limit > 0, url };
  }
  return { object: 'list', data: data.slice(0, limit), has_more: data.length > limit, url };
}

function resolveId(b: Billing, id: string): StripeObject | undefined {
  const c = collectionOfId(id);
  return c ? (b[c][id] as StripeObject | undefined) : undefined;
}

function expandOne(b: Billing, value: unknown, path: string[], full: string): unknown {
  if (path.length === 0) return value;
  if (Array.isArray(value)) return value.map((v) => expandOne(b, v, path, full));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  if (obj.object === 'list' && path[0] === 'data')
    return { ...obj, data: (obj.data as unknown[]).map((v) => expandOne(b, v, path.slice(1), full)) };
  const [head, ...rest] = path as [string, ...string[]];
  const virtual = head in obj && typeof obj[head] !== 'string' ? undefined : virtualExpansion(b, obj, head);
  if (virtual !== undefined) return { ...obj, [head]: expandOne(b, virtual, rest, full) };
  if (!(head in obj))
    throw invalidRequest(`This property cannot be expanded (${full}).`, undefined, 'expand');
  let field = obj[head];
  if (typeof field === 'string') {
    const found = resolveId(b, field);
    if (!found) throw invalidRequest(`This property cannot be expanded (${full}).`, undefined, 'expand');
    field = found;
  }
  return { ...obj, [head]: expandOne(b, field, rest, full) };
}

export function expand(b: Billing, value: unknown, paths: string[]): unknown {
  let out = value;
  for (const path of paths) out = expandOne(b, out, path.split('.'), path);
  return out;
}
