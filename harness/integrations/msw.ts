/**
 * `deadend/msw`: the sandbox's HTTP APIs as msw request handlers, for code under test inside
 * one Node process (a team's own service in its own vitest suite). The handlers call the same
 * routers as `deadend sandbox`'s servers, over the same SandboxSession: same Stripe-compatible
 * payment API, mailbox, licensing, support and control APIs, same faults, same virtual clock.
 *
 *   import { setupServer } from 'msw/node';
 *   import { SandboxSession, sandboxHandlers } from 'deadend/msw';
 *
 *   const session = new SandboxSession();
 *   const server = setupServer(...sandboxHandlers(session));
 *   server.listen({ onUnhandledFrame: 'error' });
 *   // new Stripe('sk_test_…') now talks to the sandbox: api.stripe.com is the default base URL.
 *
 * SMTP is not HTTP: mail from code under test goes to the mailbox API's submission endpoint
 * (`POST {mailbox}/v1/messages`), or use `deadend sandbox`'s SMTP server.
 */
import { type HttpHandler, HttpResponse, http } from 'msw';
import type { ApiRequest } from '../core/wire.ts';
import { API_NAMES, type ApiName, ROUTERS, type SandboxSession } from '../targets/sandbox/index.ts';

export type { ApiName } from '../targets/sandbox/index.ts';
export { SandboxSession, type SessionOptions } from '../targets/sandbox/session.ts';

/** Where each API answers under msw. The payment API is Stripe's own address by default. */
export const DEFAULT_BASE_URLS: Readonly<Record<ApiName, string>> = {
  payment: 'https://api.stripe.com',
  mailbox: 'http://mailbox.sandbox.test',
  licensing: 'http://licensing.sandbox.test',
  support: 'http://support.sandbox.test',
  control: 'http://control.sandbox.test',
  backoffice: 'http://backoffice.sandbox.test',
};

export interface SandboxHandlerOptions {
  /** Base URLs per API (a path prefix is allowed: `http://localhost/stripe`). */
  baseUrls?: Partial<Record<ApiName, string>>;
  /** Only these APIs (default: all). */
  apis?: readonly ApiName[];
}

/** The request as the routers take it: path relative to the API's base URL. */
export async function toApiRequest(request: Request, base: URL): Promise<ApiRequest> {
  const url = new URL(request.url);
  const prefix = base.pathname.replace(/\/$/, '');
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    headers[key] = value;
  });
  return {
    method: request.method,
    path: prefix && url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) || '/' : url.pathname,
    query: url.search.slice(1),
    headers,
    body: request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text(),
  };
}

export function sandboxHandlers(session: SandboxSession, opts: SandboxHandlerOptions = {}): HttpHandler[] {
  const apis = opts.apis ?? API_NAMES;
  return apis.map((name) => {
    const base = new URL(opts.baseUrls?.[name] ?? DEFAULT_BASE_URLS[name]);
    const router = ROUTERS[name];
    const root = base.href.replace(/\/$/, '');
    return http.all(`${root}/*`, async ({ request }) => {
      const r = router(session, await toApiRequest(request, base));
      return new HttpResponse(r.body === undefined ? null : JSON.stringify(r.body), {
        status: r.status,
        headers: r.headers,
      });
    });
  });
}
