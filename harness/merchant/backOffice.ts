/**
 * The back-office API: the merchant's order systems as the sandbox models them — orders kept
 * per system with one-way sharing, hops where an order can get lost, portals that provision
 * from what they can see, merchant subscriptions with their renewal and reminder jobs — plus
 * an audit log the shop writes its decisions to, and the merchant's profile.
 *
 * "Systems that don't talk to each other" is a sandbox fault, so the systems live here; the
 * shop (fixtures/shop) keeps no state of its own and calls this API with fetch. The records
 * and trace events are the ones the merchant model writes in `sim`.
 */

import type { Actor } from '../core/trace.ts';
import {
  type ApiCtx,
  type ApiRequest,
  type ApiResponse,
  json,
  objectBody,
  Routes,
  SandboxInputError,
  serveRoutes,
  type WireContext,
} from '../core/wire.ts';
import { nextId, type Order, record } from '../core/world.ts';
import { dispatch, provision, recordCancellation, recordOrder, startSubscription } from './flows.ts';
import { cancelSubscriptions } from './policy.ts';
import { directShop } from './shopPort.ts';

const body = objectBody;

function str(b: Record<string, unknown>, name: string, optional = false): string {
  const v = b[name];
  if (v === undefined && optional) return '';
  if (typeof v !== 'string' || v === '') throw new SandboxInputError(`Missing required param: ${name}.`);
  return v;
}

function num(b: Record<string, unknown>, name: string): number {
  const v = b[name];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new SandboxInputError(`${name} must be a number.`);
  return v;
}

function oneOf<T extends string>(b: Record<string, unknown>, name: string, values: readonly T[]): T {
  const v = b[name];
  if (typeof v !== 'string' || !values.includes(v as T))
    throw new SandboxInputError(`${name} must be one of ${values.join(', ')}.`);
  return v as T;
}

const orderJson = (o: Order) => ({ object: 'order', ...o });

function findOrder(session: WireContext, id: string): Order {
  const order = session.world.orders.find((o) => o.id === id);
  if (!order) throw new SandboxInputError(`No such order: '${id}'.`, 404);
  return order;
}

const ACTORS: readonly Actor[] = ['merchant', 'orders', 'notify'];

