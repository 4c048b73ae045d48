/**
 * "did you mean …?" for misspelt keys, step kinds, products, faults and channels.
 */

/** Edit distance counting an adjacent swap as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate closest to `word`, if it is close enough to be a likely typo: at most one edit
 * per three characters (at least one from three characters on), case-insensitive. Failing that, a candidate that `word`
 * is the start of ("mail.spam" → "mail.spam-foldered"). Ties go to the earlier candidate.
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  // One- and two-letter words are too short to guess from ("b" is one edit from "a").
  const limit = w.length < 3 ? 0 : Math.max(1, Math.floor(w.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let prefixMatch: string | undefined;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    if (prefixMatch === undefined && w.length >= 3 && c.startsWith(w)) prefixMatch = candidate;
    // The distance is at least the difference in length: skipping those keeps a 1 MB word
    // from costing a 1 MB × n table (22 s and 1 GB for one unknown fault name).
    if (Math.abs(w.length - c.length) > limit) continue;
    const distance = editDistance(w, c);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best ?? prefixMatch;
}

/** ` — did you mean "x"?` or an empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const s = suggest(word, candidates);
  return s === undefined ? '' : ` — did you mean "${s}"?`;
}
