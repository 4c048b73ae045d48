import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineAction, defineCondition, defineFault, defineStep } from '../vocabulary/plugins/index.ts';
import { pluginSandbox } from './pluginSandbox.ts';

const profile = path.join(import.meta.dirname, 'testdata/sandbox/merchants/kiosk.yaml');

const pay = defineAction({
  id: 'pay-at-kiosk',
  params: z.strictObject({ method: z.enum(['card', 'cash']).default('card') }),
  choices: [{ method: 'card' }, { method: 'cash' }],
  label: (p) => `pay by ${p.method}`,
  applicable: (w, p) => !w.fact('paid') && (p.method === 'card' || !w.trait('in-a-hurry')),
  run: (w, p) => {
    w.apply({ set: 'paid' });
    w.trace({ kind: 'pay-at-kiosk.paid', text: `Paid by ${p.method}.`, data: { method: p.method } });
    return { tookMs: p.method === 'cash' ? 600_000 : 60_000 };
  },
});
const plugins = {
  actions: [pay],
  conditions: [
    defineCondition({
      id: 'short-queue',
      params: z.strictObject({ people: z.number().int().default(3) }),
      holds: (w, p) => w.fact('queue-open') && p.people <= 5,
    }),
  ],
  steps: [
    defineStep({
      id: 'check-ticket',
      run: (w) =>
        w.fact('printed') ? { ok: true } : { ok: false, problem: 'no-ticket', what: 'no ticket came out' },
    }),
  ],
};

