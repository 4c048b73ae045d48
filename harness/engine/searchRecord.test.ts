import { describe, expect, it } from 'vitest';
import { loadScenarios } from '../scenario/load.ts';
import { runSuite } from './runner.ts';
import { recordSearch } from './searchRecord.ts';

describe('recordSearch', () => {
  it('keeps each path once, with the end a later search found for it', () => {
    const r = recordSearch();
    r.observe(['look-in-spam']);
    r.observe(['look-in-spam'], 'deadline');
    r.observe(['contact:phone'], 'goal');
    expect(r.result()).toEqual({
      tried: [
        { path: ['look-in-spam'], end: 'deadline' },
        { path: ['contact:phone'], end: 'goal' },
      ],
    });
  });

  it('stops at its cap and says so', () => {
    const r = recordSearch(2);
    for (const id of ['a', 'b', 'c']) r.observe([id]);
    expect(r.result().tried.map((t) => t.path[0])).toEqual(['a', 'b']);
    expect(r.result().truncated).toBe(true);
    // The path that reached the goal is kept past the cap: the journey map shows the way out.
    r.observe(['d'], 'goal');
    expect(r.result().tried.at(-1)).toEqual({ path: ['d'], end: 'goal' });
  });
});

describe('the journey map in results.json', () => {
  it('records what the search tried on every run that needed it, and names each fault in words', async () => {
    const { scenarios } = await loadScenarios(['scenarios/000-converter-lite-christmas-eve.yaml']);
    const results = await runSuite(scenarios, { seed: 1 });
    const scenario = results.scenarios[0]!;
    expect(scenario.faultNames?.['key-in-spam']).toBe('A message lands in the spam folder — licence key');
    for (const run of scenario.runs) {
      if (run.outcome === 'ok') expect(run.search).toBeUndefined();
      else expect(run.search?.tried.length).toBeGreaterThan(0);
      // A dead end is a proof: none of the paths it tried reached the goal.
      if (run.outcome === 'dead-end') expect(run.search?.tried.some((t) => t.end === 'goal')).toBe(false);
      if (run.outcome.startsWith('recovered'))
        expect(run.search?.tried).toContainEqual({ path: run.path, end: 'goal' });
    }
  });
});
