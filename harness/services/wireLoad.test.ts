// biome-ignore-all lint/suspicious/noExplicitAny: the APIs' JSON answers are read loosely in tests
/**
 * A bounded load on loopback: 200 journeys at once, each paying with the stripe SDK (every
 * other card declines), mailing its confirmation over SMTP, taking a licence key and nudging
 * the clock. Nothing may be lost: every payment, message and trace event is accounted for.
 */
import nodemailer from 'nodemailer';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FREE_PORTS, type RunningSandbox, startSandbox } from '../targets/sandbox/index.ts';

const JOURNEYS = 200;
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({
    ports: FREE_PORTS,
  });
});
afterAll(() => sandbox.close());

const post = (base: string, path: string, body: unknown) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('load', () => {
  it(`${JOURNEYS} concurrent journeys lose no payment, mail or trace event`, {
    timeout: 30_000,
  }, async () => {
    const stripe = new Stripe('sk_test_load', {
      host: '127.0.0.1',
      port: sandbox.ports.payment,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: sandbox.ports.smtp,
      secure: false,
      pool: true,
      maxConnections: 20,
      maxMessages: Number.POSITIVE_INFINITY,
    });
    const started = performance.now();
    const outcomes = await Promise.all(
      Array.from({ length: JOURNEYS }, async (_, i) => {
        const email = `j${i}@example.net`;
        const customer = await stripe.customers.create({ email });
        const declined = i % 2 === 1;
        const paid = await stripe.paymentIntents
          .create({
            amount: 1000 + i,
            currency: 'usd',
            customer: customer.id,
            payment_method: declined ? 'pm_card_chargeDeclined' : 'pm_card_visa',
            confirm: true,
            metadata: { order_id: `ord_j${i}` },
          })
          .then(
            (pi) => pi.status,
            (e: unknown) => (e instanceof Stripe.errors.StripeCardError ? e.decline_code : 'error'),
          );
        await transport.sendMail({
          from: 'shop@sandbox.test',
          to: email,
          subject: `Your order ord_j${i}`,
          text: `journey ${i}`,
          headers: { 'X-Deadend-Kind': 'order-confirmation', 'X-Deadend-Order': `ord_j${i}` },
        });
        const key = await post(sandbox.urls.licensing, '/v1/keys', { product: 'app', orderId: `ord_j${i}` });
        await post(sandbox.urls.control, '/v1/clock', { advance: 'PT1S' });
        return { paid, key: key.status };
      }),
    );
    transport.close();
    await post(sandbox.urls.control, '/v1/clock', { advance: 'PT5M' });
    const elapsed = performance.now() - started;

    expect(outcomes.filter((o) => o.paid === 'succeeded')).toHaveLength(JOURNEYS / 2);
    expect(outcomes.filter((o) => o.paid === 'generic_decline')).toHaveLength(JOURNEYS / 2);
    expect(outcomes.every((o) => o.key === 201)).toBe(true);

    const w = sandbox.session.world;
    expect(w.charges).toHaveLength(JOURNEYS);
    expect(Object.keys(w.billing!.customers)).toHaveLength(JOURNEYS);
    expect(w.customer.spent).toBeCloseTo(
      Array.from({ length: JOURNEYS / 2 }, (_, k) => (1000 + 2 * k) / 100).reduce((a, b) => a + b),
      6,
    );
    expect(w.mail.filter((m) => m.folder === 'inbox')).toHaveLength(JOURNEYS);
    expect(w.keys).toHaveLength(JOURNEYS);
    for (const i of [0, 57, 199]) {
      const res = await fetch(`${sandbox.urls.mailbox}/v1/mailboxes/j${i}@example.net/messages`);
      const list = (await res.json()) as any;
      expect(list.data.map((m: any) => m.subject)).toEqual([`Your order ord_j${i}`]);
    }
    const trace = (await (await fetch(`${sandbox.urls.control}/v1/trace`)).json()) as any;
    const count = (kind: string) => trace.data.filter((e: any) => e.kind === kind).length;
    expect(count('payment.charged')).toBe(JOURNEYS / 2);
    expect(count('payment.failed')).toBe(JOURNEYS / 2);
    expect(count('mail.sent')).toBe(JOURNEYS);
    expect(count('mail.delivered')).toBe(JOURNEYS);
    expect(count('licence.issued')).toBe(JOURNEYS);
    expect(trace.total).toBe(4 * JOURNEYS);
    // Every order's payment event carries its own order and payment intent.
    const orders = new Set(
      trace.data.filter((e: any) => e.kind.startsWith('payment.')).map((e: any) => e.data.orderId),
    );
    expect(orders.size).toBe(JOURNEYS);
    expect(elapsed).toBeLessThan(20_000);
  });
});
