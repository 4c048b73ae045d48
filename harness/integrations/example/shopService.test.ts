// biome-ignore-all lint/suspicious/noExplicitAny: the APIs' JSON answers are read loosely in tests
/**
 * How a team tests its own service against the deadend sandbox under msw: no servers, no
 * ports — the service's `stripe` SDK and `fetch` calls are answered in-process by the
 * sandbox's APIs, with its faults and its virtual clock.
 */

// A team imports it by the package name, as here (the package refers to itself).
import { DEFAULT_BASE_URLS, SandboxSession, sandboxHandlers } from 'deadend/msw';
import { setupServer } from 'msw/node';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createShopService } from './shopService.ts';

const session = new SandboxSession();
const server = setupServer(...sandboxHandlers(session));
const shop = createShopService({
  // The SDK as in production: its default host, api.stripe.com, is answered by the sandbox.
  stripe: new Stripe('sk_test_example', { maxNetworkRetries: 0 }),
  licensingUrl: DEFAULT_BASE_URLS.licensing,
  mailUrl: DEFAULT_BASE_URLS.mailbox,
  product: { id: 'app', name: 'App', amount: 4900, currency: 'usd' },
});

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => session.reset());
afterAll(() => server.close());

const control = (path: string, body?: unknown) =>
  fetch(`${DEFAULT_BASE_URLS.control}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }).then((r) => r.json() as Promise<any>);

describe('the shop service against the sandbox (msw)', () => {
  it('sells: charges the card, gets a key, mails it', async () => {
    const result = await shop.checkout('pat@example.net', 'pm_card_visa');
    expect(result).toMatchObject({ ok: true, orderId: 'order-1' });
    if (!result.ok) return;
    expect(await shop.activate(result.key)).toBe('activated');
    await control('/v1/clock', { advance: 'PT2M' });
    const inbox = await fetch(
      `${DEFAULT_BASE_URLS.mailbox}/v1/mailboxes/pat@example.net/messages?folder=inbox`,
    ).then((r) => r.json() as Promise<any>);
    expect(inbox.data.map((m: any) => [m.kind, m.orderId, m.hasSecret])).toEqual([
      ['licence-key', 'order-1', true],
    ]);
    const kinds = (await control('/v1/trace')).data.map((e: any) => e.kind);
    expect(kinds).toEqual([
      'payment.charged',
      'licence.issued',
      'mail.sent',
      'licence.activated',
      'mail.delivered',
    ]);
  });

  it('a declined card is a clear answer, not a crash', async () => {
    const result = await shop.checkout('pat@example.net', 'pm_card_chargeDeclined');
    expect(result).toEqual({ ok: false, orderId: 'order-2', reason: 'Your card was declined.', retry: true });
  });

  it('with the licence server down, keys are issued but activation says try later', async () => {
    session.inject({ fault: 'licence.server-down' });
    const ok = await shop.checkout('sam@example.net', 'pm_card_visa');
    // Issuing keys still works (the fault hits downloads and activations) ...
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    // ... but the customer cannot activate until the window ends.
    expect(await shop.activate(ok.key)).toBe('try-later');
    const trace = (await control('/v1/trace?kind=licence')).data.map((e: any) => e.kind);
    expect(trace).toEqual(['licence.issued', 'licence.unavailable']);
  });

  it('a spam filter fault puts the key mail in spam, which the test can see', async () => {
    session.inject({ fault: 'mail.spam-foldered', params: { kind: 'licence-key' } });
    await shop.checkout('kim@example.net', 'pm_card_visa');
    session.advanceBy(5 * 60_000);
    const spam = await fetch(
      `${DEFAULT_BASE_URLS.mailbox}/v1/mailboxes/kim@example.net/messages?folder=spam`,
    ).then((r) => r.json() as Promise<any>);
    expect(spam.data).toHaveLength(1);
  });
});
