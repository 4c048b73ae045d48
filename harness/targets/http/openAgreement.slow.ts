/**
 * Agreement for open-vocabulary scenarios: every story scenario (scenarios/stories) reaches the
 * same outcome, findings, recovery path and sequence of events on the http target — customer
 * actions on account channels pressed at the reference shop, contacts through its support form
 * or the sandbox's support API — as on sim, run by run. One test per scenario, so progress is
 * visible; a scenario that stops with an error on sim must stop with the same error on http.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../core/contract.ts';
import { streamSuite } from '../../engine/runner.ts';
import { loadScenarios } from '../../scenario/load.ts';
import type { LoadedOpenScenario } from '../../vocabulary/loaded.ts';
import { type HttpTarget, startHttpTarget } from './wireShop.ts';

const SEED = 3;

const loaded = await loadScenarios(['scenarios/stories'], {
  merchantsDir: 'fixtures/merchants',
  calendarsDir: 'fixtures/calendars',
});

/** What must agree per run: outcome, findings, path, events. */
const shape = (r: RunResult) =>
  JSON.stringify({
    outcome: r.outcome,
    findings: r.findings.map((f) => `${f.oracle}/${f.severity}`),
    path: r.path.join(' → '),
    events: r.trace.map((e) => `${e.actor}:${e.kind}`),
  });

/** Per run name, its shape; or the error the scenario stopped with. */
function runs(s: LoadedOpenScenario, connect?: HttpTarget): Record<string, string> | string {
  try {
    const out: Record<string, string> = {};
    for (const r of streamSuite([s], { seed: SEED, ...(connect ? { target: 'http', connect } : {}) }))
      for (const run of r.runs) out[`${run.faults.join('+') || 'none'} › ${run.persona.name}`] = shape(run);
    return out;
  } catch (e) {
    return `error: ${(e as Error).message.split('\n')[0]}`;
  }
}

let target: HttpTarget;
beforeAll(() => {
  target = startHttpTarget();
}, 60_000);
afterAll(() => target?.close());

describe('http target agrees with sim on the story scenarios', () => {
  it('all load', () => {
    expect(loaded.errors.map((e) => `${e.file}:${e.line}:${e.col}: ${e.message}`)).toEqual([]);
    expect(loaded.openScenarios.length).toBeGreaterThanOrEqual(8);
  });

  it.each(loaded.openScenarios.map((s) => [s.scenario.id, s] as const))(
    '%s: every run the same on http as on sim',
    (_id, s) => {
      const sim = runs(s);
      const http = runs(s, target);
      if (typeof sim === 'string' || typeof http === 'string') {
        expect(http).toEqual(sim);
        return;
      }
      const differ = Object.keys({ ...sim, ...http })
        .filter((name) => sim[name] !== http[name])
        .map((name) => `${name}\n  sim:  ${sim[name]}\n  http: ${http[name]}`);
      expect(differ).toEqual([]);
    },
  );

  it('went over the wire: buttons pressed at the shop, contacts through its support form', () => {
    const moves = target.wireMoves();
    expect(moves.performAction).toBeGreaterThan(0);
    expect(moves.contactAbout + moves.sandboxContact).toBeGreaterThan(0);
  });
});
