/**
 * `deadend sandbox`: the sandbox models served on loopback ports — a Stripe-compatible
 * payment API, an SMTP server with a mailbox API, a licensing API, a support-desk API and a
 * control API — over one SandboxSession (one world, one virtual clock, one trace).
 */
import { API_NAMES, type ApiName, type Router } from './api.ts';
import { controlRouter } from './control.ts';
import { licensingRouter } from './licensing.ts';
import { mailboxRouter } from './mailbox.ts';
import { paymentRouter } from './payment.ts';
import { type Served, serveRouter } from './server.ts';
import { SandboxSession, type SessionOptions } from './session.ts';
import { type SmtpServed, serveSmtp } from './smtp.ts';
import { supportRouter } from './support.ts';

export { API_NAMES, type ApiName, type ApiRequest, type ApiResponse, type Router } from './api.ts';
export { SandboxSession, type SessionOptions } from './session.ts';

/** Every HTTP API's router, by name: the same functions the msw handlers call. */
export const ROUTERS: Readonly<Record<ApiName, Router>> = {
  payment: paymentRouter,
  mailbox: mailboxRouter,
  licensing: licensingRouter,
  support: supportRouter,
  control: controlRouter,
};

export type SandboxPorts = Partial<Record<ApiName | 'smtp', number>>;

/** The default ports of `deadend sandbox` (0 anywhere picks a free port). */
export const DEFAULT_PORTS: Readonly<Record<ApiName | 'smtp', number>> = {
  payment: 12111,
  mailbox: 12112,
  licensing: 12113,
  support: 12114,
  control: 12115,
  smtp: 2525,
};

export interface StartOptions extends Omit<SessionOptions, 'scenario'> {
  /** Ports per API; missing ones use DEFAULT_PORTS. `{ …, basePort: 0 }`-style: pass 0 for free ports. */
  ports?: SandboxPorts;
  /** A scenario file (or a loaded scenario) for the session. */
  scenario?: SessionOptions['scenario'];
  /** A session to serve instead of a new one. */
  session?: SandboxSession;
  host?: '127.0.0.1' | 'localhost' | '::1';
}

export interface RunningSandbox {
  session: SandboxSession;
  /** Base URLs: `http://127.0.0.1:PORT` per HTTP API, `smtp://127.0.0.1:PORT` for SMTP. */
  urls: Record<ApiName | 'smtp', string>;
  ports: Record<ApiName | 'smtp', number>;
  close(): Promise<void>;
}

export async function startSandbox(opts: StartOptions = {}): Promise<RunningSandbox> {
  const session = opts.session ?? (await SandboxSession.open(opts));
  const host = opts.host ?? '127.0.0.1';
  const port = (name: ApiName | 'smtp') => opts.ports?.[name] ?? DEFAULT_PORTS[name];
  const served: (Served | SmtpServed)[] = [];
  const urls = {} as Record<ApiName | 'smtp', string>;
  const ports = {} as Record<ApiName | 'smtp', number>;
  try {
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
    `payment   ${urls.payment}   Stripe-compatible: new Stripe('sk_test_…', { host: '127.0.0.1', port: ${ports.payment}, protocol: 'http' })`,
    `smtp      ${urls.smtp}   nodemailer.createTransport({ host: '127.0.0.1', port: ${ports.smtp}, secure: false })`,
    `mailbox   ${urls.mailbox}   GET /v1/mailboxes/{address}/messages?folder=inbox|spam`,
    `licensing ${urls.licensing}   POST /v1/keys, POST /v1/keys/{key}/activations, GET /v1/downloads/{key}`,
    `support   ${urls.support}   GET /v1/channels, POST /v1/contacts`,
    `control   ${urls.control}   POST /v1/faults, POST /v1/clock, POST /v1/reset, GET /v1/trace`,
  ];
}
