import { describe, expect, it } from 'vitest';
import { parseInstant } from '../clock/instant.ts';
import { EMAIL, sandbox } from '../engine/testdata/sandbox.ts';
import { checkout } from '../merchant/flows.ts';
import { scenarioSchema } from '../scenario/schema.ts';
import { type PlannedStep, planJourney } from './journey.ts';
import { isDone, runStep } from './steps.ts';

const HOUR = 3_600_000;

describe('planJourney', () => {
  const scenario = scenarioSchema.parse({
    id: 'p',
    title: 'p',
    merchant: 'm',
    customer: { traits: { patience: 'P7D', followUpAfter: '2h', checksSpam: false, channels: ['phone'] } },
    start: '2025-12-24T17:30',
    goal: { description: 'g', needs: ['installed:app'], deadline: '2026-01-01T00:00' },
    given: [{ owns: 'base', at: '2025-01-01T00:00' }],
    steps: [
      { order: { product: 'app' } },
      { 'await-mail': { kind: 'licence-key', within: 'PT2H' } },
      { 'await-statement': { within: '2 business days' } },
      { install: { product: 'app' } },
    ],
    expect: [{ otherwise: true, outcome: 'ok' }],
  });
  const j = planJourney(scenario, 'America/New_York');

  it('reads times in the given zone and traits as durations', () => {
    expect(j.start).toBe(parseInstant('2025-12-24T22:30Z', 'UTC'));
    expect(j.deadline).toBe(parseInstant('2026-01-01T05:00Z', 'UTC'));
    expect(j).toMatchObject({
      patienceMs: 7 * 24 * HOUR,
      followUpMs: 2 * HOUR,
      checksSpam: false,
      channels: ['phone'],
    });
    expect(j.effortBudgetMinutes).toBe(8 * 60);
  });

  it('ties each step to its product and the facts it provides', () => {
    expect(j.steps.map((s) => [s.kind, s.product, s.provides])).toEqual([
      ['order', 'app', ['ordered:app']],
      ['await-mail', 'app', ['licence:app']],
      ['await-statement', 'app', ['statement']],
      ['install', 'app', ['installed:app']],
    ]);
    expect(j.steps[1]!.waitMs).toBe(2 * HOUR);
  });
});

describe('runStep', () => {
  const awaitKey: PlannedStep = {
    kind: 'await-mail',
    label: 'await key',
    product: 'app',
    mailKind: 'licence-key',
    waitMs: 2 * HOUR,
    provides: ['licence:app'],
  };

  it('waits for the key mail, reads it and is done as soon as it comes', () => {
    const sb = sandbox();
    const t0 = sb.world.now;
    checkout(sb.world, sb.env, {
      product: 'app',
      channel: 'web',
      shipping: 'standard',
      quantity: 1,
      email: EMAIL,
    });
    expect(runStep(sb.world, sb.env, sb.prep.journey, awaitKey)).toEqual({ ok: true });
    expect(sb.world.now).toBe(t0 + 60_000);
    expect(sb.world.mail.every((m) => m.read)).toBe(true);
    expect(isDone(sb.world, awaitKey)).toBe(true);
  });

  it('sits out the whole wait the first time; on a retry only looks once more', () => {
    const sb = sandbox({ faults: [{ fault: 'mail.quarantined', params: { kind: 'licence-key' } }] });
    const t0 = sb.world.now;
    checkout(sb.world, sb.env, {
      product: 'app',
      channel: 'web',
      shipping: 'standard',
      quantity: 1,
      email: EMAIL,
    });
    expect(runStep(sb.world, sb.env, sb.prep.journey, awaitKey)).toMatchObject({
      ok: false,
      trouble: { problem: 'missing-mail', product: 'app' },
    });
    expect(sb.world.now).toBe(t0 + 2 * HOUR);
    const before = sb.world.now;
    expect(runStep(sb.world, sb.env, sb.prep.journey, awaitKey, true).ok).toBe(false);
    expect(sb.world.now).toBe(before);
  });

  it('install needs a key; with one it installs', () => {
    const sb = sandbox();
    const install: PlannedStep = {
      kind: 'install',
      label: 'install',
      product: 'app',
      provides: ['installed:app'],
    };
    expect(runStep(sb.world, sb.env, sb.prep.journey, install)).toMatchObject({
      ok: false,
      trouble: { problem: 'missing-mail' },
    });
    sb.world.customer.facts.push('licence:app');
    expect(runStep(sb.world, sb.env, sb.prep.journey, install)).toEqual({ ok: true });
    expect(sb.world.customer.facts).toContain('installed:app');
  });

  it('activating a licence needs its key, as installing does', () => {
    const sb = sandbox();
    checkout(sb.world, sb.env, {
      product: 'app',
      channel: 'web',
      shipping: 'standard',
      quantity: 1,
      email: EMAIL,
    });
    const activate: PlannedStep = { kind: 'activate', label: 'a', product: 'app', provides: ['active:app'] };
    expect(runStep(sb.world, sb.env, sb.prep.journey, activate)).toMatchObject({
      ok: false,
      trouble: { problem: 'missing-mail', product: 'app' },
    });
    expect(sb.world.customer.facts).not.toContain('active:app');
    sb.world.customer.facts.push('licence:app');
    expect(runStep(sb.world, sb.env, sb.prep.journey, activate)).toEqual({ ok: true });
    expect(sb.world.customer.facts).toContain('active:app');
  });

  it('cancelling a subscription online needs the capability', () => {
    const sb = sandbox();
    const cancel: PlannedStep = { kind: 'cancel-subscription', label: 'c', product: 'guard', provides: [] };
    expect(runStep(sb.world, sb.env, sb.prep.journey, cancel)).toMatchObject({
      ok: false,
      trouble: { problem: 'unwanted-renewal' },
    });
  });
});
