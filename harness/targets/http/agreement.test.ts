/**
 * Agreement: every seed scenario reaches the same outcomes, findings, recovery paths and the
 * same sequence of events on the http target (the reference shop over the wire) as on sim (the
 * merchant model). CI runs this with the unit tests; a shop change that alters behaviour, or
 * a model change the shop does not follow, fails here with the runs that differ.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsFile, RunResult } from '../../core/contract.ts';
import { runSuite } from '../../engine/runner.ts';
import { loadScenarios } from '../../scenario/load.ts';
import { type HttpTarget, startHttpTarget } from './wireShop.ts';

let sim: ResultsFile;
let http: ResultsFile;
let target: HttpTarget;

beforeAll(async () => {
  const l = await loadScenarios(['scenarios']);
  expect(l.errors).toEqual([]);
  sim = await runSuite(l.scenarios, { seed: 3 });
  target = startHttpTarget();
  http = await runSuite(l.scenarios, { seed: 3, target: 'http', connect: target });
}, 120_000);
afterAll(() => target?.close());

/** What must agree: the outcome, the findings, the path, and what happened in which order. */
const shape = (r: RunResult) => ({
  outcome: r.outcome,
  pass: r.pass,
  findings: r.findings.map((f) => `${f.oracle}/${f.severity}`),
  path: r.path.join(' → '),
  events: r.trace.map((e) => `${e.actor}:${e.kind}`),
});

describe('http target agrees with sim', () => {
  it('runs every seed scenario over the wire and meets every expectation', () => {
    expect(http.target).toBe('http');
    expect(http.summary.runs).toBe(sim.summary.runs);
    expect(http.summary.failed).toBe(0);
  });

  it('every run reaches the same outcome, findings, path and events', () => {
    const differ: string[] = [];
    for (const [i, s] of sim.scenarios.entries()) {
      for (const [j, r] of s.runs.entries()) {
        const h = http.scenarios[i]!.runs[j]!;
        const a = JSON.stringify(shape(r));
        const b = JSON.stringify(shape(h));
        if (a !== b) differ.push(`${s.id} [${r.faults.join('+')}]\n  sim:  ${a}\n  http: ${b}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('went over the wire: the shop took real payments and sent real mail', () => {
    const stored = http.scenarios.flatMap((s) => s.runs).flatMap((r) => r.trace);
    // Payment API trace data carries Stripe's ids; sim's model charges have none.
    expect(
      stored.some((e) => e.kind === 'payment.charged' && typeof e.data?.paymentIntent === 'string'),
    ).toBe(true);
    const simStored = sim.scenarios.flatMap((s) => s.runs).flatMap((r) => r.trace);
    expect(simStored.some((e) => typeof e.data?.paymentIntent === 'string')).toBe(false);
  });
});
