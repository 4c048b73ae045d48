/**
 * What-if analysis for process owners: for every dead end, re-run the same journey with one
 * self-service capability switched on (or one policy changed) and count the dead ends each
 * change rescues. The fix that rescues the most comes first.
 *
 * It costs less than the main pass: the main pass notes every capability and policy each dead
 * end read (settingReads.ts; a dead end that ran in another thread is searched once more here
 * to find out). A change to a setting the run never read cannot change the run (runs are
 * deterministic and read settings only from the profile), so only the candidates that touch
 * something the dead end read are searched again, and only the journey search runs (no
 * oracles, no trace, no afterwards: only the outcome counts here). The result is exactly the
 * one of re-running every candidate.
 */

import type { Fix, Outcome, ResultsFile } from '../core/contract.ts';
import { sortFixes } from '../core/merge.ts';
import { JOURNEY_CAPABILITIES } from '../customer/recovery.ts';
import {
  applyOverrides,
  CAPABILITY_FIXES,
  type MerchantOverrides,
  PAYMENT_MISMATCH_FIXES,
} from '../merchant/profile.ts';
import { combinationKey } from '../scenario/combinations.ts';
import type { LoadedScenario } from '../scenario/load.ts';
import { exploreJourney } from './journeySearch.ts';
import { buildEnv, initialWorld, type PreparedScenario, personaFor, prepare, runSeedKey } from './runner.ts';
import { recalledReads, settingsWatch } from './settingReads.ts';

interface Candidate {
  change: string;
  description: string;
  overrides: MerchantOverrides;
  /** The profile settings the change touches, as `capabilities.x` / `policies.y`. */
  touches: string[];
}

function candidates(loaded: LoadedScenario): Candidate[] {
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

export function suggestFixes(
  scenarios: readonly LoadedScenario[],
  results: ResultsFile,
  opts: { calendarsDir?: string } = {},
): Fix[] {
  const fixes = new Map<string, Fix>();
  for (const sr of results.scenarios) {
    const deadEnds = sr.runs.filter((r) => r.outcome === 'dead-end');
    if (deadEnds.length === 0) continue;
    const loaded = scenarios.find((s) => s.scenario.id === sr.id && s.file === sr.file);
    if (!loaded) continue;
    const cands = candidates(loaded);
    const probe = settingsWatch(prepare(loaded, opts.calendarsDir));
    // Which candidates each dead end could feel: from the main pass when it ran in this
    // thread, else by searching the dead end once more with the settings watched.
    const relevant = deadEnds.map((run) => {
      const planned = { combo: run.faults, persona: run.persona.index };
      let reads = recalledReads(loaded, results.seed, planned);
      if (!reads) {
        probe.reads.clear();
        outcomeOf(probe.prep, run.faults, run.persona.index, results.seed);
        reads = probe.reads;
      }
      return new Set(cands.filter((c) => c.touches.some((k) => reads.has(k))).map((c) => c.change));
    });
    for (const cand of cands) {
      if (!relevant.some((r) => r.has(cand.change))) continue;
      const prep = prepare(
        { ...loaded, merchant: applyOverrides(loaded.merchant, cand.overrides) },
        opts.calendarsDir,
      );
      deadEnds.forEach((run, i) => {
        if (!relevant[i]!.has(cand.change)) return;
        const outcome = outcomeOf(prep, run.faults, run.persona.index, results.seed);
        if (outcome === 'dead-end') return;
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
        fix.rescues.push({ scenario: sr.id, faults: run.faults, outcome });
      });
    }
  }
  return sortFixes([...fixes.values()]);
}
