/**
 * What-if analysis for process owners: for every dead end, re-run the same journey with one
 * self-service capability switched on (or one policy changed) and count the dead ends each
 * change rescues. The fix that rescues the most comes first.
 *
 * It costs less than the main pass: the main pass notes every capability and policy each dead
 * end read (settingReads.ts; a dead end that ran in another thread is searched once more here
 * to find out, unless its worker sent the notes back). A change to a setting the run never read
 * cannot change the run (runs are deterministic and read settings only from the profile), so
 * only the candidates that touch something the dead end read are searched again, and only the
 * journey search runs (no oracles, no trace, no afterwards: only the outcome counts here). The
 * result is exactly the one of re-running every candidate.
 *
 * The searches left are independent (one dead end under one change), so they can run on the
 * suite's worker threads (whatIfParallel.ts); the ranking (whatIfRanking.ts) takes their
 * outcomes in any order and gives the same fixes.
 *
 * Open-vocabulary scenarios take part with their own candidates (open/whatIf.ts: each declared
 * capability that is off and gates something); their fixes rank in the same list. Their dead
 * ends read no settings notes: every candidate of the scenario is searched for each.
 */

import type { Fix, Outcome, ResultsFile, RunResult, ScenarioResult } from '../core/contract.ts';
import { JOURNEY_CAPABILITIES } from '../customer/recovery.ts';
import {
  applyOverrides,
  CAPABILITY_FIXES,
  type MerchantOverrides,
  PAYMENT_MISMATCH_FIXES,
} from '../merchant/profile.ts';
import { combinationKey } from '../scenario/combinations.ts';
import type { AnyLoadedScenario, LoadedScenario } from '../scenario/load.ts';
import { exploreJourney } from './journeySearch.ts';
import { isOpenLoaded } from './open/plan.ts';
import type { PreparedOpen } from './open/runOpen.ts';
import { openCandidates, openOutcome, prepareWithChange } from './open/whatIf.ts';
import { buildEnv, initialWorld, type PreparedScenario, personaFor, prepare, runSeedKey } from './runner.ts';
import { recalledReads, settingsWatch } from './settingReads.ts';
import { FixRanking, type WhatIfPair } from './whatIfRanking.ts';

export interface Candidate {
  change: string;
  description: string;
  overrides: MerchantOverrides;
  /** The profile settings the change touches, as `capabilities.x` / `policies.y`. */
  touches: string[];
}

export function candidates(loaded: LoadedScenario): Candidate[] {
  const m = loaded.merchant;
  const out: Candidate[] = [];
  for (const c of JOURNEY_CAPABILITIES) {
    if (!m.capabilities[c])
      out.push({
        change: `offer ${c}`,
        description: CAPABILITY_FIXES[c],
        overrides: { capabilities: { [c]: true } },
        touches: [`capabilities.${c}`],
      });
  }
  for (const p of ['ask-customer', 'cancel-and-notify'] as const) {
    if (m.policies.onPaymentMismatch !== p) {
      out.push({
        change: `onPaymentMismatch: ${p}`,
        description: PAYMENT_MISMATCH_FIXES[p],
        overrides: { policies: { onPaymentMismatch: p } },
        touches: ['policies.onPaymentMismatch'],
      });
    }
  }
  return out;
}

function outcomeOf(prep: PreparedScenario, combo: string[], persona: number, seed: number): Outcome {
  const id = prep.loaded.scenario.id;
  const env = buildEnv(prep, combo, runSeedKey(seed, id, { combo, persona }));
  const who = personaFor(prep, seed, combinationKey(combo), persona);
  return exploreJourney(env, prep.journey, initialWorld(prep, env, who)).outcome;
}

/** The scenarios prepared once per candidate change, for searching many dead ends under it. */
export class CandidateSearch {
  private readonly preps = new Map<string, PreparedScenario | PreparedOpen>();
  private readonly seed: number;
  private readonly calendarsDir: string | undefined;
  constructor(seed: number, calendarsDir?: string) {
    this.seed = seed;
    this.calendarsDir = calendarsDir;
  }

