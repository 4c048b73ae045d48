// biome-ignore-all lint/suspicious/noExplicitAny: the APIs' JSON answers are read loosely in tests
/** The licensing, support-desk and control APIs over loopback, and sessions built from scenarios. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callJson } from '../core/testdata/callJson.ts';
import { FREE_PORTS, type RunningSandbox, startSandbox } from '../targets/sandbox/index.ts';
import { SandboxSession } from '../targets/sandbox/session.ts';

let sandbox: RunningSandbox;

const call = callJson;
const control = (path: string, body?: unknown, method?: string) =>
  call(sandbox.urls.control, path, body, method);
const licensing = (path: string, body?: unknown) => call(sandbox.urls.licensing, path, body);
const support = (path: string, body?: unknown) => call(sandbox.urls.support, path, body);

beforeAll(async () => {
  sandbox = await startSandbox({ ports: FREE_PORTS });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await control('/v1/reset', {});
});

describe('licensing API', () => {
  it('issues one key per order, serves downloads and activations, and fails them while the server is down', async () => {
    const issued = await licensing('/v1/keys', { product: 'app', orderId: 'ord_1' });
    expect(issued.status).toBe(201);
    expect(issued.body.key).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    const again = await licensing('/v1/keys', { product: 'app', orderId: 'ord_1' });
    expect(again).toMatchObject({ status: 200, body: { key: issued.body.key } });
    const key = issued.body.key;
    expect((await licensing(`/v1/keys/${key}`)).body).toMatchObject({ product: 'app', orderId: 'ord_1' });
    expect((await licensing(`/v1/downloads/${key}`)).body.url).toContain(key);
    expect((await licensing(`/v1/keys/${key}/activations`, {})).status).toBe(200);

    await control('/v1/faults', {
      fault: 'licence.server-down',
      window: { from: '2026-03-02T08:00', until: '2026-03-02T12:00' },
    });
    const down = await licensing(`/v1/keys/${key}/activations`, {});
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('licence_server_unavailable');
    await control('/v1/clock', { to: '2026-03-02T12:30' });
    expect((await licensing(`/v1/downloads/${key}`)).status).toBe(200);

    expect((await licensing('/v1/keys', { product: 'app' })).body.error).toMatchObject({
      code: 'parameter_missing',
      param: 'orderId',
    });
    expect((await licensing('/v1/keys/NOPE')).status).toBe(404);
    const kinds = (await control('/v1/trace?kind=licence')).body.data.map((e: any) => e.kind);
    expect(kinds).toEqual([
      'licence.issued',
      'licence.downloaded',
      'licence.activated',
      'licence.unavailable',
      'licence.downloaded',
    ]);
  });
});

describe('support API', () => {
  it('lists channels with their hours; a closure fault closes them with its reason', async () => {
    const channels = (await support('/v1/channels')).body.data;
    expect(channels.map((c: any) => [c.id, c.kind, c.open])).toEqual([
      ['email', 'email', true],
      ['phone', 'phone', true],
      ['chat', 'chat', true],
    ]);
    await control('/v1/faults', {
      fault: 'support.closed',
      params: { channels: ['phone'], reason: 'staff training' },
      window: { from: '2026-03-02T08:00', until: '2026-03-03T09:00' },
    });
    const phone = (await support('/v1/channels/phone')).body;
    expect(phone).toMatchObject({
      open: false,
      closedBecause: 'staff training',
      opensAt: '2026-03-03T14:00:00.000Z',
    });
  });

  it('handles a contact as the support-desk model does, moving the clock through it', async () => {
    const res = await support('/v1/contacts', { channel: 'phone', problem: 'missing-mail', product: 'app' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ channel: 'phone', problem: 'missing-mail', result: 'not-found' });
    expect(res.body.said[0]).toMatch(/could not find the order/);
    expect(Date.parse(res.body.now) - Date.parse(res.body.askedAt)).toBe(20 * 60_000);
    await control('/v1/faults', { fault: 'support.understaffed', params: { misunderstandings: 1 } });
    const missed = await support('/v1/contacts', {
      channel: 'chat',
      problem: 'missing-delivery',
      product: 'mug',
    });
    expect(missed.body.result).toBe('misunderstood');
    expect((await support('/v1/contacts')).body.data).toHaveLength(2);
    const bad = await support('/v1/contacts', { channel: 'phne', problem: 'missing-mail' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('did you mean "phone"');
    const badProblem = await support('/v1/contacts', { channel: 'phone', problem: 'lost-key' });
    expect(badProblem.body.error).toMatchObject({ code: 'parameter_invalid', param: 'problem' });
  });
});

describe('control API', () => {
  it('moves the clock forward only, by a duration or to an instant', async () => {
    const start = (await control('/v1/clock')).body;
    expect(start).toMatchObject({ now: '2026-03-02T14:00:00.000Z', timezone: 'America/New_York' });
    expect((await control('/v1/clock', { advance: 'PT90M' })).body.now).toBe('2026-03-02T15:30:00.000Z');
    expect((await control('/v1/clock', { advance: '1 business day' })).body.now).toBe(
      '2026-03-03T15:30:00.000Z',
    );
    expect((await control('/v1/clock', { to: '2026-03-10T09:00' })).body.now).toBe(
      '2026-03-10T13:00:00.000Z',
    );
    const back = await control('/v1/clock', { to: '2026-03-01T09:00' });
    expect(back.status).toBe(400);
    expect(back.body.error.message).toMatch(/never goes back/);
    expect((await control('/v1/clock', { advance: 'soon' })).status).toBe(400);
  });

  it('injects, lists and clears faults, refusing unknown ones with a suggestion', async () => {
    const added = await control('/v1/faults', {
      id: 'spam',
      fault: 'mail.spam-foldered',
      params: { kind: 'shipped' },
    });
    expect(added.status).toBe(201);
    expect(added.body.injected).toBe('spam');
    expect(added.body.active).toEqual([
      { label: 'spam', fault: 'mail.spam-foldered', params: { kind: 'shipped' }, probability: 1, hits: 0 },
    ]);
    const unknown = await control('/v1/faults', { fault: 'mail.spam' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('did you mean "mail.spam-foldered"');
    const badParams = await control('/v1/faults', {
      fault: 'mail.spam-foldered',
      params: { kind: 'postcard' },
    });
    expect(badParams.status).toBe(400);
    const noWindow = await control('/v1/faults', { fault: 'support.closed' });
    expect(noWindow.body.error.message).toMatch(/needs a window/);
    expect((await control('/v1/faults/spam', undefined, 'DELETE')).body.active).toEqual([]);
    expect((await control('/v1/faults/spam', undefined, 'DELETE')).status).toBe(404);
  });

  it('reset brings back the start: empty world, start time, starting faults', async () => {
    await call(sandbox.urls.mailbox, '/v1/messages', { to: 'a@example.net', subject: 'Your order ord_1' });
    await control('/v1/faults', { fault: 'payment.declined' });
    await control('/v1/clock', { advance: 'P3D' });
    const before = (await control('/v1/state')).body;
    expect(before).toMatchObject({ mail: { inbox: 1 }, faults: ['payment.declined'] });
    const kept = (await control('/v1/reset', { keepFaults: true })).body;
    expect(kept.faults.active.map((f: any) => f.label)).toEqual(['payment.declined']);
    const after = (await control('/v1/reset', {})).body;
    expect(after).toMatchObject({ now: '2026-03-02T14:00:00.000Z', reset: true });
    expect(after.faults.active).toEqual([]);
    expect((await control('/v1/state')).body).toMatchObject({ mail: {}, traceEvents: 0, pending: 0 });
  });

  it('reads the trace incrementally and by family', async () => {
    await call(sandbox.urls.mailbox, '/v1/messages', { to: 'a@example.net', subject: 'Your order ord_1' });
    const first = (await control('/v1/trace')).body;
    expect(first).toMatchObject({ total: 1, next: 1 });
    expect(first.data[0]).toMatchObject({
      seq: 0,
      actor: 'merchant',
      kind: 'mail.sent',
      at: '2026-03-02T14:00:00.000Z',
    });
    await control('/v1/clock', { advance: 'PT2M' });
    const more = (await control(`/v1/trace?since=${first.next}`)).body;
    expect(more.data.map((e: any) => [e.seq, e.kind])).toEqual([[1, 'mail.delivered']]);
    expect((await control('/v1/trace?kind=payment')).body.data).toEqual([]);
    expect((await control('/v1/nope')).status).toBe(404);
  });
});

describe('sessions from scenarios', () => {
  it('serves a scenario: its merchant, customer, start and labelled faults', async () => {
    const session = await SandboxSession.open({
      scenario: 'scenarios/000-converter-lite-christmas-eve.yaml',
      faults: ['holidays'],
    });
    expect(session.env.profile.id).toBe('converter-co');
    expect(session.world.customer.email).toBe('martin.day@example.net');
    expect(session.active).toEqual(['holidays']);
    expect(session.env.calendar('email').isOpen(session.now)).toBe(false);
    expect(session.inject({ label: 'key-quarantined' })).toBe('key-quarantined');
    expect(() => session.inject({ label: 'key-quarantine' })).toThrow(/did you mean "key-quarantined"/);
    session.clear('holidays');
    expect(session.env.calendar('email').closedBecause(session.now)?.reason).not.toBe('Christmas holidays');
    session.reset();
    expect(session.active).toEqual(['holidays']);
    await expect(
      SandboxSession.open({ scenario: 'scenarios/000-converter-lite-christmas-eve.yaml', faults: ['nope'] }),
    ).rejects.toThrow(/no fault "nope"/);
  });

  it('a scenario with earlier purchases starts with them made, renewals pending', async () => {
    const session = await SandboxSession.open({ scenario: 'scenarios/004-antivirus-auto-renew.yaml' });
    expect(session.world.orders.length).toBe(3);
    expect(session.world.subscriptions.every((s) => s.status === 'active')).toBe(true);
    expect(session.now).toBe(Date.parse('2026-02-12T15:00:00.000Z'));
  });
});
