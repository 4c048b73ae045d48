/**
 * The what-if's ranking, fed one searched pair (a dead end under a candidate change) at a time,
 * in any order: the fixes it gives depend only on the outcomes, not on which thread searched
 * what or when.
 *
 * Stopping early ("settled"): with `top` = k, only the first k fixes of the ranking are kept
 * (most rescues first, then by name, as `sortFixes` orders them), each still listing every
 * dead end it rescues. A change is settled out of the top k, and its remaining dead ends are not
 * searched, as soon as k other changes certainly rank above it: a change d certainly ranks above
 * c when the rescues d already has exceed the most c can still reach (its rescues plus its dead
 * ends not yet known), or equal it and d's name sorts first. Rescues only grow and a change's
 * reach only shrinks, so a settled change stays out; every change not settled out is searched to
 * the end. So the k fixes are exactly the first k of the full ranking, rescues included.
 */
import type { Fix, Outcome } from '../core/contract.ts';
import { sortFixes } from '../core/merge.ts';
import type { WhatIfJob } from './whatIf.ts';

/** One dead end (by index in its job) to search under one change. */
export interface WhatIfPair {
  job: number;
  deadEnd: number;
  change: string;
}

const pairKey = (p: WhatIfPair) => `${p.job}\u0000${p.deadEnd}\u0000${p.change}`;

export class FixRanking {
  private readonly pairs: WhatIfPair[] = [];
  private cursor = 0;
  private readonly outcomes = new Map<string, Outcome>();
  /** Per change: dead ends it rescued so far, and dead ends not yet known (queued or in flight). */
  private readonly rescued = new Map<string, number>();
  private readonly unknown = new Map<string, number>();
  private readonly settledOut = new Set<string>();
  private readonly jobs: readonly WhatIfJob[];
  private readonly top: number | undefined;

  constructor(jobs: readonly WhatIfJob[], top?: number) {
    this.jobs = jobs;
    this.top = top;
    // Dead end by dead end, every change it could feel: the changes' counts grow side by side,
    // so the ones that cannot make the top k show it early.
    jobs.forEach((job, j) => {
      job.deadEnds.forEach((_run, d) => {
        for (const c of job.candidates) {
          if (!job.relevant[d]!.has(c.change)) continue;
          this.pairs.push({ job: j, deadEnd: d, change: c.change });
          this.unknown.set(c.change, (this.unknown.get(c.change) ?? 0) + 1);
          this.rescued.set(c.change, 0);
        }
      });
    });
  }

  /** Pairs planned in all (before any is skipped). */
  get planned(): number {
    return this.pairs.length;
  }

  /** The next pair worth searching; undefined when none is left. */
  next(): WhatIfPair | undefined {
    while (this.cursor < this.pairs.length) {
      const pair = this.pairs[this.cursor++]!;
      if (!this.isOut(pair.change)) return pair;
      this.unknown.set(pair.change, this.unknown.get(pair.change)! - 1);
    }
    return undefined;
  }

  record(pair: WhatIfPair, outcome: Outcome): void {
    this.outcomes.set(pairKey(pair), outcome);
    this.unknown.set(pair.change, this.unknown.get(pair.change)! - 1);
    if (outcome !== 'dead-end') this.rescued.set(pair.change, this.rescued.get(pair.change)! + 1);
  }

  private isOut(change: string): boolean {
    if (this.top === undefined) return false;
    if (this.settledOut.has(change)) return true;
    const reach = this.rescued.get(change)! + this.unknown.get(change)!;
    let above = 0;
    for (const [other, has] of this.rescued) {
      if (other !== change && (has > reach || (has === reach && other < change))) above++;
    }
    if (above < this.top) return false;
    this.settledOut.add(change);
    return true;
  }

  /** The ranked fixes (call once every pair handed out has been recorded). */
  fixes(): Fix[] {
    const fixes = new Map<string, Fix>();
    // Rescues in the canonical order (scenario, change, dead end): sortFixes keeps ties in it.
    this.jobs.forEach((job, j) => {
      for (const cand of job.candidates) {
        if (this.settledOut.has(cand.change)) continue;
        job.deadEnds.forEach((run, d) => {
          const outcome = this.outcomes.get(pairKey({ job: j, deadEnd: d, change: cand.change }));
          if (outcome === undefined || outcome === 'dead-end') return;
          let fix = fixes.get(cand.change);
          if (!fix) {
            fix = {
              change: cand.change,
              description: cand.description,
              overrides: cand.overrides as Record<string, unknown>,
              rescues: [],
            };
            fixes.set(cand.change, fix);
          }
          fix.rescues.push({ scenario: job.result.id, faults: run.faults, outcome });
        });
      }
    });
    const ranked = sortFixes([...fixes.values()]);
    return this.top === undefined ? ranked : ranked.slice(0, this.top);
  }
}
