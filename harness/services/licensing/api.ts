/**
 * The licensing API: keys issued per order, downloads and activations against the licence
 * server — the licensing model (harness/services/licensing/licensing.ts), so `licence.server-down`
 * answers 503 during its window exactly where `sim` fails a download or an activation.
 */
import { toIso } from '../../clock/instant.ts';
import {
  type ApiCtx,
  type ApiRequest,
  type ApiResponse,
  apiError,
  INVALID_JSON,
  json,
  jsonBody,
  Routes,
  serveRoutes,
  type WireContext,
} from '../../core/wire.ts';
import { record } from '../../core/world.ts';
import { issueKey, licenceServerAnswers } from './licensing.ts';

const routes = new Routes<ApiCtx>();

function body(req: ApiRequest): Record<string, unknown> | ApiResponse {
  try {
    const b = jsonBody(req) ?? {};
    if (typeof b !== 'object' || Array.isArray(b))
      return apiError(400, 'invalid_body', 'The body must be a JSON object.');
    return b as Record<string, unknown>;
  } catch {
    return apiError(400, INVALID_JSON.code, INVALID_JSON.message);
  }
}

const isResponse = (x: unknown): x is ApiResponse =>
  typeof x === 'object' && x !== null && 'status' in x && 'headers' in x && 'body' in x;

const keyJson = (k: { key: string; product: string; orderId: string }) => ({ object: 'licence_key', ...k });

function unavailable(op: string): ApiResponse {
  return json(
    503,
    {
      error: {
        type: 'api_error',
        code: 'licence_server_unavailable',
        message: `The licence server did not answer the ${op}. Try again later.`,
      },
    },
    { 'retry-after': '3600' },
  );
}

function serve(session: WireContext, key: string, op: 'download' | 'activate'): ApiResponse {
  const found = session.world.keys.find((k) => k.key === key);
  if (!found) return apiError(404, 'resource_missing', `No such licence key: '${key}'.`, { param: 'key' });
  const world = session.world;
  if (!licenceServerAnswers(world, session.env, op, key)) return unavailable(op);
  record(world, {
    actor: 'licensing',
    kind: op === 'download' ? 'licence.downloaded' : 'licence.activated',
    text:
      op === 'download'
        ? `The licence server served the download of ${found.product} for order ${found.orderId}.`
        : `The licence server activated ${found.product} for order ${found.orderId}.`,
    data: { orderId: found.orderId, product: found.product, key },
  });
  return json(200, {
    object: op === 'download' ? 'download' : 'activation',
    key,
    product: found.product,
    orderId: found.orderId,
    at: toIso(world.now),
    ...(op === 'download'
      ? { url: `https://downloads.sandbox.invalid/${encodeURIComponent(found.product)}/${key}` }
      : {}),
  });
}

routes
  .add('POST', '/v1/keys', ({ session, req }) => {
    const b = body(req);
    if (isResponse(b)) return b;
    for (const param of ['product', 'orderId'])
      if (typeof b[param] !== 'string' || b[param] === '')
        return apiError(400, 'parameter_missing', `Missing required param: ${param}.`, { param });
    const existing = session.world.keys.some((k) => k.orderId === b.orderId);
    const key = issueKey(session.world, b.product as string, b.orderId as string);
    return json(existing ? 200 : 201, keyJson(key));
  })
  .add('GET', '/v1/keys', ({ session, query }) => {
    const orderId = query.get('orderId');
    const product = query.get('product');
    const data = session.world.keys
      .filter(
        (k) => (orderId === null || k.orderId === orderId) && (product === null || k.product === product),
      )
      .map(keyJson);
    return json(200, { object: 'list', data, has_more: false, url: '/v1/keys' });
  })
  .add('GET', '/v1/keys/:key', ({ session }, { key }) => {
    const found = session.world.keys.find((k) => k.key === key);
    if (!found) return apiError(404, 'resource_missing', `No such licence key: '${key}'.`, { param: 'key' });
    return json(200, keyJson(found));
  })
  .add('POST', '/v1/keys/:key/activations', ({ session }, { key }) => serve(session, key!, 'activate'))
  .add('GET', '/v1/downloads/:key', ({ session }, { key }) => serve(session, key!, 'download'));

export const licensingRouter = (session: WireContext, req: ApiRequest): ApiResponse =>
  serveRoutes(routes, session, req);
