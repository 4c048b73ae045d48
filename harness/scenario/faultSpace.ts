/**
 * Which fault combinations a scenario runs, by its `explore.strategy`:
 *
 * - `all` (default): every combination up to `maxFaults` (combinations.ts).
 * - `pairwise`: a covering array of strength 2 over the faults as on/off factors: for every
 *   two faults a and b, some run has both, some has a without b, some b without a, and the
 *   fault-free run has neither. Rows hold at most `maxFaults` faults. No maintained npm
 *   generator handles binary factors with a row-size bound, so this is the small greedy
 *   construction of AETG/IPOG: each row starts from the first uncovered pair and takes each
 *   further fault when that covers more uncovered pairs than leaving it out.
 * - `smallest-failing`: every combination in increasing size (the order of `all`); with
 *   `explore.monotone: true` the runner skips a combination that contains one already known to
 *   dead-end for the same persona (see skipsAsSuperset).
 */
import { faultCombinations } from './combinations.ts';
import type { Scenario } from './schema.ts';

export type Strategy = 'all' | 'pairwise' | 'smallest-failing';

/** The combinations a scenario's strategy runs, `[]` first, then by size and scenario order. */
export function planCombinations(explore: Scenario['explore'], labels: readonly string[]): string[][] {
  if (explore.strategy === 'pairwise') return pairwiseCombinations(labels, explore.maxFaults);
  return faultCombinations(labels, explore.maxFaults);
}

/** Whether the runner may skip runs whose combination contains one that dead-ended. */
export const prunesSupersets = (explore: Scenario['explore']): boolean =>
  explore.strategy === 'smallest-failing' && explore.monotone === true;

/**
 * True when `combo` contains (strictly) one of the dead-ending combinations: under monotone
 * faults adding a fault never opens a recovery path, so it dead-ends too.
 */
export function skipsAsSuperset(combo: readonly string[], deadEnds: readonly (readonly string[])[]): boolean {
  return deadEnds.some((d) => d.length < combo.length && d.every((f) => combo.includes(f)));
}

/** A pair requirement: both on, or `on` without `off`. */
type Need = { on: number[]; off: number[] };

export function pairwiseCombinations(labels: readonly string[], maxFaults = labels.length): string[][] {
  const n = labels.length;
  const k = Math.min(Math.max(0, maxFaults), n);
  // Fewer than two faults per run cannot cover a pair: every combination up to k it is.
  if (k < 2 || n < 2) return faultCombinations(labels, k);
  const needs: Need[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      needs.push({ on: [i, j], off: [] }, { on: [i], off: [j] }, { on: [j], off: [i] });
    }
  const covered = new Array<boolean>(needs.length).fill(false);
  const meets = (row: ReadonlySet<number>, need: Need) =>
    need.on.every((f) => row.has(f)) && need.off.every((f) => !row.has(f));
  const rows: number[][] = [];
  for (let first = 0; first < needs.length; first++) {
    if (covered[first]) continue;
    const seed = needs[first]!;
    const on = new Set(seed.on);
    const off = new Set(seed.off);
    for (let f = 0; f < n; f++) {
      if (on.has(f) || off.has(f)) continue;
      // Gains counted against the faults decided so far.
      let gainOn = 0;
      let gainOff = 0;
      needs.forEach((need, x) => {
        if (covered[x] || !(need.on.includes(f) || need.off.includes(f))) return;
        const others = [...need.on, ...need.off].filter((g) => g !== f);
        if (!others.every((g) => on.has(g) || off.has(g))) return;
        const othersMet =
          need.on.every((g) => g === f || on.has(g)) && need.off.every((g) => g === f || !on.has(g));
        if (!othersMet) return;
        if (need.on.includes(f)) gainOn++;
        else gainOff++;
      });
      if (gainOn > gainOff && on.size < k) on.add(f);
      else off.add(f);
    }
    needs.forEach((need, x) => {
      if (!covered[x] && meets(on, need)) covered[x] = true;
    });
    rows.push([...on].sort((a, b) => a - b));
  }
  // The canonical order of `all`: by size, then by the scenario order of the faults.
  const unique = new Map<string, number[]>([['', []]]);
  for (const r of rows) unique.set(r.join(','), r);
  return [...unique.values()]
    .sort((a, b) => a.length - b.length || compareIndices(a, b))
    .map((r) => r.map((i) => labels[i]!));
}

function compareIndices(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
