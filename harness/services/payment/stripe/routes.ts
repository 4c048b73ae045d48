/**
 * The payment API: compatible with the part of Stripe's v1 API that checkout and subscription
 * flows use — customers, payment methods (Stripe's test cards), payment intents, charges,
 * refunds, products, prices, subscriptions and invoices. The official `stripe` SDK works
 * against it unchanged but for `host`, `port` and `protocol`.
 *
 * Stripe's conventions: form-encoded bodies with bracket notation, `Authorization: Bearer
 * sk_test_…`, list objects, `expand[]`, idempotency keys, and `{ error: { type, code,
 * decline_code, message, param } }` with Stripe's HTTP statuses (400, 401, 402, 404). The
 * behaviour lives in the resource files beside this one (account, customers, intents, …); each resource's endpoints are
 * in routes/ (they only read parameters and shape answers); this file is the router: API keys,
 * idempotency, all-or-nothing requests, errors.
 */
import { journaled, plain } from '../../../core/undoLog.ts';
import {
  type ApiRequest,
  type ApiResponse,
  INVALID_JSON,
  Routes,
  SandboxInputError,
  unrouted,
  type WireContext,
} from '../../../core/wire.ts';
import type { World } from '../../../core/world.ts';
import { billingOf } from './account.ts';
import { BillingError, invalidRequest } from './errors.ts';
import { idempotencyKeyProblem } from './paramChecks.ts';
import { FormError, type FormObject, type FormValue, parseForm } from './params.ts';
import { rejectedBeforeExecuting } from './request.ts';
import type { Ctx, StripeRoutes } from './routeContext.ts';
import { catalogueRoutes } from './routes/catalogue.ts';
import { chargeRoutes } from './routes/charges.ts';
import { customerRoutes } from './routes/customers.ts';
import { paymentIntentRoutes } from './routes/intents.ts';
import { paymentMethodRoutes } from './routes/paymentMethods.ts';
import { subscriptionRoutes } from './routes/subscriptions.ts';
import type { StripeErrorBody } from './types.ts';

/** The API version the sandbox answers as (what the installed `stripe` SDK sends by default). */
export const STRIPE_API_VERSION = '2026-10-28.endive';

/** Every endpoint, in the order they match (`/v1/customers/search` before `/v1/customers/:id`). */
const stripeRoutes: StripeRoutes = new Routes();
customerRoutes(stripeRoutes);
paymentMethodRoutes(stripeRoutes);
paymentIntentRoutes(stripeRoutes);
chargeRoutes(stripeRoutes);
catalogueRoutes(stripeRoutes);
subscriptionRoutes(stripeRoutes);

function stripeError(status: number, body: StripeErrorBody, headers: Record<string, string>): ApiResponse {
  return { status, headers: { ...headers, 'stripe-should-retry': 'false' }, body: { error: body } };
}

const NO_KEY =
  "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.";

function apiKey(req: ApiRequest): string | undefined {
  const auth = req.headers.authorization?.trim();
  if (!auth) return undefined;
  const [scheme, value = ''] = auth.split(/\s+/, 2) as [string, string?];
  if (/^bearer$/i.test(scheme)) return value;
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    return decoded.split(':')[0];
  }
  return '';
}

function mask(key: string): string {
  if (key.length <= 12) return `${key.slice(0, 3)}***`;
  return `${key.slice(0, 8)}${'*'.repeat(Math.max(3, key.length - 12))}${key.slice(-4)}`;
}

function parseParams(req: ApiRequest): FormObject {
  const type = req.headers['content-type'] ?? '';
  const fromQuery = parseForm(req.query);
  if (req.method === 'GET' || req.method === 'DELETE' || req.body.trim() === '') {
    return req.body.trim() === '' ? fromQuery : { ...fromQuery, ...parseForm(req.body) };
  }
  if (type.includes('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(req.body);
    } catch {
      throw invalidRequest(INVALID_JSON.message, INVALID_JSON.code);
    }
    return { ...fromQuery, ...(stringify(parsed) as FormObject) };
  }
  return { ...fromQuery, ...parseForm(req.body) };
}