  /** The outcome of one dead end of `loaded` with the merchant changed by `change`. */
  outcome(loaded: AnyLoadedScenario, change: string, faults: string[], persona: number): Outcome {
    const key = `${loaded.file}\u0000${loaded.scenario.id}\u0000${change}`;
    if (isOpenLoaded(loaded)) {
      let open = this.preps.get(key) as PreparedOpen | undefined;
      if (!open) {
        open = prepareWithChange(loaded, change, this.calendarsDir);
        this.preps.set(key, open);
      }
      return openOutcome(open, { combo: faults, persona }, this.seed);
    }
    let prep = this.preps.get(key) as PreparedScenario | undefined;
    if (!prep) {
      const cand = candidates(loaded).find((c) => c.change === change);
      if (!cand) throw new Error(`no what-if candidate "${change}" for scenario ${loaded.scenario.id}`);
      prep = prepare(
        { ...loaded, merchant: applyOverrides(loaded.merchant, cand.overrides) },
        this.calendarsDir,
      );
      this.preps.set(key, prep);
    }
    return outcomeOf(prep, faults, persona, this.seed);
  }
}

/** One scenario's part of the what-if: its dead ends and the candidates each could feel. */
export interface WhatIfJob {
  result: ScenarioResult;
  loaded: AnyLoadedScenario;
  deadEnds: RunResult[];
  candidates: Candidate[];
  /** Per dead end, the changes worth searching it under. */
  relevant: Set<string>[];
}

/** The dead ends to search again, and under which changes (in the canonical order). */
export function planWhatIf(
  scenarios: readonly AnyLoadedScenario[],
  results: ResultsFile,
  calendarsDir?: string,
): WhatIfJob[] {
  const jobs: WhatIfJob[] = [];
  for (const sr of results.scenarios) {
    const deadEnds = sr.runs.filter((r) => r.outcome === 'dead-end');
    if (deadEnds.length === 0) continue;
    const loaded = scenarios.find((s) => s.scenario.id === sr.id && s.file === sr.file);
    if (!loaded) continue;
    if (isOpenLoaded(loaded)) {
      const cands = openCandidates(loaded);
      if (cands.length === 0) continue;
      const every = new Set(cands.map((c) => c.change));
      jobs.push({ result: sr, loaded, deadEnds, candidates: cands, relevant: deadEnds.map(() => every) });
      continue;
    }
    const cands = candidates(loaded);
    let probe: ReturnType<typeof settingsWatch> | undefined;
    // Which candidates each dead end could feel: from the main pass when it ran in this
    // thread (or its worker sent the notes back), else by searching it once more, watched.
    const relevant = deadEnds.map((run) => {
      const planned = { combo: run.faults, persona: run.persona.index };
      let reads = recalledReads(loaded, results.seed, planned);
      if (!reads) {
        probe ??= settingsWatch(prepare(loaded, calendarsDir));
        probe.reads.clear();
        outcomeOf(probe.prep, run.faults, run.persona.index, results.seed);
        reads = probe.reads;
      }
      return new Set(cands.filter((c) => c.touches.some((k) => reads.has(k))).map((c) => c.change));
    });
    jobs.push({ result: sr, loaded, deadEnds, candidates: cands, relevant });
  }
  return jobs;
}

export interface WhatIfOptions {
  calendarsDir?: string;
  /**
   * Keep only the first `top` fixes of the ranking (each still with every rescue), and stop
   * searching a change as soon as it cannot make it into them. Default: every fix.
   */
  top?: number;
}

/** Searches the planned pairs one after another in this thread and ranks the fixes. */
export function suggestFixes(
  scenarios: readonly AnyLoadedScenario[],
  results: ResultsFile,
  opts: WhatIfOptions = {},
): Fix[] {
  const jobs = planWhatIf(scenarios, results, opts.calendarsDir);
  const ranking = new FixRanking(jobs, opts.top);
  const search = new CandidateSearch(results.seed, opts.calendarsDir);
  for (let pair = ranking.next(); pair; pair = ranking.next()) {
    ranking.record(pair, searchPair(search, jobs, pair));
  }
  return ranking.fixes();
}

export function searchPair(search: CandidateSearch, jobs: readonly WhatIfJob[], pair: WhatIfPair): Outcome {
  const job = jobs[pair.job]!;
  const run = job.deadEnds[pair.deadEnd]!;
  return search.outcome(job.loaded, pair.change, run.faults, run.persona.index);
}
