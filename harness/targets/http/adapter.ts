/**
 * How the `http` target talks to a merchant's web site: one async method per customer action.
 * The reference shop's JSON API has its adapter here (`referenceShopAdapter`); for your own
 * shop, write a module whose default export is an `AdapterFactory` and pass it with
 * `--adapter ./my-adapter.ts --shop-url http://127.0.0.1:3000` (see docs/http-target.md).
 */

import type { ContactResult } from '../../core/ports.ts';
import type { CheckoutRequest } from '../../merchant/flows.ts';
import type { Problem } from '../../merchant/profile.ts';
import type { OrderPage, ShopCheckout } from '../../merchant/shopPort.ts';
import type { MailKind } from '../../scenario/schema.ts';

export interface ShopAdapter {
  /** Place an order. A refused payment or a form sent back is `{ ok: false, reason }`, not a throw. */
  checkout(req: CheckoutRequest): Promise<ShopCheckout>;
  /** What the order page shows, or undefined when the shop does not know the order. */
  orderPage(orderId: string): Promise<OrderPage | undefined>;
  resend(orderId: string, kind: MailKind): Promise<boolean>;
  changeEmail(orderId: string, email: string): Promise<boolean>;
  cancelSubscription(product: string): Promise<boolean>;
  /** Whether the shop's member portal lets the customer in for this product. */
  entitled(product: string): Promise<boolean>;
  /** Trigger the shop's statement job for this customer. */
  sendStatement(email: string): Promise<void>;
  /** Send the support form (channel, problem, product): the desk's answer (`resolved`, `redirected`, …). */
  contactSupport(channel: string, problem: Problem, product: string): Promise<ContactResult>;
  // Open-vocabulary merchants (docs/vocabulary-design.md §2.11); optional, so an
  // adapter written for the seed flows keeps working on seed scenarios:
  /** Press the button of a declared customer action on the account page. */
  performAction?(actionId: string): Promise<ActionAnswer>;
  /** Send the support form about a declared problem: the desk's answer as the sandbox gave it. */
  contactAbout?(channel: string, problem: string): Promise<unknown>;

  /** Called before every run: forget whatever the shop keeps outside the sandbox. */
  reset?(): Promise<void>;

  // Evidence for the report (the browser adapter records a trace and the page it is on):
  /** A run starts (after reset). */
  beginRun?(): Promise<void>;
  /**
   * The run missed its expectation: write what shows why into `dir` (it exists) and name the
   * files. `focus.orderId` is the customer's latest order as the run ended (its page is where a
   * stuck customer looks); the sandbox has been restored to that moment.
   */
  keep?(dir: string, focus?: RunFocus): Promise<KeptFile[]>;
  /** The run passed: drop what was recorded for it. */
  discard?(): Promise<void>;
  /** The suite is over: release the browser, connections, … */
  close?(): Promise<void>;
}

/** A customer action's answer: `ok: false` with why when it does not apply now (the shop's 409). */
export interface ActionAnswer {
  ok: boolean;
  why?: string;
  /** When the action's effects land (epoch ms). */
  effectsAt: number;
}

/** What a failed run's evidence should show. */
export interface RunFocus {
  orderId?: string;
}

/** A file an adapter kept for a failed run, relative to the folder it was given. */
export interface KeptFile {
  /** For people: "order page as the run ended (/orders/ord_3)". */
  name: string;
  file: string;
  contentType: string;
}

export interface AdapterContext {
  /** The shop's base URL. */
  shopUrl: string;
  /** The sandbox's HTTP APIs on one port. */
  sandboxUrl: string;
}

export type AdapterFactory = (ctx: AdapterContext) => ShopAdapter;

/** A shop answered something the adapter cannot use (a 5xx, a broken body). */
export class ShopError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShopError';
  }
}

/** A shop's JSON answer, read loosely: each method picks the fields it needs. */
type Answer = Record<string, unknown> & { error?: { message?: string } };

async function request(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Answer }> {
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
    throw new ShopError(`no answer from the shop at ${base} (${method} ${path}: ${cause}); is it running?`);
  }
  const text = await res.text();
  let json: Answer;
  try {
    json = text ? (JSON.parse(text) as Answer) : {};
  } catch {
    throw new ShopError(
      `${method} ${path} answered ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`,
    );
  }
  if (res.status >= 500)
    throw new ShopError(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return { status: res.status, json };
}

/** The reference shop's JSON API (fixtures/shop/server.ts). */
export const referenceShopAdapter: AdapterFactory = ({ shopUrl }) => {
  const call = (method: string, path: string, body?: unknown) => request(shopUrl, method, path, body);
  const id = encodeURIComponent;
  return {
    async checkout(req) {
      const r = await call('POST', '/api/checkout', req);
      if (r.status === 400)
        throw new ShopError(`the shop refused the checkout request: ${r.json.error?.message}`);
      return r.json as ShopCheckout;
    },
    async orderPage(orderId) {
      const r = await call('GET', `/api/orders/${id(orderId)}`);
      return r.status === 404 ? undefined : (r.json as unknown as OrderPage);
    },
    async resend(orderId, kind) {
      return (await call('POST', `/api/orders/${id(orderId)}/resend`, { kind })).json.resent === true;
    },
    async changeEmail(orderId, email) {
      return (await call('POST', `/api/orders/${id(orderId)}/email`, { email })).json.changed === true;
    },
    async cancelSubscription(product) {
      return (await call('POST', `/api/subscriptions/${id(product)}/cancel`)).json.cancelled === true;
    },
    async entitled(product) {
      return (await call('GET', `/api/entitlements/${id(product)}`)).json.entitled === true;
    },
    async sendStatement(email) {
      await call('POST', '/api/jobs/statement', { email });
    },
    async contactSupport(channel, problem, product) {
      const r = await call('POST', '/api/support', { channel, problem, product });
      if (r.status !== 200)
        throw new ShopError(`the support form was refused: ${r.json.error?.message ?? r.status}`);
      return r.json.result as ContactResult;
    },
    async performAction(actionId) {
      const r = await call('POST', `/api/actions/${id(actionId)}`);
      if (r.status === 404)
        throw new ShopError(`the shop has no action ${actionId}: ${r.json.error?.message}`);
      return {
        ok: r.json.ok === true,
        effectsAt: Number(r.json.effectsAt),
        ...(typeof r.json.why === 'string' ? { why: r.json.why } : {}),
      };
    },
    async contactAbout(channel, problem) {
      const r = await call('POST', '/api/support', { channel, about: problem });
      if (r.status !== 200)
        throw new ShopError(`the support form was refused: ${r.json.error?.message ?? r.status}`);
      return r.json;
    },
  };
};