const routes = new Routes<ApiCtx>();
routes
  .add('GET', '/v1/backoffice/merchant', ({ session }) =>
    json(200, { object: 'merchant', currency: session.env.currency, profile: session.env.profile }),
  )
  .add('POST', '/v1/backoffice/order-numbers', ({ session }) =>
    json(201, { object: 'order_number', id: nextId(session.world, 'ord') }),
  )
  .add('POST', '/v1/backoffice/orders', ({ session, req }) => {
    const b = body(req);
    const product = str(b, 'product');
    if (!session.env.profile.products.some((p) => p.id === product))
      throw new SandboxInputError(`Unknown product: '${product}'.`);
    const order = recordOrder(session.world, session.env, {
      ...(typeof b.id === 'string' ? { id: b.id } : {}),
      product,
      channel: oneOf(b, 'channel', ['web', 'store', 'phone'] as const),
      email: str(b, 'email'),
      price: num(b, 'price'),
      listPrice: num(b, 'listPrice'),
      surcharge: b.surcharge === undefined ? 0 : num(b, 'surcharge'),
      shipping: oneOf(b, 'shipping', ['standard', 'rush'] as const),
      ...(typeof b.chargeId === 'string' ? { chargeId: b.chargeId } : {}),
    });
    return json(201, orderJson(order));
  })
  .add('GET', '/v1/backoffice/orders', ({ session, query }) => {
    const email = query.get('email');
    const product = query.get('product');
    const data = session.world.orders.filter(
      (o) => (!email || o.email === email) && (!product || o.product === product),
    );
    return json(200, { object: 'list', data: data.map(orderJson) });
  })
  .add('GET', '/v1/backoffice/orders/:id', ({ session }, { id }) =>
    json(200, orderJson(findOrder(session, id!))),
  )
  .add('POST', '/v1/backoffice/orders/:id', ({ session, req }, { id }) => {
    const order = findOrder(session, id!);
    const b = body(req);
    if (b.email !== undefined) order.email = str(b, 'email');
    return json(200, orderJson(order));
  })
  .add('POST', '/v1/backoffice/orders/:id/cancel', ({ session, req }, { id }) => {
    const order = findOrder(session, id!);
    const b = body(req);
    recordCancellation(session.world, order, str(b, 'reason'), str(b, 'detail'), b.notified === true);
    return json(200, orderJson(order));
  })
  .add('POST', '/v1/backoffice/orders/:id/dispatch', ({ session }, { id }) => {
    const order = findOrder(session, id!);
    const shipped = dispatch(session.world, session.env, order);
    return json(200, { ...orderJson(order), shipped });
  })
  .add('POST', '/v1/backoffice/orders/:id/provision', ({ session }, { id }) => {
    const order = findOrder(session, id!);
    provision(session.world, session.env, order);
    return json(200, orderJson(order));
  })
  .add('POST', '/v1/backoffice/orders/:id/subscription', ({ session }, { id }) => {
    const order = findOrder(session, id!);
    const sub = startSubscription(session.world, session.env, order);
    return json(201, { object: 'merchant_subscription', ...sub });
  })
  .add('POST', '/v1/backoffice/subscriptions/cancel', ({ session, req }) => {
    const product = str(body(req), 'product');
    // The back office is the merchant's own system: who may cancel is asked before (policy.ts mayCancel).
    const cancelled = cancelSubscriptions(session.world, product).length;
    return json(200, { object: 'cancellation', product, cancelled });
  })
  .add('GET', '/v1/backoffice/entitlements/:product', ({ session }, { product }) => {
    if (!session.env.profile.products.some((p) => p.id === product))
      throw new SandboxInputError(`Unknown product: '${product}'.`, 404);
    const portal = session.env.product(product!).fulfilledBy ?? 'web-store';
    return json(200, {
      object: 'entitlement',
      product,
      portal,
      entitled: directShop.entitled(session.world, session.env, product!),
    });
  })
  .add('GET', '/v1/backoffice/sent', ({ session, query }) => {
    // The shop's mail log, as an e-mail service's "sent messages" API would give it.
    const orderId = query.get('orderId');
    const kind = query.get('kind');
    const data = session.world.mail
      .filter((m) => (!orderId || m.orderId === orderId) && (!kind || m.kind === kind))
      .map((m) => ({
        object: 'sent_message',
        id: m.id,
        to: m.to,
        kind: m.kind,
        subject: m.subject,
        orderId: m.orderId ?? null,
        secret: m.secret ?? null,
        unverifiedAddress: m.unverifiedAddress ?? false,
      }));
    return json(200, { object: 'list', data });
  })
  .add('POST', '/v1/backoffice/events', ({ session, req }) => {
    const b = body(req);
    const actor = (b.actor ?? 'merchant') as Actor;
    if (!ACTORS.includes(actor)) throw new SandboxInputError(`actor must be one of ${ACTORS.join(', ')}.`);
    const data = b.data;
    if (data !== undefined && (typeof data !== 'object' || data === null || Array.isArray(data)))
      throw new SandboxInputError('data must be an object.');
    record(session.world, {
      actor,
      kind: str(b, 'kind'),
      ...(typeof b.channel === 'string' ? { channel: b.channel } : {}),
      text: str(b, 'text'),
      ...(data ? { data: data as Record<string, unknown> } : {}),
    });
    return json(201, { object: 'event', recorded: true });
  });

export const backOfficeRouter = (session: WireContext, req: ApiRequest): ApiResponse =>
  serveRoutes(routes, session, req);