/** A JSON body in form terms: every scalar a string, as if it had been form-encoded. */
function stringify(v: unknown): FormValue {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(stringify);
  if (typeof v === 'object') {
    const out: FormObject = {};
    for (const [k, x] of Object.entries(v)) out[k] = stringify(x);
    return out;
  }
  return String(v);
}

export function paymentRouter(session: WireContext, req: ApiRequest): ApiResponse {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'request-id': session.nextRequestId(),
    'stripe-version': req.headers['stripe-version'] ?? STRIPE_API_VERSION,
    'cache-control': 'no-cache, no-store',
  };
  const key = apiKey(req);
  if (key === undefined || key === '')
    return stripeError(
      401,
      { type: 'invalid_request_error', message: NO_KEY },
      { ...headers, 'www-authenticate': 'Bearer realm="Stripe"' },
    );
  if (!/^(sk|rk)_test_\S+$/.test(key))
    return stripeError(
      401,
      {
        type: 'invalid_request_error',
        message: `Invalid API Key provided: ${mask(key)}. The sandbox accepts test keys only (sk_test_…).`,
      },
      { ...headers, 'www-authenticate': 'Bearer realm="Stripe"' },
    );
  const idem = req.method === 'POST' ? req.headers['idempotency-key'] : undefined;
  const fingerprint = `${req.method} ${req.path} ${req.body}`;
  if (idem !== undefined) {
    const problem = idempotencyKeyProblem(idem);
    if (problem)
      return stripeError(
        400,
        { type: 'invalid_request_error', message: problem, param: 'Idempotency-Key' },
        headers,
      );
    headers['idempotency-key'] = idem;
    const stored = session.idempotency.get(`${key}|${idem}`);
    if (stored) {
      if (stored.fingerprint !== fingerprint)
        return stripeError(
          400,
          {
            type: 'idempotency_error',
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idem}' if you meant to execute a different request.`,
          },
          headers,
        );
      return {
        status: stored.status,
        headers: { ...stored.headers, 'request-id': headers['request-id']!, 'idempotent-replayed': 'true' },
        body: stored.body,
      };
    }
  }
  // A request is all or nothing: one refused by validation (however late the check) leaves no
  // trace, so a client that corrects and retries it is not charged twice. Stripe saves an
  // idempotent result only once the endpoint started executing; a refused request saves none.
  const tx = req.method === 'GET' ? undefined : journaled(session.world);
  const answer = dispatch(session, req, headers, tx?.view ?? session.world);
  const response = { ...answer, body: plain(answer.body) };
  const rejected = rejectedBeforeExecuting(response);
  if (tx && rejected) tx.undo();
  if (idem !== undefined && !rejected) session.remember(`${key}|${idem}`, { fingerprint, ...response });
  return response;
}

function dispatch(
  session: WireContext,
  req: ApiRequest,
  headers: Record<string, string>,
  world: World,
): ApiResponse {
  const unrecognised = () =>
    stripeError(
      404,
      {
        type: 'invalid_request_error',
        message: `Unrecognized request URL (${req.method}: ${req.path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
      },
      headers,
    );
  const m = stripeRoutes.match(req.method, req.path);
  if (m === undefined || m === 'wrong-method') return unrouted(unrecognised());
  try {
    const p = parseParams(req);
    const ctx: Ctx = { world, env: session.env, b: billingOf(world, session.env), p, req };
    return { status: 200, headers, body: m.handler(ctx, m.params) };
  } catch (e) {
    if (e instanceof BillingError) return stripeError(e.status, e.body, headers);
    if (e instanceof FormError)
      return stripeError(400, { type: 'invalid_request_error', message: e.message, param: e.param }, headers);
    if (e instanceof SandboxInputError)
      return stripeError(e.status, { type: 'invalid_request_error', message: e.message }, headers);
    return stripeError(
      500,
      { type: 'api_error', message: `The sandbox failed: ${(e as Error)?.message ?? String(e)}` },
      headers,
    );
  }
}
