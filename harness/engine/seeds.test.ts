/**
 * The seed stories, end to end: every scenario in scenarios/ meets its expectations, and each
 * story comes out with the shape it describes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ResultsFile, RunResult, TraceEntry } from '../core/contract.ts';
import { faultCombinations, faultLabel } from '../scenario/combinations.ts';
import { type LoadedScenario, loadScenarios } from '../scenario/load.ts';
import { runSuite } from './runner.ts';

let loaded: LoadedScenario[];
let suite: ResultsFile;

beforeAll(async () => {
  const l = await loadScenarios(['scenarios']);
  expect(l.errors).toEqual([]);
  loaded = l.scenarios;
  suite = await runSuite(loaded, { seed: 7 });
});

function runs(id: string): RunResult[] {
  const s = suite.scenarios.find((x) => x.id === id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s.runs;
}
function run(id: string, faults: string[]): RunResult {
  const r = runs(id).find((x) => x.faults.join('+') === faults.join('+'));
  if (!r) throw new Error(`no run ${id} [${faults.join('+')}]`);
  return r;
}
const kinds = (r: RunResult, kind: string): TraceEntry[] => r.trace.filter((e) => e.kind === kind);
const DAY_HOURS = 24;

describe('seed scenarios', () => {
  it('every run of every seed scenario meets its expectation', () => {
    const failed = suite.scenarios.flatMap((s) =>
      s.runs.filter((r) => !r.pass).map((r) => `${s.id} [${r.faults.join('+')}]: ${r.failure}`),
    );
    expect(failed).toEqual([]);
    expect(suite.summary.failed).toBe(0);
    expect(suite.summary.runs).toBe(suite.summary.passed);
  });

  it('runs every fault combination of every scenario, once per persona', () => {
    expect(suite.scenarios).toHaveLength(loaded.length);
    for (const s of loaded) {
      const combos = faultCombinations(s.scenario.faults.map(faultLabel), s.scenario.explore.maxFaults);
      expect(runs(s.scenario.id)).toHaveLength(combos.length * s.scenario.personas);
    }
  });

  it('000: a dead end only when the key is quarantined or mistyped AND support is on holiday', () => {
    const dead = runs('converter-lite-christmas-eve')
      .filter((r) => r.outcome === 'dead-end')
      .map((r) => r.faults.join('+'))
      .sort();
    expect(dead).toEqual(['address-typo+holidays', 'key-quarantined+holidays']);
    expect(run('converter-lite-christmas-eve', ['key-quarantined']).outcome).toBe('recovered-with-help');
    expect(run('converter-lite-christmas-eve', ['key-quarantined', 'holidays']).scorecard.moneyLost).toBe(
      250,
    );
  });

  it('001 lost order: support says it never received the order, and the customer re-orders', () => {
    const r = run('lost-order-at-warehouse', ['lost-at-warehouse']);
    expect(r.outcome).toBe('recovered-with-help');
    const said = r.trace.filter((e) => e.actor === 'support').map((e) => e.text);
    expect(said.some((t) => t.includes('we never received your order'))).toBe(true);
    expect(r.path.at(-1)).toBe('reorder');
    const orders = kinds(r, 'order.confirmed');
    expect(orders).toHaveLength(2);
    expect(kinds(r, 'order.lost-in-transit')[0]!.data).toMatchObject({ hop: 'warehouse' });
    expect(kinds(r, 'order.delivered')).toHaveLength(1);
  });

  it('001 lost order during a support shutdown is a dead end that names the reopening', () => {
    const r = run('lost-order-at-warehouse', ['lost-at-warehouse', 'support-shutdown']);
    expect(r.outcome).toBe('dead-end');
    expect(r.explanation).toContain('reopens Tue 17 Mar 2026 09:00 EDT');
  });

  it('002 card mismatch: found on the order page ("due to inventory"), re-ordered with rush, the surcharge lost', () => {
    const r = run('gift-order-silent-cancellation', ['card-mismatch']);
    expect(r.outcome).toBe('recovered');
    const rush = loaded.find((s) => s.scenario.id === 'gift-order-silent-cancellation')!.merchant.policies
      .rushSurcharge;
    expect(rush).toBe(39);
    expect(r.scorecard.moneyLost).toBe(rush);
    const page = kinds(r, 'customer.order-page')[0]!;
    expect(page.data).toMatchObject({ status: 'cancelled' });
    expect(page.text).toContain('due to inventory');
    expect(kinds(r, 'order.cancelled')[0]!.data).toMatchObject({ notified: false });
    expect(r.trace.some((e) => e.kind === 'mail.sent' && e.data?.kind === 'order-cancelled')).toBe(false);
  });

  it('002 with the cancellation notified: re-ordered at once, no rush fee, nothing lost', () => {
    const r = run('gift-order-notified-cancellation', ['card-mismatch']);
    expect(r.outcome).toBe('recovered');
    expect(r.path).toEqual(['reorder']);
    expect(r.scorecard.moneyLost).toBe(0);
  });

  it('002: asked afterwards, the e-mail team gives the real reason for the cancellation', () => {
    const r = run('gift-order-silent-cancellation', ['card-mismatch']);
    const explained = kinds(r, 'support.explained');
    expect(explained).toHaveLength(1);
    expect(explained[0]!.text).toContain('a discrepancy between your credit card');
  });

  it('003 silo: 4 calls, 3 store visits, about two months and four hours of effort', () => {
    const r = run('training-membership-silo', ['store-portal-silo']);
    expect(r.outcome).toBe('recovered-with-help');
    expect(r.scorecard.calls).toBe(4);
    expect(r.scorecard.storeVisits).toBe(3);
    const days = r.scorecard.timeToResolutionHours! / DAY_HOURS;
    expect(days).toBeGreaterThanOrEqual(50);
    expect(days).toBeLessThanOrEqual(70);
    expect(r.scorecard.effortHours).toBeGreaterThanOrEqual(3.5);
    expect(r.scorecard.effortHours).toBeLessThanOrEqual(4.5);
    expect(kinds(r, 'support.redirected').length).toBeGreaterThanOrEqual(4);
    expect(kinds(r, 'support.callback')[0]!.text).toContain(
      'too difficult for their systems to talk to each other',
    );
    expect(kinds(r, 'support.repurchased')).toHaveLength(1);
    expect(r.scorecard.moneyLost).toBe(0);
  });

  it('004 misunderstood: the refund comes with the third phone contact about it', () => {
    const r = run('antivirus-auto-renew', ['misunderstood']);
    expect(r.outcome).toBe('recovered-with-help');
    const firstRefund = r.trace.findIndex((e) => e.kind === 'payment.refunded');
    expect(firstRefund).toBeGreaterThan(0);
    const before = r.trace
      .slice(0, firstRefund)
      .filter((e) => e.kind === 'support.contacted' && e.data?.problem === 'overcharged');
    expect(before).toHaveLength(3);
    expect(before.every((e) => e.channel === 'phone')).toBe(true);
    // The renewals ($53.99 each for two subscriptions) are refunded.
    expect(kinds(r, 'payment.refunded').map((e) => e.data?.amount)).toEqual([53.99, 53.99]);
    // Without the fault one call does it.
    const ok = run('antivirus-auto-renew', []);
    expect(ok.outcome).toBe('ok');
    expect(ok.scorecard.calls).toBe(2);
  });

  it('004: reminders for cancelled subscriptions keep coming only behind the notices silo', () => {
    const zombies = (r: RunResult) =>
      r.trace.filter(
        (e) =>
          e.kind === 'mail.sent' &&
          e.data?.kind === 'renewal-reminder' &&
          e.data?.subscriptionStatus === 'cancelled',
      );
    expect(zombies(run('antivirus-auto-renew', ['notices-silo'])).length).toBeGreaterThan(0);
    expect(zombies(run('antivirus-auto-renew', []))).toEqual([]);
  });

  it('an `ok` run loses no money', () => {
    const r = run('slow-checkout', []);
    expect(r.outcome).toBe('ok');
    expect(r.scorecard.moneyLost).toBe(0);
  });

  it('every ok run has no trouble and no recovery path', () => {
    for (const s of suite.scenarios)
      for (const r of s.runs.filter((x) => x.outcome === 'ok')) {
        expect(r.path).toEqual([]);
        expect(r.scorecard.timeToResolutionHours).toBeNull();
      }
  });
});
