/**
 * An example of code under test: a tiny Node shop service that sells a licensed app. It takes
 * the payment with the official `stripe` SDK, asks a licensing API for a key with `fetch`, and
 * mails the key through a mail API with `fetch`. Nothing in it knows about deadend: its test
 * (shopService.test.ts) runs it against the sandbox under msw.
 */
import Stripe from 'stripe';

export interface ShopConfig {
  stripe: Stripe;
  licensingUrl: string;
  mailUrl: string;
  product: { id: string; name: string; amount: number; currency: string };
}

export type CheckoutResult =
  | { ok: true; orderId: string; paymentIntent: string; key: string }
  | { ok: false; orderId: string; reason: string; retry: boolean };

export function createShopService(config: ShopConfig) {
  let orders = 0;
  const { stripe, product } = config;

  async function mail(to: string, subject: string, text: string, headers: Record<string, string>) {
    const res = await fetch(`${config.mailUrl}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: 'shop@example.com', to, subject, text, headers }),
    });
    if (!res.ok) throw new Error(`mail API answered ${res.status}`);
  }

  return {
    async checkout(email: string, paymentMethod: string): Promise<CheckoutResult> {
      orders += 1;
      const orderId = `order-${orders}`;
      const customer = await stripe.customers.create({ email });
      let intent: Stripe.PaymentIntent;
      try {
        intent = await stripe.paymentIntents.create({
          amount: product.amount,
          currency: product.currency,
          customer: customer.id,
          payment_method: paymentMethod,
          confirm: true,
          metadata: { order_id: orderId },
        });
      } catch (e) {
        if (e instanceof Stripe.errors.StripeCardError)
          return { ok: false, orderId, reason: e.message, retry: true };
        throw e;
      }
      const res = await fetch(`${config.licensingUrl}/v1/keys`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ product: product.id, orderId }),
      });
      if (!res.ok) {
        // No key, no sale: give the money back.
        await stripe.refunds.create({ payment_intent: intent.id });
        return { ok: false, orderId, reason: 'licensing is unavailable', retry: true };
      }
      const { key } = (await res.json()) as { key: string };
      await mail(email, `Your licence key for ${product.name}`, `Your key: ${key}`, {
        'X-Deadend-Kind': 'licence-key',
        'X-Deadend-Order': orderId,
        'X-Deadend-Secret': key,
      });
      return { ok: true, orderId, paymentIntent: intent.id, key };
    },

    /** Activation on the customer's machine: the licence server must answer. */
    async activate(key: string): Promise<'activated' | 'try-later' | 'unknown-key'> {
      const res = await fetch(`${config.licensingUrl}/v1/keys/${encodeURIComponent(key)}/activations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      if (res.status === 404) return 'unknown-key';
      return res.ok ? 'activated' : 'try-later';
    },
  };
}
