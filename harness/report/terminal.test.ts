import { describe, expect, it } from 'vitest';
import { sampleResults } from './fixtures/sample-results.ts';
import { missedExpectations, outcomeReport, outcomeTable } from './terminal.ts';

describe('outcome output', () => {
  const results = sampleResults();

  it('has one row per journey × fault combination, with ✓/✗', () => {
    const table = outcomeTable(results);
    const rows = table.trim().split('\n').slice(2);
    const runs = results.scenarios.reduce((n, s) => n + s.runs.length, 0);
    expect(rows).toHaveLength(runs);
    expect(table).toMatch(
      /converter-lite-christmas-eve \| mail\.quarantined \+ support\.closed +\| dead end +\| recovered.*\| +✗ +\|/,
    );
    expect(table).toMatch(/\| none +\| ok +\| ok +\| +✓ +\|/);
  });

  it('groups personas of one combination into one row', () => {
    const one = structuredClone(results);
    const s = one.scenarios[0]!;
    const run = s.runs[0]!;
    s.runs = [run, { ...run, persona: { ...run.persona, index: 1 }, outcome: 'dead-end', pass: false }];
    const table = outcomeTable(one);
    expect(
      table
        .trim()
        .split('\n')
        .slice(2)
        .filter((l) => l.includes(s.id)),
    ).toHaveLength(1);
    expect(table).toMatch(/ok ×1, dead end ×1/);
    expect(table).toMatch(/✗ 1\/2/);
  });

  it('explains every missed expectation with its replay command', () => {
    const text = missedExpectations(results);
    const failed = results.scenarios.flatMap((s) => s.runs.filter((r) => !r.pass));
    expect(failed.length).toBeGreaterThan(0);
    expect(text).toContain(`${failed.length} missed expectation`);
    for (const run of failed) {
      expect(text).toContain(`replay: ${run.replay}`);
      if (run.failure) expect(text).toContain(run.failure);
    }
    expect(missedExpectations({ ...results, scenarios: [] })).toBe('');
  });

  it('masks secrets like the reports do, and ends with the summary line', () => {
    const secret = sampleResults();
    secret.scenarios[0]!.runs.find((r) => !r.pass)!.explanation =
      'key CVL7-9F3K-QQ2M-X4HD, card 4242 4242 4242 4242';
    const out = outcomeReport(secret, { summaryLine: 'SUMMARY' });
    expect(out).not.toContain('CVL7-9F3K-QQ2M-X4HD');
    expect(out).not.toContain('4242 4242 4242 4242');
    expect(out.trimEnd().endsWith('SUMMARY')).toBe(true);
    expect(outcomeReport(secret, { summaryLine: 'S', quiet: true })).not.toContain('| scenario');
  });
});
