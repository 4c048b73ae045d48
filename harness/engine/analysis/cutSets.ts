/**
 * Minimal cut sets: the smallest sets of faults that together cause a top event (a dead end,
 * or a given finding). Enumerated by increasing size; a combination that contains a known cut
 * set is never evaluated, since it cannot be minimal. That pruning needs no monotonicity:
 * a combination is a minimal cut set exactly when it causes the event and none of its proper
 * subsets does, and every smaller subset has been decided by the time it is reached.
 * Monotonicity is NOT assumed anywhere else either: a fault that, added to a cut set, takes the
 * event away again (a spam-folder copy that saves a quarantined key) is looked for and
 * reported as a rescue.
 */
import type { Rescue } from '../../core/contract.ts';
import { faultCombinations } from '../../scenario/combinations.ts';

export interface CutSetResult {
  /** Minimal cut sets, by size, then in the scenario's fault order. `[[]]`: the event needs no fault. */
  cutSets: string[][];
  /** Largest size searched: cut sets larger than this are not known. */
  maxSize: number;
  /** Whether every size was searched (maxSize ≥ number of faults). */
  complete: boolean;
  rescues: Rescue[];
}

/**
 * Level-wise search up to `maxSize` faults. `holds(combo)` decides the top event for one
 * combination (callers memoize it: one run per combination however many events ask).
 */
export function minimalCutSets(
  labels: readonly string[],
  holds: (combo: string[]) => boolean,
  maxSize: number = labels.length,
): CutSetResult {
  const largest = Math.min(maxSize, labels.length);
  const order = new Map(labels.map((l, i) => [l, i]));
  const found: string[][] = [];
  // Cut sets by their lowest fault: a candidate need only be checked against those whose
  // lowest fault it contains.
  const byFirst = new Map<string, Set<string>[]>();
  const containsKnown = (combo: readonly string[]) => {
    const set = new Set(combo);
    for (const f of combo)
      for (const c of byFirst.get(f) ?? []) {
        let all = true;
        for (const g of c)
          if (!set.has(g)) {
            all = false;
            break;
          }
        if (all) return true;
      }
    return false;
  };
  for (let size = 0; size <= largest; size++) {
    for (const combo of subsetsOfSize(labels, size)) {
      if (size > 0 && found.length > 0 && containsKnown(combo)) continue;
      if (!holds(combo)) continue;
      found.push(combo);
      if (size === 0)
        return { cutSets: [[]], maxSize: largest, complete: true, rescues: rescuesOf([[]], labels, holds) };
      const first = combo[0]!;
      const list = byFirst.get(first) ?? [];
      list.push(new Set(combo));
      byFirst.set(first, list);
    }
  }
  found.sort((a, b) => a.length - b.length || compareByOrder(a, b, order));
  return {
    cutSets: found,
    maxSize: largest,
    complete: largest >= labels.length,
    rescues: rescuesOf(found, labels, holds),
  };
}

/** For each cut set, the faults whose addition takes the event away (non-monotone cases). */
function rescuesOf(
  cutSets: readonly string[][],
  labels: readonly string[],
  holds: (c: string[]) => boolean,
): Rescue[] {
  const out: Rescue[] = [];
  for (const c of cutSets)
    for (const f of labels) {
      if (c.includes(f)) continue;
      const withF = labels.filter((l) => l === f || c.includes(l));
      if (!holds(withF)) out.push({ cutSet: c, fault: f });
    }
  return out;
}

function* subsetsOfSize(labels: readonly string[], size: number): Generator<string[]> {
  const n = labels.length;
  const idx = Array.from({ length: size }, (_, i) => i);
  if (size > n) return;
  while (true) {
    yield idx.map((i) => labels[i]!);
    let i = size - 1;
    while (i >= 0 && idx[i] === n - size + i) i--;
    if (i < 0) return;
    idx[i]!++;
    for (let j = i + 1; j < size; j++) idx[j] = idx[j - 1]! + 1;
  }
}

function compareByOrder(a: readonly string[], b: readonly string[], order: Map<string, number>): number {
  for (let i = 0; i < a.length; i++) {
    const d = order.get(a[i]!)! - order.get(b[i]!)!;
    if (d !== 0) return d;
  }
  return 0;
}

/** The reference: evaluate every combination, keep those with no proper subset that holds. */
export function bruteForceCutSets(
  labels: readonly string[],
  holds: (combo: string[]) => boolean,
): string[][] {
  const all = faultCombinations(labels);
  const holding = all.filter((c) => holds(c));
  const keys = new Set(holding.map((c) => c.join('+')));
  return holding.filter(
    (c) => !faultCombinations(c).some((sub) => sub.length < c.length && keys.has(sub.join('+'))),
  );
}

/** Single points of failure: the faults that cause the event on their own. */
export function singlePointsOfFailure(result: CutSetResult): string[] {
  return result.cutSets.filter((c) => c.length === 1).map((c) => c[0]!);
}
