/**
 * `deadend sandbox`: the sandbox models served on loopback ports — a Stripe-compatible
 * payment API, an SMTP server with a mailbox API, a licensing API, a support-desk API, a
 * control API and the merchant's back office — over one SandboxSession (one world, one virtual
 * clock, one trace). The services' routers come from the services' wire list; this module adds
 * the control API and the back office and starts the servers.
 */
import { type ApiResponse, type Router, UNROUTED_HEADER } from '../../core/wire.ts';
import { backOfficeRouter } from '../../merchant/backOffice.ts';
import { SERVICE_ROUTERS, type SmtpServed, serveSmtp } from '../../services/wire.ts';
import { controlRouter } from './control.ts';
import { type Served, serveRouter } from './server.ts';
import { SandboxSession, type SessionOptions } from './session.ts';

export type { ApiRequest, ApiResponse, Router } from '../../core/wire.ts';
export { SandboxSession, type SessionOptions } from './session.ts';

export const API_NAMES = ['payment', 'mailbox', 'licensing', 'support', 'control', 'backoffice'] as const;
export type ApiName = (typeof API_NAMES)[number];

/** Every HTTP API's router, by name: the same functions the msw handlers call. */
export const ROUTERS: Readonly<Record<ApiName, Router<SandboxSession>>> = {
  ...SERVICE_ROUTERS,
  control: controlRouter,
  backoffice: backOfficeRouter,
};

/**
 * Every HTTP API behind one port: each router in turn, until one serves the path. The paths
 * of the APIs do not overlap, so a shop needs one base URL (plus SMTP) for the whole sandbox.
 */
export const allRouter: Router<SandboxSession> = (session, req) => routeAll([], session, req);

/** Every API behind one port, after the routers a caller adds (tried first). */
function routeAll(
  extra: readonly Router<SandboxSession>[],
  session: SandboxSession,
  req: Parameters<Router<SandboxSession>>[1],
): ApiResponse {
  let wrongMethod: ApiResponse | undefined;
  for (const router of [...extra, ...ROUTING_ORDER.map((name) => ROUTERS[name])]) {
    const res = router(session, req);
    if (res.headers[UNROUTED_HEADER]) continue;
    if (res.status === 405) {
      wrongMethod ??= res;
      continue;
    }
    return res;
  }
  return wrongMethod ?? ROUTERS.payment(session, req);
}

/** Stripe's API last: it answers every unknown path in its own way. */
const ROUTING_ORDER: readonly ApiName[] = [
  'control',
  'backoffice',
  'mailbox',
  'licensing',
  'support',
  'payment',
];

export type SandboxPorts = Partial<Record<ApiName | 'smtp' | 'all', number>>;

/** The default ports of `deadend sandbox` (0 anywhere picks a free port). */
export const DEFAULT_PORTS: Readonly<Record<ApiName | 'smtp' | 'all', number>> = {
  all: 12110,
  payment: 12111,
  mailbox: 12112,
  licensing: 12113,
  support: 12114,
  control: 12115,
  backoffice: 12116,
  smtp: 2525,
};

/** Every service on a port the system picks (tests, and the real targets' own sandboxes). */
export const FREE_PORTS: Readonly<Record<ApiName | 'smtp' | 'all', number>> = {
  payment: 0,
  mailbox: 0,
  licensing: 0,
  support: 0,
  control: 0,
  backoffice: 0,
  all: 0,
  smtp: 0,
};

export interface StartOptions extends Omit<SessionOptions, 'scenario'> {
  /** Ports per API; missing ones use DEFAULT_PORTS. `{ …, basePort: 0 }`-style: pass 0 for free ports. */
  ports?: SandboxPorts;
  /** A scenario file (or a loaded scenario) for the session. */
  scenario?: SessionOptions['scenario'];
  /** A session to serve instead of a new one. */
  session?: SandboxSession;
  host?: '127.0.0.1' | 'localhost' | '::1';
  /** More APIs on the shared port, tried before the others (the http target's vocabulary API). */
  routers?: readonly Router<SandboxSession>[];
}

export interface RunningSandbox {
  session: SandboxSession;
  /** Base URLs: `http://127.0.0.1:PORT` per HTTP API and `all` of them, `smtp://127.0.0.1:PORT` for SMTP. */
  urls: Record<ApiName | 'smtp' | 'all', string>;
  ports: Record<ApiName | 'smtp' | 'all', number>;
  close(): Promise<void>;
}

export async function startSandbox(opts: StartOptions = {}): Promise<RunningSandbox> {
  const session = opts.session ?? (await SandboxSession.open(opts));
  const host = opts.host ?? '127.0.0.1';
  const port = (name: ApiName | 'smtp' | 'all') => opts.ports?.[name] ?? DEFAULT_PORTS[name];
  const served: (Served | SmtpServed)[] = [];
  const urls = {} as Record<ApiName | 'smtp' | 'all', string>;
  const ports = {} as Record<ApiName | 'smtp' | 'all', number>;
  try {
    const extra = opts.routers ?? [];
    const all = await serveRouter(session, (s, req) => routeAll(extra, s, req), port('all'), host);
    served.push(all);
    urls.all = all.url;
    ports.all = all.port;
    for (const name of API_NAMES) {
      const s = await serveRouter(session, ROUTERS[name], port(name), host);
      served.push(s);
      urls[name] = s.url;
      ports[name] = s.port;
    }
    const smtp = await serveSmtp(session, port('smtp'), host);
    served.push(smtp);
    urls.smtp = smtp.url;
    ports.smtp = smtp.port;
  } catch (e) {
    await Promise.all(served.map((s) => s.close()));
    throw e;
  }
  return {
    session,
    urls,
    ports,
    close: async () => {
      await Promise.all(served.map((s) => s.close()));
    },
  };
}

/** The lines `deadend sandbox` prints: one per service, with how to point a client at it. */
export function describeSandbox(s: RunningSandbox): string[] {
  const { urls, ports } = s;
  return [
    `all       ${urls.all}   every HTTP API below on one port (the reference shop's DEADEND_SANDBOX_URL)`,
    `payment   ${urls.payment}   Stripe-compatible: new Stripe('sk_test_…', { host: '127.0.0.1', port: ${ports.payment}, protocol: 'http' })`,
    `smtp      ${urls.smtp}   nodemailer.createTransport({ host: '127.0.0.1', port: ${ports.smtp}, secure: false })`,
    `mailbox   ${urls.mailbox}   GET /v1/mailboxes/{address}/messages?folder=inbox|spam`,
    `licensing ${urls.licensing}   POST /v1/keys, POST /v1/keys/{key}/activations, GET /v1/downloads/{key}`,
    `support   ${urls.support}   GET /v1/channels, POST /v1/contacts`,
    `control   ${urls.control}   POST /v1/faults, POST /v1/clock, POST /v1/reset, GET /v1/trace, GET|PUT /v1/snapshot`,
    `backoffice ${urls.backoffice}   the merchant's order systems: /v1/backoffice/orders, …/entitlements, …/events`,
  ];
}
