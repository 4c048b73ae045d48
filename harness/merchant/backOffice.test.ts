// biome-ignore-all lint/suspicious/noExplicitAny: the APIs' JSON answers are read loosely in tests
/** The back-office API, the snapshot and run endpoints, and every API behind one port. */
import { describe, expect, it } from 'vitest';
import type { ApiResponse } from '../core/wire.ts';
import { loadScenarios } from '../scenario/load.ts';
import { allRouter } from '../targets/sandbox/index.ts';
import { SandboxSession } from '../targets/sandbox/session.ts';

function call(
  session: SandboxSession,
  method: string,
  path: string,
  body?: unknown,
): ApiResponse & { body: any } {
  const [p, q = ''] = path.split('?');
  return allRouter(session, {
    method,
    path: p!,
    query: q,
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk_test_backoffice' },
    body: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body),
  }) as ApiResponse & { body: any };
}

const ORDER = {
  product: 'app',
  channel: 'web',
  email: 'a@example.net',
  price: 49,
  listPrice: 49,
  shipping: 'standard',
};

describe('back-office API', () => {
  it('records an order with its trace event, finds it, updates it and cancels it', () => {
    const s = new SandboxSession();
    const made = call(s, 'POST', '/v1/backoffice/orders', ORDER);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      object: 'order',
      product: 'app',
      system: 'web-store',
      status: 'confirmed',
    });
    expect(s.trace().map((e) => e.kind)).toEqual(['order.confirmed']);
    const id = made.body.id;
    expect(call(s, 'GET', `/v1/backoffice/orders?email=a@example.net`).body.data).toHaveLength(1);
    expect(call(s, 'POST', `/v1/backoffice/orders/${id}`, { email: 'b@example.net' }).body.email).toBe(
      'b@example.net',
    );
    const cancelled = call(s, 'POST', `/v1/backoffice/orders/${id}/cancel`, {
      reason: 'payment-mismatch',
      detail: 'the card',
      notified: false,
    });
    expect(cancelled.body.status).toBe('cancelled');
    expect(s.trace().at(-1)!.text).toContain('did not tell the customer');
  });

  it('dispatches parcels, provisions memberships, starts and cancels subscriptions', () => {
    const s = new SandboxSession();
    const mug = call(s, 'POST', '/v1/backoffice/orders', { ...ORDER, product: 'mug' }).body;
    expect(call(s, 'POST', `/v1/backoffice/orders/${mug.id}/dispatch`).body).toMatchObject({
      shipped: true,
      status: 'shipped',
    });
    const club = call(s, 'POST', '/v1/backoffice/orders', { ...ORDER, product: 'club' }).body;
    call(s, 'POST', `/v1/backoffice/orders/${club.id}/provision`);
    expect(call(s, 'GET', '/v1/backoffice/entitlements/club').body).toMatchObject({
      entitled: true,
      portal: 'portal',
    });
    const guard = call(s, 'POST', '/v1/backoffice/orders', { ...ORDER, product: 'guard' }).body;
    expect(call(s, 'POST', `/v1/backoffice/orders/${guard.id}/subscription`).status).toBe(201);
    expect(s.world.pending.some((p) => p.type === 'renewal.due')).toBe(true);
    expect(call(s, 'POST', '/v1/backoffice/subscriptions/cancel', { product: 'guard' }).body.cancelled).toBe(
      1,
    );
  });

  it('bad requests are 400 and unknown records 404, with the reason', () => {
    const s = new SandboxSession();
    expect(call(s, 'POST', '/v1/backoffice/orders', '{nope').body.error.message).toBe(
      'The body is not valid JSON.',
    );
    expect(call(s, 'POST', '/v1/backoffice/orders', { ...ORDER, product: 'x' }).body.error.message).toBe(
      "Unknown product: 'x'.",
    );
    expect(call(s, 'POST', '/v1/backoffice/orders', { ...ORDER, channel: 'fax' }).status).toBe(400);
    expect(call(s, 'GET', '/v1/backoffice/orders/ord_9').status).toBe(404);
    expect(call(s, 'GET', '/v1/backoffice/entitlements/nope').status).toBe(404);
    expect(call(s, 'POST', '/v1/backoffice/events', { kind: 'x', text: 'y', actor: 'fault' }).status).toBe(
      400,
    );
    expect(call(s, 'POST', '/v1/backoffice/events', { kind: 'shop.note', text: 'Noted.' }).status).toBe(201);
    expect(s.trace().at(-1)).toMatchObject({ actor: 'merchant', kind: 'shop.note' });
  });
});

describe('control API: runs and snapshots', () => {
  it('a snapshot restores the world exactly, trace included', () => {
    const s = new SandboxSession();
    call(s, 'POST', '/v1/backoffice/orders', ORDER);
    // What goes over the wire is JSON: a copy.
    const snap = JSON.parse(JSON.stringify(call(s, 'GET', '/v1/snapshot').body.world));
    call(s, 'POST', '/v1/backoffice/orders', ORDER);
    expect(s.world.orders).toHaveLength(2);
    expect(call(s, 'PUT', '/v1/snapshot', { world: snap }).status).toBe(200);
    expect(s.world.orders).toHaveLength(1);
    expect(s.trace().map((e) => e.kind)).toEqual(['order.confirmed']);
    expect(call(s, 'PUT', '/v1/snapshot', { world: { now: 'x' } }).status).toBe(400);
  });

  it('a run sets up a scenario with its faults and seed key; an unknown fault label is a 400', async () => {
    const { scenarios } = await loadScenarios(['scenarios/000-converter-lite-christmas-eve.yaml']);
    const s = new SandboxSession();
    const loaded = JSON.parse(JSON.stringify(scenarios[0]));
    const ok = call(s, 'POST', '/v1/runs', { scenario: loaded, faults: ['holidays'], seedKey: 'k' });
    expect(ok.status).toBe(200);
    expect(s.env.profile.id).toBe('converter-co');
    expect(s.active).toEqual(['holidays']);
    const bad = call(s, 'POST', '/v1/runs', { scenario: loaded, faults: ['holiday'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('did you mean "holidays"');
  });
});

describe('every API on one port', () => {
  it('routes each path to its API and answers unknown paths the Stripe way', () => {
    const s = new SandboxSession();
    expect(call(s, 'GET', '/v1/health').body.ok).toBe(true);
    expect(call(s, 'GET', '/v1/channels').body.object).toBe('list');
    expect(call(s, 'GET', '/v1/customers').body).toMatchObject({ object: 'list', url: '/v1/customers' });
    expect(call(s, 'GET', '/v1/mailboxes/a@example.net/messages').status).toBe(200);
    const unknown = call(s, 'GET', '/v1/nothing');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/Unrecognized request URL/);
  });
});
