/**
 * Warnings validate prints (design §2.10), not errors: a customer-relevant fact nothing ever
 * tells (every change of it will be a silent failure), and an action that can never apply
 * because its `requires` needs a fact nothing sets and that is not initially true.
 */
import type { OpenMerchantProfile } from '../../vocabulary/schema/index.ts';
import type { PathKey, Problem } from '../source.ts';
import type { Reference } from './walk.ts';

/** Fact references that tell the customer: a message's or a redirect's `tells`, a `tell` effect. */
const tells = (r: Reference) => r.kind === 'fact' && (r.path.includes('tells') || r.path.at(-1) === 'tell');
/** Fact references that make a fact true: `set`, a route hop's `scans`, a shipment's `delivered`, `given`. */
const sets = (r: Reference) =>
  r.kind === 'fact' &&
  (r.path.at(-1) === 'set' ||
    r.path.at(-1) === 'scans' ||
    r.path.includes('delivered') ||
    r.path[0] === 'given');

export interface Located {
  ref: Reference;
  /** Which source the reference was read from (index into the caller's list). */
  source: number;
}

/** Warnings keyed by the source they belong in. */
export function vocabularyWarnings(
  profile: OpenMerchantProfile,
  refs: readonly Located[],
  declaredAt: (list: string, id: string) => { source: number; path: PathKey[] } | undefined,
): { source: number; problem: Problem }[] {
  const out: { source: number; problem: Problem }[] = [];
  const told = new Set(refs.filter((l) => tells(l.ref)).map((l) => l.ref.id));
  const made = new Set(refs.filter((l) => sets(l.ref)).map((l) => l.ref.id));
  for (const f of profile.facts) if (f.initially) made.add(f.id);
  for (const f of profile.facts) {
    if (!f.customerRelevant || told.has(f.id)) continue;
    const at = declaredAt('facts', f.id);
    if (at)
      out.push({
        source: at.source,
        problem: {
          path: at.path,
          message: `warning: the customer-relevant fact "${f.id}" is told by nothing (no message's tells, no tell effect, no redirect's tells): every change of it will be silent`,
        },
      });
  }
  for (const l of refs) {
    const p = l.ref.path;
    const i = p.indexOf('requires');
    if (l.ref.kind !== 'fact' || i < 0 || p[0] !== 'actions' || made.has(l.ref.id)) continue;
    // The customer can know a fact they were told without it ever being set (a redirect's words).
    if (p.at(-1) === 'knows' && told.has(l.ref.id)) continue;
    // Only a fact every way through the condition needs: under not/any it is an alternative.
    const within = p.slice(i + 1);
    if (within.includes('not') || within.includes('any')) continue;
    out.push({
      source: l.source,
      problem: {
        path: p,
        message: `warning: this action can never apply: it requires "${l.ref.id}", which nothing sets and is not initially true`,
      },
    });
  }
  return out;
}
