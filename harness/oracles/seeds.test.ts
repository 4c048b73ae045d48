import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSuite } from '../engine/runner.ts';
import { loadScenarios } from '../scenario/load.ts';
import { ORACLE_IDS } from './catalogue.ts';
import { oracleCatalogueMarkdown } from './docs.ts';

describe('seed suite with findings checked', () => {
  it('passes every run, and the seed stories expect the findings they describe', async () => {
    const loaded = await loadScenarios(['scenarios']);
    expect(loaded.errors).toEqual([]);
    const results = await runSuite(loaded.scenarios, { seed: 1 });
    const failed = results.scenarios.flatMap((s) =>
      s.runs.filter((r) => !r.pass).map((r) => `${s.id} [${r.faults.join(',')}]: ${r.failure}`),
    );
    expect(failed).toEqual([]);
    const expected = (id: string, faults: string[]) =>
      results.scenarios.find((s) => s.id === id)!.runs.find((r) => r.faults.join(',') === faults.join(','))!
        .expected.findings;
    expect(expected('converter-lite-christmas-eve', [])).toEqual(['unverified-secret']);
    expect(expected('gift-order-silent-cancellation', ['card-mismatch'])).toEqual([
      'silent-failure',
      'inconsistent-reasons',
    ]);
    expect(expected('training-membership-silo', ['store-portal-silo'])).toContain('ping-pong');
    expect(expected('antivirus-auto-renew', ['notices-silo'])).toEqual(['overcharge', 'zombie-notice']);
    expect(expected('antivirus-auto-renew', [])).toEqual(['overcharge']);
    // Every finding points at real events and every expected id is a catalogue id.
    for (const s of results.scenarios)
      for (const r of s.runs) {
        for (const id of r.expected.findings ?? []) expect(ORACLE_IDS).toContain(id);
        for (const f of r.findings) for (const i of f.events) expect(r.trace[i]).toBeDefined();
      }
  });

  it('fails a run whose expected findings differ, saying which', async () => {
    const loaded = await loadScenarios(['scenarios/004-antivirus-auto-renew.yaml']);
    const s = loaded.scenarios[0]!;
    s.scenario.expect = [
      { faults: [], outcome: 'ok', findings: ['zombie-notice'] },
      { otherwise: true, outcome: 'ok' },
    ];
    const results = await runSuite(loaded.scenarios, { seed: 1 });
    const runs = results.scenarios[0]!.runs;
    const none = runs.find((r) => r.faults.length === 0)!;
    expect(none.pass).toBe(false);
    expect(none.failure).toBe('missing finding zombie-notice; unexpected finding overcharge');
    // Without `findings:`, findings do not affect pass (the outcome still does).
    const silo = runs.find((r) => r.faults.join(',') === 'notices-silo')!;
    expect(silo.findings.map((f) => f.oracle)).toContain('zombie-notice');
    expect(silo.pass).toBe(true);
  });
});

describe('docs/oracles.md', () => {
  it('matches the catalogue (regenerate with `npm run docs`)', () => {
    expect(readFileSync('docs/oracles.md', 'utf8')).toBe(oracleCatalogueMarkdown());
  });
  it('is deterministic and lists every oracle', () => {
    const md = oracleCatalogueMarkdown();
    expect(oracleCatalogueMarkdown()).toBe(md);
    for (const id of ORACLE_IDS) expect(md).toContain(`## \`${id}\``);
  });
});
