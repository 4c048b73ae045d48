/**
 * Stripe's search query language for `GET /v1/customers/search`, the part a shop uses: clauses
 * `field:'value'` (exact), `field~'value'` (substring) and `metadata['key']:'value'`, joined by
 * all-`AND` or all-`OR`, over `email`, `name`, `phone`, `description` and metadata. Anything
 * else is the 400 Stripe gives for a query it cannot parse.
 */

import { invalidRequest } from './errors.ts';
import type { Customer } from './types.ts';

type Clause = { field: string; key?: string; op: ':' | '~'; value: string };

const FIELDS = new Set(['email', 'name', 'phone', 'description']);
const CLAUSE =
  /^\s*(metadata\[(?:'([^']*)'|"([^"]*)")\]|[a-z_]+)\s*([:~])\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*$/;

function parseClause(text: string): Clause {
  const m = CLAUSE.exec(text);
  if (!m)
    throw invalidRequest(
      `We were unable to parse your search query. Try using the format \`metadata["key"]:"value"\` to query for metadata or \`key:"value"\` to query for other fields.`,
      'parameter_invalid_string',
      'query',
    );
  const key = m[2] ?? m[3];
  const field = key !== undefined ? 'metadata' : m[1]!;
  if (field !== 'metadata' && !FIELDS.has(field))
    throw invalidRequest(
      `Field \`${field}\` is an unsupported search field for resource \`customers\`. The sandbox searches ${[...FIELDS].join(', ')} and metadata.`,
      'parameter_invalid_string',
      'query',
    );
  const value = (m[5] ?? m[6] ?? '').replace(/\\(.)/g, '$1');
  return { field, ...(key !== undefined ? { key } : {}), op: m[4] as ':' | '~', value };
}

/** The customers a search query selects (in the order given). */
export function searchCustomers(customers: Customer[], query: string): Customer[] {
  const hasAnd = /\sAND\s/.test(query);
  const hasOr = /\sOR\s/.test(query);
  if (hasAnd && hasOr)
    throw invalidRequest(
      'You cannot combine `AND` and `OR` in one search query.',
      'parameter_invalid_string',
      'query',
    );
  const clauses = query.split(hasOr ? /\s+OR\s+/ : /\s+AND\s+/).map(parseClause);
  const holds = (c: Customer, cl: Clause) => {
    const raw =
      cl.field === 'metadata' ? c.metadata[cl.key!] : (c as unknown as Record<string, unknown>)[cl.field];
    if (typeof raw !== 'string') return false;
    if (cl.op === '~') return raw.toLowerCase().includes(cl.value.toLowerCase());
    return cl.field === 'email' ? raw.toLowerCase() === cl.value.toLowerCase() : raw === cl.value;
  };
  return customers.filter((c) =>
    hasOr ? clauses.some((cl) => holds(c, cl)) : clauses.every((cl) => holds(c, cl)),
  );
}
