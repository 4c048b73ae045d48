// biome-ignore-all lint/suspicious/noExplicitAny: the APIs' JSON answers are read loosely in tests
/** PUT /v1/snapshot takes back any world GET /v1/snapshot gives, and refuses a damaged one whole. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callJson } from '../../core/testdata/callJson.ts';
import { paymentRouter } from '../../services/payment/stripe/routes.ts';
import { FREE_PORTS, type RunningSandbox, startSandbox } from './index.ts';

let sandbox: RunningSandbox;
const control = (path: string, body?: unknown, method?: string) =>
  callJson(sandbox.urls.control, path, body, method);

beforeAll(async () => {
  sandbox = await startSandbox({ ports: FREE_PORTS });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await control('/v1/reset', {});
});

/** `n` paid payment intents, made in-process (the HTTP round trips are not what is tested). */
function pay(n: number): void {
  for (let i = 0; i < n; i++) {
    const r = paymentRouter(sandbox.session, {
      method: 'POST',
      path: '/v1/payment_intents',
      query: '',
      headers: { authorization: 'Bearer sk_test_snap', 'content-type': 'application/x-www-form-urlencoded' },
      body: `amount=${1000 + i}&currency=usd&payment_method=pm_card_visa&confirm=true&metadata[order]=ord_${i}&description=${'order '.repeat(20)}`,
    });
    expect(r.status).toBe(200);
  }
}

describe('PUT /v1/snapshot', () => {
  it('restores a world of 1,500 payments (well past the 1 MiB other requests may have)', async () => {
    pay(1500);
    const snap = await control('/v1/snapshot');
    const text = JSON.stringify({ world: snap.body.world });
    expect(text.length).toBeGreaterThan(4 << 20);
    await control('/v1/reset', {});
    const res = await fetch(`${sandbox.urls.control}/v1/snapshot`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: text,
    });
    expect(res.status).toBe(200);
    const state = await control('/v1/state');
    expect(state.body.paymentIntents).toBe(1500);
  });

  it.each([
    ['billing.charges', (w: any) => (w.billing.charges = 42)],
    ['mail[0]', (w: any) => (w.mail = [{ bogus: 1 }])],
    ['customer', (w: any) => (w.customer = null)],
    ['trace[0].t', (w: any) => (w.trace[0] = { ...w.trace[0], t: 'soon' })],
    ['now', (w: any) => delete w.now],
  ])(
    'a damaged snapshot (%s) is a 400 naming the field, and the world is left as it was',
    async (path, damage) => {
      pay(2);
      const good = (await control('/v1/snapshot')).body.world;
      const bad = structuredClone(good);
      damage(bad);
      const r = await control('/v1/snapshot', { world: bad }, 'PUT');
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('invalid_snapshot');
      expect(r.body.error.param.startsWith(`world.${path}`)).toBe(true);
      // Nothing was replaced: every API still answers from the good world.
      expect((await control('/v1/state')).status).toBe(200);
      expect((await control('/v1/snapshot')).body.world).toEqual(good);
      expect((await control('/v1/snapshot', { world: good }, 'PUT')).status).toBe(200);
    },
  );
});
