/**
 * What-if analysis for process owners: for every dead end, re-run the same journey with one
 * self-service capability switched on (or one policy changed) and count the dead ends each
 * change rescues. The fix that rescues the most comes first.
 */
import {
  applyOverrides,
  CAPABILITIES,
  CAPABILITY_FIXES,
  type MerchantOverrides,
  PAYMENT_MISMATCH_FIXES,
} from '../merchant/profile.ts';
import { sortFixes } from '../report/merge.ts';
import type { Fix, ResultsFile } from '../report/results.ts';
import { prepare, runName, runOne } from '../run/runner.ts';
import type { LoadedScenario } from '../scenario/load.ts';

interface Candidate {
  change: string;
  description: string;
  overrides: MerchantOverrides;
}

function candidates(loaded: LoadedScenario): Candidate[] {
  const m = loaded.merchant;
  const out: Candidate[] = [];
  for (const c of CAPABILITIES) {
    if (!m.capabilities[c])
      out.push({
        change: `offer ${c}`,
        description: CAPABILITY_FIXES[c],
        overrides: { capabilities: { [c]: true } },
      });
  }
  for (const p of ['ask-customer', 'cancel-and-notify'] as const) {
    if (m.policies.onPaymentMismatch !== p) {
      out.push({
        change: `onPaymentMismatch: ${p}`,
        description: PAYMENT_MISMATCH_FIXES[p],
        overrides: { policies: { onPaymentMismatch: p } },
      });
    }
  }
  return out;
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
    for (const cand of candidates(loaded)) {
      const prep = prepare(
        { ...loaded, merchant: applyOverrides(loaded.merchant, cand.overrides) },
        opts.calendarsDir,
      );
      for (const run of deadEnds) {
        const planned = {
          name: runName(sr.id, run.faults, run.persona.index),
          combo: run.faults,
          persona: run.persona.index,
        };
        const again = runOne(prep, planned, results.seed).result;
        if (again.outcome === 'dead-end') continue;
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
        fix.rescues.push({ scenario: sr.id, faults: run.faults, outcome: again.outcome });
      }
    }
  }
  return sortFixes([...fixes.values()]);
}
