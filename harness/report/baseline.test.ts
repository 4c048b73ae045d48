import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize } from '../core/merge.ts';
import { reportCatalogue } from '../engine/reportCatalogue.ts';
import {
  acceptsRun,
  applyBaseline,
  baselineFrom,
  compareToBaseline,
  readBaseline,
  stringifyBaseline,
  updatedBaseline,
} from './baseline.ts';
import { sampleResults } from './fixtures/sample-results.ts';
import { stringifyResults } from './json.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';

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

  describe('applyBaseline', () => {
    const accepting = { schemaVersion: 1, accepted: [DEAD] };

    it('passes an accepted dead end, marks it accepted right after pass, and recounts the summary', () => {
      const results = sampleResults();
      expect(results.summary.failed).toBe(1);
      const applied = applyBaseline(results, accepting);
      const run = applied.scenarios[0]!.runs.find((r) => r.outcome === 'dead-end')!;
      expect(run.pass).toBe(true);
      expect(run.accepted).toBe(true);
      expect(
        Object.keys(run).slice(Object.keys(run).indexOf('pass'), Object.keys(run).indexOf('pass') + 2),
      ).toEqual(['pass', 'accepted']);
      expect(run.failure).toBeDefined();
      expect(applied.summary.failed).toBe(0);
      expect(applied.summary.accepted).toBe(1);
      expect(applied.summary.failedExpectations).toEqual([]);
      expect(results.summary.failed).toBe(1); // the input is not changed
    });

    it('is idempotent and undoes an acceptance the baseline no longer holds', () => {
      const applied = applyBaseline(sampleResults(), accepting);
      expect(stringifyResults(applyBaseline(applied, accepting))).toBe(stringifyResults(applied));
      const undone = applyBaseline(applied, { schemaVersion: 1, accepted: [] });
      expect(stringifyResults(undone)).toBe(stringifyResults(sampleResults()));
    });

    it('leaves results without accepted runs unchanged, summary shape included', () => {
      const results = sampleResults();
      expect(applyBaseline(results, { schemaVersion: 1, accepted: [] })).toBe(results);
      expect('accepted' in summarize(results.scenarios)).toBe(false);
    });

    it('is shown by the reporters: Markdown, JUnit, and the HTML data', async () => {
      const applied = applyBaseline(sampleResults(), accepting);
      const md = renderMarkdown(applied, reportCatalogue());
      expect(md).toMatch(/^\*\*For QA:\*\* ✅ .*1 dead end \(1 accepted by the baseline\)$/m);
      expect(md).toMatch(/\| converter-lite-christmas-eve \|.*\| ☑️ accepted \|/);
      expect(md).toContain('## Accepted dead ends');
      expect(md).not.toContain('## Missed expectations');
      const xml = renderJunit(applied);
      expect(xml).toContain('failures="0"');
      expect(xml).toContain('Accepted dead end: expected recovered, but the baseline');
      const { renderHtml } = await import('./html.ts');
      expect(renderHtml(applied, reportCatalogue())).toContain('"accepted":true');
    });

    it('does not accept a dead end whose findings were missed too', () => {
      const results = sampleResults();
      const run = results.scenarios[0]!.runs.find((r) => r.outcome === 'dead-end')!;
      run.expected = { ...run.expected, findings: ['no-such-oracle'] };
      expect(acceptsRun(accepting, results.scenarios[0]!.id, run)).toBe(false);
      expect(applyBaseline(results, accepting).summary.failed).toBe(1);
    });
  });

  it('updatedBaseline accepts the current dead ends and keeps entries of runs not in the results', () => {
    const notRun = { scenario: 'other-journey', faults: ['mail.bounced'] };
    const gone = { scenario: 'gift-order-out-of-state', faults: [] };
    expect(updatedBaseline(sampleResults(), { schemaVersion: 1, accepted: [notRun, gone] })).toEqual({
      schemaVersion: 1,
      accepted: [DEAD, notRun],
    });
  });
});