describe('pluginSandbox', () => {
  it('gives a world at a time, with facts and traits, where plugin actions are offered and taken', async () => {
    const sandbox = await pluginSandbox(profile, plugins);
    const world = sandbox.world({ at: '2026-03-02T09:00', traits: { 'in-a-hurry': true } });
    expect(world.zone).toBe('Europe/London');
    expect(world.now).toBe(Date.UTC(2026, 2, 2, 9));
    expect(world.offers()).toEqual(['pay by card']);
    expect(world.applicable('pay-at-kiosk', { method: 'cash' })).toBe(false);
    expect(world.take('pay-at-kiosk')).toEqual({ tookMs: 60_000, effortMs: 60_000 });
    expect(world.facts()).toEqual(['paid', 'queue-open']);
    expect(world.events().map((e) => e.kind)).toContain('pay-at-kiosk.paid');
    expect(world.offers()).toEqual([]);
  });

  it('runs the world’s processes while waiting, and plugin steps and conditions with their params', async () => {
    const sandbox = await pluginSandbox(profile, plugins);
    const world = sandbox.world({ facts: ['paid'] });
    expect(world.step('check-ticket')).toEqual({
      ok: false,
      problem: 'no-ticket',
      what: 'no ticket came out',
    });
    world.wait('PT2H');
    expect(world.fact('printed')).toBe(true);
    expect(world.step('check-ticket')).toEqual({ ok: true });
    expect(world.condition('short-queue')).toBe(true);
    expect(world.condition('short-queue', { people: 9 })).toBe(false);
  });

  it('draws the same random numbers for the same seed, and different ones in a row', async () => {
    const draws = async (seed: number) => {
      const w = (await pluginSandbox(profile, plugins, { seed })).world();
      return [w.random(), w.random()];
    };
    const [a, b] = await draws(1);
    expect(a).not.toBe(b);
    expect(await draws(1)).toEqual([a, b]);
    expect(await draws(2)).not.toEqual([a, b]);
  });

  it('runs a scenario over the profile with the plugins', async () => {
    const sandbox = await pluginSandbox(profile, plugins);
    const result = await sandbox.run({
      id: 'kiosk-ticket',
      title: 'A ticket from the kiosk',
      merchant: 'kiosk',
      start: '2026-03-02T09:00',
      goal: { description: 'ticket printed', when: { fact: 'printed' }, deadline: '2026-03-02T12:00' },
      steps: [{ await: { until: { plugin: 'short-queue' }, within: 'PT5M' } }, { plugin: 'check-ticket' }],
      expect: [{ faults: [], outcome: 'recovered' }],
    });
    expect(result.runs.map((r) => [r.outcome, r.pass, r.path])).toEqual([
      ['recovered', true, ['plugin:pay-at-kiosk#0', 'wait']],
    ]);
  });

  it('runs a plugin action named as an effect of a declared action, with the params written there', async () => {
    const sandbox = await pluginSandbox(profile, plugins);
    const result = await sandbox.run({
      id: 'kiosk-cash',
      title: 'Paying cash through the attendant',
      merchant: 'kiosk',
      start: '2026-03-02T09:00',
      goal: { description: 'ticket printed', when: { fact: 'printed' }, deadline: '2026-03-02T12:00' },
      steps: [{ do: 'pay-with-help' }, { await: { until: { fact: 'printed' }, within: 'PT2H' } }],
      expect: [{ faults: [], outcome: 'ok' }],
    });
    const run = result.runs[0]!;
    expect([run.outcome, run.pass]).toEqual(['ok', true]);
    expect(run.trace.find((e) => e.kind === 'pay-at-kiosk.paid')?.text).toBe('Paid by cash.');
  });

  it('offers a plugin action on a channel only when it is declared and the persona uses it', async () => {
    const onScreen = defineAction({ ...pay, id: 'pay-on-screen', on: 'screen' });
    const elsewhere = defineAction({ ...pay, id: 'pay-at-the-desk', on: 'desk' });
    // The profile's effect names pay-at-kiosk; with no choices it is never searched.
    const effectOnly = defineAction({ ...pay, choices: [] });
    const sandbox = await pluginSandbox(profile, {
      actions: [effectOnly, onScreen, elsewhere],
      steps: plugins.steps,
    });
    expect(sandbox.world().offers()).toEqual(['pay by card', 'pay by cash']);
    const result = await sandbox.run({
      id: 'kiosk-channels',
      title: 'Only one customer goes to the kiosk',
      merchant: 'kiosk',
      personas: [{ id: 'at-kiosk' }, { id: 'online-only', channels: ['web'] }],
      start: '2026-03-02T09:00',
      goal: { description: 'ticket printed', when: { fact: 'printed' }, deadline: '2026-03-02T12:00' },
      steps: [{ plugin: 'check-ticket' }],
      expect: [
        { faults: [], persona: 'at-kiosk', outcome: 'recovered' },
        { faults: [], persona: 'online-only', outcome: 'dead-end' },
      ],
    });
    expect(result.runs.map((r) => [r.persona.name, r.outcome, r.pass])).toEqual([
      ['at-kiosk', 'recovered', true],
      ['online-only', 'dead-end', true],
    ]);
    const taken = result.runs[0]!.trace.find((e) => e.kind === 'action.performed');
    expect(taken?.data).toMatchObject({ channel: 'screen', action: 'plugin:pay-on-screen#0' });
  });

  it('a dead end’s explanation says why a plugin action did not apply, in the plugin’s words', async () => {
    const cashOnly = defineAction({
      ...pay,
      id: 'pay-cash',
      choices: [{ method: 'cash' }],
      why: () => 'the cash queue is too long for a customer in a hurry',
    });
    const sandbox = await pluginSandbox(profile, {
      actions: [defineAction({ ...pay, choices: [] }), cashOnly],
      steps: plugins.steps,
    });
    const result = await sandbox.run({
      id: 'kiosk-hurry',
      title: 'No time for the cash queue',
      merchant: 'kiosk',
      // Online only: the attendant (a declared action on the kiosk screen) is out of reach.
      personas: [{ id: 'hurried', traits: { 'in-a-hurry': true }, channels: ['web'] }],
      start: '2026-03-02T09:00',
      goal: { description: 'ticket printed', when: { fact: 'printed' }, deadline: '2026-03-02T12:00' },
      steps: [{ plugin: 'check-ticket' }],
      expect: [
        {
          faults: [],
          outcome: 'dead-end',
          frontier: ['could not pay by cash: the cash queue is too long for a customer in a hurry'],
        },
      ],
    });
    expect(result.runs.map((r) => [r.outcome, r.pass])).toEqual([['dead-end', true]]);
  });

  it('runs a plugin fault’s world hooks like a built-in fault’s', async () => {
    const jam = defineFault({
      id: 'kiosk.printer-jam',
      summary: 'The kiosk’s printer jams.',
      params: z.strictObject({ process: z.string() }),
      refs: { process: 'process' },
      world: { 'process.step': (p, o) => (o.process === p.process ? { fails: true } : undefined) },
    });
    const sandbox = await pluginSandbox(profile, { ...plugins, faults: [jam] });
    const result = await sandbox.run({
      id: 'kiosk-jam',
      title: 'A ticket from a jammed kiosk',
      merchant: 'kiosk',
      start: '2026-03-02T09:00',
      goal: { description: 'ticket printed', when: { fact: 'printed' }, deadline: '2026-03-02T12:00' },
      steps: [{ plugin: 'check-ticket' }],
      faults: [{ id: 'jam', fault: 'kiosk.printer-jam', params: { process: 'printing' } }],
      expect: [
        { faults: [], outcome: 'recovered' },
        { faults: ['jam'], outcome: 'dead-end' },
      ],
    });
    expect(result.runs.map((r) => [r.faults, r.outcome, r.pass])).toEqual([
      [[], 'recovered', true],
      [['jam'], 'dead-end', true],
    ]);
  });

  it('says what is wrong with a scenario that does not load, at file:line:col', async () => {
    const sandbox = await pluginSandbox(profile, plugins);
    await expect(
      sandbox.run({
        id: 'typo',
        title: 'typo',
        merchant: 'kiosk',
        start: '2026-03-02T09:00',
        goal: { description: 'x', when: { plugin: 'short-queu' }, deadline: '2026-03-02T12:00' },
        steps: [{ wait: { for: 'PT1H' } }],
        expect: [{ outcome: 'ok' }],
      }),
    ).rejects.toThrow(
      /typo\.yaml:\d+:\d+: "short-queu" is not a plugin condition registered in pluginSandbox — did you mean "short-queue"\?/,
    );
  });

  it('refuses a profile that does not load', async () => {
    await expect(pluginSandbox(path.join(path.dirname(profile), 'nope.yaml'), plugins)).rejects.toThrow(
      /nope\.yaml does not load as an open merchant profile/,
    );
  });
});
