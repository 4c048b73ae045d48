import { describe, expect, it } from 'vitest';
import { loadScenarios } from '../scenario/load.ts';
import { planRuns, prepare, runOne, runSuite } from './runner.ts';
import { recalledReads } from './settingReads.ts';
import { suggestFixes } from './whatIf.ts';

describe('settings a run read', () => {
  it('a dead end remembers the capabilities its search looked at, and only those', async () => {
    const { scenarios } = await loadScenarios(['scenarios/000-converter-lite-christmas-eve.yaml']);
    const loaded = scenarios[0]!;
    const prep = prepare(loaded);
    const run = planRuns(loaded, {}).find((r) => r.combo.join('+') === 'key-quarantined+holidays')!;
    expect(runOne(prep, run, 1).result.outcome).toBe('dead-end');
    const reads = recalledReads(loaded, 1, run)!;
    // Stuck without the key mail: the customer's options depend on resending and the order page.
    expect(reads).toContain('capabilities.resendConfirmation');
    expect(reads).toContain('capabilities.downloadFromOrderPage');
    expect(reads).not.toContain('capabilities.cancelOnline');
    // A run that did not dead-end is not remembered.
    const ok = planRuns(loaded, {}).find((r) => r.combo.length === 0)!;
    runOne(prep, ok, 1);
    expect(recalledReads(loaded, 1, ok)).toBeUndefined();
  });

  it('the what-if finds the same fixes from the main pass’s notes as by searching the dead ends again', async () => {
    const first = await loadScenarios(['scenarios']);
    const results = await runSuite(first.scenarios, { seed: 1 });
    // Loaded afresh: nothing remembered, so every dead end is probed again.
    const fresh = await loadScenarios(['scenarios']);
    expect(recalledReads(fresh.scenarios[0]!, 1, { combo: [], persona: 0 })).toBeUndefined();
    const fixes = suggestFixes(first.scenarios, results);
    expect(fixes.length).toBeGreaterThan(0);
    expect(suggestFixes(fresh.scenarios, results)).toEqual(fixes);
  });
});
