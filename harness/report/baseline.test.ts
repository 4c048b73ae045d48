import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baselineFrom, compareToBaseline, readBaseline, stringifyBaseline } from './baseline.ts';
import { sampleResults } from './fixtures/sample-results.ts';
import { summarize } from './merge.ts';

const DEAD = { scenario: 'converter-lite-christmas-eve', faults: ['mail.quarantined', 'support.closed'] };

describe('baseline', () => {
  it('is built from the unexpected dead ends of a run', () => {
    expect(baselineFrom(sampleResults())).toEqual({ schemaVersion: 1, accepted: [DEAD] });
  });

  it('fails a new unexpected dead end that the baseline does not accept', () => {
    const comparison = compareToBaseline(sampleResults(), { schemaVersion: 1, accepted: [] });
    expect(comparison.newDeadEnds).toEqual([
      {
        ...DEAD,
        file: 'scenarios/converter-lite-christmas-eve.yaml',
        replay:
          'npx deadend run scenarios/converter-lite-christmas-eve.yaml --seed 42 --faults mail.quarantined+support.closed',
      },
    ]);
    expect(comparison.acceptedDeadEnds).toEqual([]);
  });

  it('accepts a baselined dead end, whatever the order of its faults in the file', () => {
    const comparison = compareToBaseline(sampleResults(), {
      schemaVersion: 1,
      accepted: [{ scenario: DEAD.scenario, faults: ['support.closed', 'mail.quarantined'] }],
    });
    expect(comparison.newDeadEnds).toEqual([]);
    expect(comparison.acceptedDeadEnds.map((d) => d.faults)).toEqual([DEAD.faults]);
    expect(comparison.disappeared).toEqual([]);
  });

  it('does not count a dead end that was expected', () => {
    const results = sampleResults();
    results.scenarios[0]!.runs[2]!.expected = { outcome: 'dead-end' };
    results.scenarios[0]!.runs[2]!.pass = true;
    expect(baselineFrom(results).accepted).toEqual([]);
    expect(compareToBaseline(results, { schemaVersion: 1, accepted: [] }).newDeadEnds).toEqual([]);
  });

  it('reports a baselined dead end that no longer occurs as disappeared, and one not run as not run', () => {
    const results = sampleResults();
    const run = results.scenarios[0]!.runs[2]!;
    run.outcome = 'recovered';
    run.pass = true;
    results.summary = summarize(results.scenarios);
    const gone = { scenario: 'gift-order-out-of-state', faults: ['order.lost-in-transit'] };
    const comparison = compareToBaseline(results, { schemaVersion: 1, accepted: [gone, DEAD] });
    expect(comparison.newDeadEnds).toEqual([]);
    expect(comparison.disappeared).toEqual([DEAD]);
    expect(comparison.notRun).toEqual([gone]);
  });

  it('writes a sorted, stable file and reads it back', () => {
    const baseline = {
      schemaVersion: 1,
      accepted: [
        { scenario: 'b', faults: ['z', 'a'] },
        { scenario: 'a', faults: ['y'] },
        { scenario: 'a', faults: [] },
      ],
    };
    const text = stringifyBaseline(baseline);
    expect(JSON.parse(text).accepted).toEqual([
      { scenario: 'a', faults: [] },
      { scenario: 'a', faults: ['y'] },
      { scenario: 'b', faults: ['a', 'z'] },
    ]);
    expect(text.endsWith('\n')).toBe(true);
    const path = join(mkdtempSync(join(tmpdir(), 'deadend-baseline-')), 'deadend-baseline.json');
    writeFileSync(path, text);
    expect(readBaseline(path)).toEqual(JSON.parse(text));
    expect(stringifyBaseline(readBaseline(path))).toBe(text);
  });

  it('treats a missing file as empty and explains a malformed one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deadend-baseline-'));
    expect(readBaseline(join(dir, 'none.json'))).toEqual({ schemaVersion: 1, accepted: [] });
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ schemaVersion: 1, accepted: [{ scenario: 'x', faults: 'mail' }] }));
    expect(() => readBaseline(path)).toThrow(`${path} is not a deadend baseline: accepted[0] must be`);
    writeFileSync(path, JSON.stringify({ schemaVersion: 9, accepted: [] }));
    expect(() => readBaseline(path)).toThrow('schemaVersion is 9, expected 1');
  });
});
