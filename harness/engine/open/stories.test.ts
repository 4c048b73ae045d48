/**
 * The acceptance test of issue 12: every story scenario (scenarios/stories/) runs on sim and
 * every run meets its `expect` entry. One test per scenario, so progress and the misses are
 * visible; a miss says which run and which part of its expectation (the run's `failure`).
 */
import { describe, expect, it } from 'vitest';
import { loadScenarios } from '../../scenario/load.ts';
import { streamSuite } from '../runner.ts';

const loaded = await loadScenarios(['scenarios/stories'], {
  merchantsDir: 'fixtures/merchants',
  calendarsDir: 'fixtures/calendars',
});

describe('the story scenarios', () => {
  it('all load', () => {
    expect(loaded.errors.map((e) => `${e.file}:${e.line}:${e.col}: ${e.message}`)).toEqual([]);
    expect(loaded.openScenarios.length).toBeGreaterThanOrEqual(8);
  });

  it.each(loaded.openScenarios.map((s) => [s.scenario.id, s] as const))(
    '%s meets every expectation',
    (_id, s) => {
      const results = [...streamSuite([s], { seed: 1 })];
      const misses = results.flatMap((r) =>
        r.runs
          .filter((run) => !run.pass)
          .map((run) => `${run.faults.join('+') || 'none'} › ${run.persona.name}: ${run.failure}`),
      );
      expect(misses).toEqual([]);
    },
  );
});
