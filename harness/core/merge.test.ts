import { describe, expect, it } from 'vitest';
import { sampleResults } from '../report/fixtures/sample-results.ts';
import { stringifyResults } from '../report/json.ts';
import type { ResultsFile } from './contract.ts';
import { fnv1a, mergeResults, parseShard, runKey, shardOf, summarize } from './merge.ts';

/** Splits results the way `--shard i/n` selects runs. */
function shard(results: ResultsFile, index: number, total: number): ResultsFile {
  const scenarios = results.scenarios
    .map((s) => ({
      ...s,
      runs: s.runs.filter((r) => shardOf(runKey(s.id, r.faults, r.persona.index), { index, total })),
    }))
    .filter((s) => s.runs.length > 0);
  return { ...results, selection: { shard: `${index}/${total}` }, summary: summarize(scenarios), scenarios };
}

describe('mergeResults', () => {
  it('gives exactly the bytes of the unsharded run, whatever the order of the parts', () => {
    const whole = sampleResults();
    for (const total of [1, 2, 3, 5]) {
      const parts = Array.from({ length: total }, (_, i) => shard(whole, i + 1, total));
      expect(parts.reduce((n, p) => n + p.summary.runs, 0)).toBe(whole.summary.runs);
      expect(stringifyResults(mergeResults(parts))).toBe(stringifyResults(whole));
      expect(stringifyResults(mergeResults([...parts].reverse()))).toBe(stringifyResults(whole));
    }
  });

  it('orders scenarios by id then file, runs by fault combination with the fault-free run first', () => {
    const a = sampleResults();
    const b = sampleResults();
    a.scenarios = [a.scenarios[1]!];
    a.scenarios[0]!.runs.reverse();
    b.scenarios = [b.scenarios[0]!];
    b.scenarios[0]!.runs.reverse();
    const merged = mergeResults([a, b]);
    expect(merged.scenarios.map((s) => s.id)).toEqual([
      'converter-lite-christmas-eve',
      'gift-order-out-of-state',
    ]);
    expect(merged.scenarios[0]!.runs.map((r) => r.faults.join('+'))).toEqual([
      '',
      'mail.quarantined',
      'mail.quarantined+support.closed',
      'mail.spam-foldered',
    ]);
    expect(merged.summary).toEqual(sampleResults().summary);
    expect(merged.selection).toEqual({});
  });

  it('refuses parts from different runs, naming what differs', () => {
    const other = { ...sampleResults(), seed: 7 };
    expect(() => mergeResults([sampleResults(), other])).toThrow(
      'Cannot merge results: part 2 has seed 7 but part 1 has 42.',
    );
    expect(() => mergeResults([sampleResults(), { ...sampleResults(), target: 'http' }])).toThrow(
      'part 2 has target "http" but part 1 has "sim"',
    );
    expect(() => mergeResults([sampleResults(), { ...sampleResults(), schemaVersion: 3 }])).toThrow(
      'part 2 has schemaVersion 3 but part 1 has 2',
    );
    expect(() => mergeResults([])).toThrow('no result files were given');
  });

  it('refuses a run given twice and a scenario that differs between parts', () => {
    expect(() => mergeResults([sampleResults(), sampleResults()])).toThrow(
      'run "converter-lite-christmas-eve||0" appears in more than one part (again in part 2)',
    );
    const changed = shard(sampleResults(), 2, 2);
    changed.scenarios[0]!.title = 'Another title';
    expect(() => mergeResults([shard(sampleResults(), 1, 2), changed])).toThrow(/differs between parts/);
  });
});

describe('summarize', () => {
  it('counts runs, outcomes, findings and the failed expectations', () => {
    const summary = summarize(sampleResults().scenarios);
    expect(summary).toMatchObject({ scenarios: 2, runs: 6, passed: 5, failed: 1 });
    expect(summary.outcomes).toEqual({ ok: 2, recovered: 2, 'recovered-with-help': 1, 'dead-end': 1 });
    expect(Object.keys(summary.findings)).toEqual([
      'inconsistent-reasons',
      'no-feedback-channel',
      'secret-to-unverified-address',
      'silent-failure',
    ]);
    expect(summary.findings['secret-to-unverified-address']).toBe(4);
    expect(summary.failedExpectations).toEqual([
      {
        scenario: 'converter-lite-christmas-eve',
        file: 'scenarios/converter-lite-christmas-eve.yaml',
        faults: ['mail.quarantined', 'support.closed'],
        expected: { outcome: 'recovered' },
        outcome: 'dead-end',
        findings: ['secret-to-unverified-address', 'no-feedback-channel'],
        replay:
          'npx deadend run scenarios/converter-lite-christmas-eve.yaml --seed 42 --faults mail.quarantined+support.closed',
      },
    ]);
  });
});

describe('shards', () => {
  it('parses i/n and explains bad input', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, total: 3 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, total: 1 });
    expect(() => parseShard('2-3')).toThrow(
      'Invalid --shard "2-3": expected INDEX/TOTAL, for example --shard 2/3.',
    );
    expect(() => parseShard('0/3')).toThrow('the index must be between 1 and 3');
    expect(() => parseShard('4/3')).toThrow('the index must be between 1 and 3');
    expect(() => parseShard('1/0')).toThrow('the total must be at least 1');
  });

  it('uses 32-bit FNV-1a, so assignments are the same on every machine', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('puts every run in exactly one shard, spread roughly evenly', () => {
    const total = 4;
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) {
      const key = runKey(`scenario-${i % 40}`, [`fault.${i}`], i % 3);
      const owners = [1, 2, 3, 4].filter((index) => shardOf(key, { index, total }));
      expect(owners).toHaveLength(1);
      counts[owners[0]! - 1]!++;
    }
    for (const n of counts) expect(n).toBeGreaterThan(850);
  });
});
