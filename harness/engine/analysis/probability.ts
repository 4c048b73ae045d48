/**
 * Probabilities of a top event (a dead end, a high-severity finding) from the fault
 * probabilities, each fault striking a customer's journey independently of the others.
 */

/** A 95% Wilson score interval for `k` successes in `n` trials (well-behaved near 0 and 1). */
export function wilson(k: number, n: number, z = 1.959963984540054): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At 0 or n successes the bound is exactly 0 or 1 (rounding would leave 1e-19).
  return { low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half) };
}

/** The chance that exactly this combination of faults is present (all in it, none outside). */
export function combinationProbability(
  combo: readonly string[],
  probabilities: ReadonlyMap<string, number>,
): number {
  const inside = new Set(combo);
  let p = 1;
  for (const [label, q] of probabilities) p *= inside.has(label) ? q : 1 - q;
  return p;
}

/** Rare-event approximation: the sum over cut sets of the product of their faults' probabilities. */
export function rareEventApproximation(
  cutSets: readonly (readonly string[])[],
  probabilities: ReadonlyMap<string, number>,
): number {
  let sum = 0;
  for (const c of cutSets) sum += c.reduce((p, f) => p * (probabilities.get(f) ?? 1), 1);
  return sum;
}

/**
 * P(at least one cut set fully present), by inclusion–exclusion over the cut sets. Exact when the
 * top event is monotone (no fault rescues); undefined past `limit` cut sets (2^limit terms).
 */
export function cutSetUnionProbability(
  cutSets: readonly (readonly string[])[],
  probabilities: ReadonlyMap<string, number>,
  limit = 16,
): number | undefined {
  const n = cutSets.length;
  if (n > limit) return undefined;
  let total = 0;
  for (let mask = 1; mask < 1 << n; mask++) {
    const union = new Set<string>();
    let bits = 0;
    for (let i = 0; i < n; i++)
      if (mask & (1 << i)) {
        bits++;
        for (const f of cutSets[i]!) union.add(f);
      }
    let p = 1;
    for (const f of union) p *= probabilities.get(f) ?? 1;
    total += bits % 2 === 1 ? p : -p;
  }
  return total;
}

/**
 * The exact probability of the top event, rescues included: the sum over every combination of
 * faults of its probability where the top event holds. Needs all 2^n combinations evaluated.
 */
export function enumeratedProbability(
  labels: readonly string[],
  probabilities: ReadonlyMap<string, number>,
  holds: (combo: string[]) => boolean,
): number {
  let total = 0;
  for (const combo of allSubsets(labels))
    if (holds(combo)) total += combinationProbability(combo, probabilities);
  return total;
}

/** Every subset of `labels`, each in the labels' order. */
export function allSubsets(labels: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let mask = 0; mask < 2 ** labels.length; mask++)
    out.push(labels.filter((_, i) => Math.floor(mask / 2 ** i) % 2 === 1));
  return out;
}
