/**
 * Agreement for open-vocabulary scenarios: every story scenario (scenarios/stories) reaches the
 * same outcome, findings, recovery path and sequence of events on the http target — customer
 * actions on account channels pressed at the reference shop, contacts through its support form
 * — as on sim, run by run. A run that fails on sim must fail the same way on http.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../core/contract.ts';
import { planOpenRuns } from '../../engine/open/plan.ts';
import { prepareOpen, runOpenOne } from '../../engine/open/runOpen.ts';
import { loadOpenScenarioFile } from '../../scenario/open/loadOpenScenario.ts';
import type { LoadedOpenScenario } from '../../vocabulary/loaded.ts';
import { type HttpTarget, startHttpTarget } from './wireShop.ts';

const STORIES = 'scenarios/stories';
const SEED = 3;

const storyFiles = (): string[] =>
  readdirSync(STORIES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(STORIES, d.name))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => join(STORIES, d.name, f)),
    )
    .sort();

/** What must agree per run: outcome, findings, path, events; or the error both targets stop with. */
const shape = (r: RunResult) => ({
  outcome: r.outcome,
  findings: r.findings.map((f) => `${f.oracle}/${f.severity}`),
  path: r.path.join(' → '),
  events: r.trace.map((e) => `${e.actor}:${e.kind}`),
});

function runAll(loaded: LoadedOpenScenario, connect?: HttpTarget): Record<string, string> {
  const out: Record<string, string> = {};
  const prep = prepareOpen(loaded);
  for (const run of planOpenRuns(loaded, {})) {
    try {
      out[run.name] = JSON.stringify(shape(runOpenOne(prep, run, SEED, connect).result));
    } catch (e) {
      out[run.name] = `error: ${(e as Error).message.split('\n')[0]}`;
    }
  }
  return out;
}

let target: HttpTarget;
const scenarios: LoadedOpenScenario[] = [];
const sim: Record<string, string> = {};
const http: Record<string, string> = {};

beforeAll(async () => {
  for (const file of storyFiles()) {
    const l = await loadOpenScenarioFile(file);
    expect(l.errors.map((e) => `${e.file}:${e.line}:${e.col}: ${e.message}`)).toEqual([]);
    scenarios.push(l.value!);
  }
  target = startHttpTarget();
  for (const s of scenarios) {
    Object.assign(sim, runAll(s));
    Object.assign(http, runAll(s, target));
  }
}, 300_000);
afterAll(() => target?.close());

describe('http target agrees with sim on the story scenarios', () => {
  it('runs every story scenario', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(8);
    expect(Object.keys(http)).toEqual(Object.keys(sim));
  });

  it('every run reaches the same outcome, findings, path and events', () => {
    const differ = Object.keys(sim)
      .filter((name) => sim[name] !== http[name])
      .map((name) => `${name}\n  sim:  ${sim[name]}\n  http: ${http[name]}`);
    expect(differ).toEqual([]);
  });

  it('went over the wire: buttons pressed at the shop, contacts through its support form', () => {
    const moves = target.wireMoves();
    expect(moves.performAction).toBeGreaterThan(0);
    expect(moves.contactAbout + moves.sandboxContact).toBeGreaterThan(0);
  });
});
