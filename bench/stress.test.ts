import { describe, expect, it } from 'vitest';
import { loadScenarios } from '../harness/scenario/load.ts';
import { faultCatalogue } from '../harness/services/index.ts';
import { EXTRA_FAULTS, measureStress, STRESS_SEED_ID, stressScenario } from './stress.ts';
import { renderStress } from './stressTable.ts';

describe('the stress suite', () => {
  it('adds catalogue faults with valid parameters, up to 20 faults with distinct labels', async () => {
    for (const f of EXTRA_FAULTS)
      expect(() => faultCatalogue.get(f.fault)!.params.parse(f.params)).not.toThrow();
    const { scenarios } = await loadScenarios(['scenarios/000-converter-lite-christmas-eve.yaml']);
    const seed = scenarios.find((s) => s.scenario.id === STRESS_SEED_ID)!;
    const s20 = stressScenario(seed, { faults: 20, maxFaults: 2, resend: true });
    expect(new Set(s20.scenario.faults.map((f) => f.id)).size).toBe(20);
    expect(s20.merchant.capabilities.resendConfirmation).toBe(true);
    expect(() => stressScenario(seed, { faults: 21, resend: false })).toThrow(/4–20 faults/);
  });

  it('measures a row: runs, dead ends and states add up, and the table shows it', async () => {
    const { scenarios } = await loadScenarios(['scenarios/000-converter-lite-christmas-eve.yaml']);
    const row = measureStress(scenarios[0]!, { faults: 6, maxFaults: 1, resend: true }, 1);
    expect(row.runs).toBe(7);
    expect(row.deadEnds).toBeLessThanOrEqual(row.runs);
    expect(row.states).toBeGreaterThanOrEqual(row.runs);
    expect(renderStress([row])).toContain('| 6 faults, maxFaults 1, resend on');
  });
});
