// biome-ignore-all lint/suspicious/noExplicitAny: the APIs' JSON answers are read loosely in tests
/**
 * The payment API's test sandbox: one on loopback per test file, reset before each test, with
 * the official `stripe` SDK pointed at it (nothing changed but host, port and protocol).
 */
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { FREE_PORTS, type RunningSandbox, startSandbox } from '../index.ts';

/** Set once the file's sandbox is up (live bindings: read them inside tests). */
export let sandbox: RunningSandbox;
export let stripe: Stripe;

/** Starts the sandbox for the calling test file and resets it before each of its tests. */
export function useStripeSandbox(): void {
  beforeAll(async () => {
    sandbox = await startSandbox({
      ports: FREE_PORTS,
    });
    stripe = new Stripe('sk_test_sandbox', {
      host: '127.0.0.1',
      port: sandbox.ports.payment,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    await control('/v1/reset', {});
  });
}

export async function control(path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') {
  const res = await fetch(`${sandbox.urls.control}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

export async function cardError(p: Promise<unknown>): Promise<Stripe.errors.StripeCardError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(Stripe.errors.StripeCardError);
  return e as Stripe.errors.StripeCardError;
}
