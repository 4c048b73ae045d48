import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../scenario/load.ts';
import { countRuns, planRuns, runSuite } from '../runner.ts';
import { toyScenario } from './testdata/toy.ts';

describe('a suite of seed and open scenarios', () => {
  it('plans, runs and reports both kinds in one results file, the seed’s runs as on their own', async () => {
    const seed = await loadScenarioFile('scenarios/001-slow-response.yaml');
    expect(seed.errors).toEqual([]);
    const open = toyScenario({
      expect: [
        { faults: [], persona: 'with-key', outcome: 'recovered' },
        { otherwise: true, outcome: 'recovered-with-help' },
      ],
    });
    const both = [seed.value!, open];
    expect(countRuns(both, {})).toBe(planRuns(seed.value!, {}).length + 2);
    const mixed = await runSuite(both, { seed: 1 });
    const alone = await runSuite([seed.value!], { seed: 1 });
    expect(mixed.scenarios.map((s) => s.id).sort()).toEqual([seed.value!.scenario.id, 'toy-cancel'].sort());
    const seedPart = mixed.scenarios.find((s) => s.id === seed.value!.scenario.id);
    expect(JSON.stringify(seedPart)).toBe(JSON.stringify(alone.scenarios[0]));
    const toy = mixed.scenarios.find((s) => s.id === 'toy-cancel')!;
    expect(toy.runs.map((r) => [r.persona.name, r.outcome, r.pass])).toEqual([
      ['with-key', 'recovered', true],
      ['no-key', 'recovered-with-help', true],
    ]);
    // Seeds never carry the open scorecard's fields.
    expect(seedPart!.runs.every((r) => r.scorecard.contactsBy === undefined)).toBe(true);
  });

  it('finds a named persona’s runs by its id', () => {
    expect(planRuns(toyScenario(), { grep: 'no-key' }).map((r) => r.name)).toEqual([
      'toy-cancel › none › #1',
    ]);
  });
});
