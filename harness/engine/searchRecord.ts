/**
 * Records what the recovery search tried, for the report's journey map: each distinct recovery
 * path once, with how it ended. Bounded, so a big suite's results.json stays small: the first
 * MAX_TRIED paths in the order the search tried them (earliest first), plus the path that reached
 * the goal wherever it came, and a flag when more were left out.
 */

import type { SearchRecord, TriedPath } from '../core/contract.ts';
import type { SearchObserver } from './journeySearch.ts';

export const MAX_TRIED = 16;

export function recordSearch(max = MAX_TRIED): { observe: SearchObserver; result(): SearchRecord } {
  const tried = new Map<string, TriedPath>();
  let truncated = false;
  const observe: SearchObserver = (path, end) => {
    const key = path.join('\u0000');
    const known = tried.get(key);
    if (known) {
      // The staff search repeats the self-service paths; keep the end it found for them.
      if (end && !known.end) known.end = end as TriedPath['end'];
      return;
    }
    if (tried.size >= max && end !== 'goal') {
      truncated = true;
      return;
    }
    tried.set(key, end ? { path: [...path], end: end as TriedPath['end'] } : { path: [...path] });
  };
  return {
    observe,
    result: () => ({ tried: [...tried.values()], ...(truncated ? { truncated } : {}) }),
  };
}
