/**
 * The sandbox services' wire APIs: one router per service, each over a WireContext (one world,
 * its clock and its trace), and the SMTP server of the mail service. How they are served, beside
 * the control API and the merchant's back office, is targets/sandbox's business.
 */
import type { Router } from '../core/wire.ts';
import { licensingRouter } from './licensing/api.ts';
import { mailboxRouter } from './mail/api.ts';
import { paymentRouter } from './payment/stripe/routes.ts';
import { supportRouter } from './support/api.ts';

export { type SmtpServed, serveSmtp } from './mail/smtp.ts';

/** Every service's HTTP API, by the name it is served under. */
export const SERVICE_ROUTERS = {
  payment: paymentRouter,
  mailbox: mailboxRouter,
  licensing: licensingRouter,
  support: supportRouter,
} as const satisfies Record<string, Router>;
