/**
 * The transport-agnostic shape of the sandbox's HTTP APIs: a router takes a request as plain
 * data and returns a response as plain data. The node:http server (server.ts) and the msw
 * handlers (harness/integrations/msw.ts) are thin adapters around the same routers.
 */
import type { RunEnv } from './runEnv.ts';
import type { World } from './world.ts';

export interface ApiRequest {
  method: string;
  /** The path without the query string, e.g. `/v1/customers/cus_1`. */
  path: string;
  /** The query string without `?` (may be empty). */
  query: string;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  /** The raw request body ('' when there is none). */
  body: string;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON-serialisable. */
  body: unknown;
}

/** A message's content as it came in (SMTP or the HTTP submission API), by model message id. */
export interface StoredMail {
  from: string;
  subject: string;
  text: string | null;
  html: string | null;
  headers: Record<string, string>;
  /** Whether the kind was guessed from the subject (no X-Deadend-Kind header). */
  kindInferred: boolean;
  via: 'smtp' | 'http';
}

export interface StoredResponse {
  fingerprint: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * What a service's wire API reads and changes: one world with its run environment, its virtual
 * clock and its trace (`world.trace`), plus what only the wire has (the content of mail as it
 * came in, idempotent responses, request ids). The sandbox session implements it; the routers
 * never see how a session is built, so services do not depend on the targets that serve them.
 */
export interface WireContext {
  world: World;
  readonly env: RunEnv;
  /** The virtual clock (`world.now`). */
  readonly now: number;
  readonly mail: Map<string, StoredMail>;
  readonly idempotency: Map<string, StoredResponse>;
  nextRequestId(): string;
  /** Remember a response for an idempotency key. */
  remember(key: string, response: StoredResponse): void;
}

/** A problem with what a client asked for (a bad fault, a clock moved backwards): a 400. */
export class SandboxInputError extends Error {
  readonly status: number;
  /** The error code when it is not the status's default (`invalid_json`). */
  readonly code: string | undefined;
  constructor(message: string, status = 400, code?: string) {
    super(message);
    this.name = 'SandboxInputError';
    this.status = status;
    this.code = code;
  }
}

/** A router over a context: the services' routers take any WireContext, the control API a whole session. */
export type Router<C extends WireContext = WireContext> = (wire: C, req: ApiRequest) => ApiResponse;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body };
}

/** The error body of the sandbox's own APIs (mailbox, licensing, support, control). */
export function apiError(
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): ApiResponse {
  return json(status, {
    error: { type: status >= 500 ? 'api_error' : 'invalid_request_error', code, message, ...extra },
  });
}

type Handler<C, R> = (ctx: C, params: Record<string, string>) => R;

interface Route<C, R> {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler<C, R>;
}

/**
 * A small path router: `add('GET', '/v1/customers/:id', (ctx, { id }) => …)`. `match` tells
 * a wrong method apart from an unknown path.
 */
export class Routes<C, R = ApiResponse> {
  readonly #routes: Route<C, R>[] = [];

  add(method: string, path: string, handler: Handler<C, R>): this {
    const names: string[] = [];
    const source = path
      .split('/')
      .map((part) => {
        if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(part.slice(1));
        return '([^/]+)';
      })
      .join('/');
    this.#routes.push({ method, pattern: new RegExp(`^${source}/?$`), names, handler });
    return this;
  }

  match(
    method: string,
    path: string,
  ): { handler: Handler<C, R>; params: Record<string, string> } | 'wrong-method' | undefined {
    let pathMatched = false;
    for (const r of this.#routes) {
      const m = r.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (r.method !== method) continue;
      const params: Record<string, string> = {};
      for (const [i, n] of r.names.entries()) {
        try {
          params[n] = decodeURIComponent(m[i + 1]!);
        } catch {
          params[n] = m[i + 1]!;
        }
      }
      return { handler: r.handler, params };
    }
    return pathMatched ? 'wrong-method' : undefined;
  }
}

/** Set on a router's answer to a path it does not serve, so that routers can share one port. */
export const UNROUTED_HEADER = 'x-deadend-unrouted';

export function unrouted(res: ApiResponse): ApiResponse {
  return { ...res, headers: { ...res.headers, [UNROUTED_HEADER]: '1' } };
}

/** What the handlers of the sandbox's own APIs (all but Stripe's) are given. */
export interface ApiCtx<C extends WireContext = WireContext> {
  session: C;
  req: ApiRequest;
  query: URLSearchParams;
}

/**
 * A request to one of the sandbox's own APIs, through its routes: an unknown path is a 404 that
 * lets the next router on a shared port try (unrouted), a wrong method a 405, and a
 * SandboxInputError thrown by a handler its 400 or 404.
 */
export function serveRoutes<C extends WireContext>(
  routes: Routes<ApiCtx<C>>,
  session: C,
  req: ApiRequest,
): ApiResponse {
  const m = routes.match(req.method, req.path);
  if (m === undefined)
    return unrouted(apiError(404, 'not_found', `No such endpoint: ${req.method} ${req.path}.`));
  if (m === 'wrong-method')
    return apiError(405, 'method_not_allowed', `${req.method} is not allowed on ${req.path}.`);
  try {
    return m.handler({ session, req, query: new URLSearchParams(req.query) }, m.params);
  } catch (e) {
    if (e instanceof SandboxInputError)
      return apiError(
        e.status,
        e.code ?? (e.status === 404 ? 'resource_missing' : 'invalid_request'),
        e.message,
      );
    throw e;
  }
}

/** Every sandbox API answers a body that is not JSON with this code and message (a 400). */
export const INVALID_JSON = { code: 'invalid_json', message: 'The body is not valid JSON.' } as const;

/** The body as a JSON object; anything else is a SandboxInputError (a 400). */
export function objectBody(req: ApiRequest): Record<string, unknown> {
  let b: unknown;
  try {
    b = jsonBody(req) ?? {};
  } catch {
    throw new SandboxInputError(INVALID_JSON.message, 400, INVALID_JSON.code);
  }
  if (typeof b !== 'object' || b === null || Array.isArray(b))
    throw new SandboxInputError('The body must be a JSON object.');
  return b as Record<string, unknown>;
}

/** A JSON request body, or undefined when empty; throws SyntaxError on bad JSON. */
export function jsonBody(req: ApiRequest): unknown {
  return req.body.trim() === '' ? undefined : JSON.parse(req.body);
}
