import { z } from 'zod';
import { parseDuration } from '../clock/duration.ts';
import { elapsedDurationParam } from '../core/durationParam.ts';
import { defineFault } from '../core/fault.ts';
import { MAIL_KINDS } from '../core/vocabulary.ts';
import { HOPS } from './orders/orders.ts';

const channels = z.array(z.string()).optional().describe('Support channel ids (default: all).');

export const supportClosed = defineFault({
  id: 'support.closed',
  family: 'support',
  summary: 'Support is closed for a period (holidays, shutdown).',
  description:
    'Every listed support channel is closed during the fault window, on top of its normal hours. E-mails sent meanwhile wait for the reopening.',
  params: z.strictObject({ channels, reason: z.string().default('holiday shutdown') }),
  example: {
    fault: 'support.closed',
    window: { from: '2025-12-24T12:00', until: '2026-01-05T09:00' },
    params: { reason: 'Christmas holidays' },
  },
  hooks: {},
  needsWindow: true,
  closes: (p) => ({ channels: p.channels, reason: p.reason }),
});

export const supportUnderstaffed = defineFault({
  id: 'support.understaffed',
  family: 'support',
  summary: 'Support staff misunderstand the first contacts.',
  description:
    'Overloaded or untrained staff do not grasp the problem: the first N contacts about a problem end without a result and the customer must explain it again.',
  params: z.strictObject({ channels, misunderstandings: z.number().int().positive().default(2) }),
  example: { fault: 'support.understaffed', params: { misunderstandings: 2 } },
  hooks: {
    'support-contact': (p, o) =>
      (p.channels === undefined || p.channels.includes(o.channel)) && o.count <= p.misunderstandings
        ? { misunderstood: true }
        : undefined,
  },
});

const paymentFault = (
  id: 'avs-mismatch' | 'cvc-mismatch' | 'declined' | 'timeout',
  summary: string,
  description: string,
  message: string,
) =>
  defineFault({
    id: `payment.${id}`,
    family: 'payment',
    summary,
    description,
    params: z.strictObject({}),
    example: { fault: `payment.${id}` },
    hooks: { payment: () => ({ failure: id, message }) },
  });

export const avsMismatch = paymentFault(
  'avs-mismatch',
  'The card’s billing address does not match (AVS).',
  'The card issuer reports that the billing address differs from the one given. What happens next is the merchant’s policy (onPaymentMismatch).',
  'billing address does not match the card',
);
export const cvcMismatch = paymentFault(
  'cvc-mismatch',
  'The card security code check fails (CVC).',
  'The card issuer reports a wrong security code. What happens next is the merchant’s policy (onPaymentMismatch).',
  'card security code does not match',
);
export const declined = paymentFault(
  'declined',
  'The card is declined.',
  'The issuer declines the charge; the checkout shows an error and no order is placed.',
  'card declined',
);
export const paymentTimeout = paymentFault(
  'timeout',
  'The payment provider does not answer in time.',
  'The checkout times out; no order is placed and no money is taken.',
  'payment provider timed out',
);

export const lostInTransit = defineFault({
  id: 'order.lost-in-transit',
  family: 'order',
  summary: 'An order enters a hop between systems and never leaves it.',
  description:
    'The order is confirmed to the customer but is lost at the named hop (e.g. the warehouse queue): it is never fulfilled and the downstream systems never see it.',
  params: z.strictObject({ hop: z.enum(HOPS).describe('The hop the order is lost at.') }),
  example: { fault: 'order.lost-in-transit', params: { hop: 'warehouse' } },
  hooks: { 'order-hop': (p, o) => (o.hop === p.hop ? { lost: true } : undefined) },
});

export const silo = defineFault({
  id: 'systems.silo',
  family: 'systems',
  summary: 'Two systems stop sharing data.',
  description:
    'Orders recorded in one system are invisible to the other (a store system the phone line cannot see, a sales system the activation portal cannot see).',
  params: z.strictObject({ between: z.tuple([z.string(), z.string()]).describe('The two system ids.') }),
  example: { fault: 'systems.silo', params: { between: ['store-pos', 'training-portal'] } },
  hooks: {},
  silos: (p) => [p.between],
});

export const licenceServerDown = defineFault({
  id: 'licence.server-down',
  family: 'licence',
  summary: 'The licence server is down.',
  description: 'Downloads and activations fail during the window.',
  params: z.strictObject({}),
  example: { fault: 'licence.server-down', window: { from: '2025-12-24T17:00', until: '2025-12-26T09:00' } },
  hooks: { licensing: () => ({ down: true }) },
});

export const notifySuppressed = defineFault({
  id: 'notify.suppressed',
  family: 'notify',
  summary: 'A notification is never sent.',
  description:
    'The merchant’s notification job skips messages of this kind (a broken template, a disabled trigger).',
  params: z.strictObject({ kind: z.enum(MAIL_KINDS).optional() }),
  example: { fault: 'notify.suppressed', params: { kind: 'shipped' } },
  hooks: { notify: (p, o) => (p.kind === undefined || p.kind === o.kind ? { suppressed: true } : undefined) },
});

export const notifyDelayed = defineFault({
  id: 'notify.delayed',
  family: 'notify',
  summary: 'A notification is produced late (a batch job runs late).',
  description: 'The merchant produces the notification late, e.g. a statement run that slips by days.',
  params: z.strictObject({ kind: z.enum(MAIL_KINDS).optional(), by: elapsedDurationParam('P10D') }),
  example: { fault: 'notify.delayed', params: { kind: 'statement', by: 'P10D' } },
  hooks: {
    notify: (p, o) => {
      if (p.kind !== undefined && p.kind !== o.kind) return undefined;
      const d = parseDuration(p.by);
      return { delayMs: d.kind === 'elapsed' ? d.ms : 0 };
    },
  },
});

export const loginFailure = defineFault({
  id: 'auth.login-failure',
  family: 'site',
  summary: 'Customers cannot log in.',
  description:
    'The login page rejects valid credentials. scope "site" (a broken session store or security service): staff resets fail too until the window ends; scope "account" (this customer\'s login is broken): a staff reset-login fixes it.',
  params: z.strictObject({
    scope: z
      .enum(['site', 'account'])
      .default('site')
      .describe(
        'site: everyone’s login is broken, resets too; account: only this customer’s, a staff reset helps.',
      ),
  }),
  example: { fault: 'auth.login-failure', window: { from: '2026-03-02T08:00', until: '2026-03-04T17:00' } },
  hooks: {
    site: (p, o) =>
      o.page === 'login' || o.page === 'account' || (o.page === 'staff-reset' && p.scope === 'site')
        ? { fails: 'login' }
        : undefined,
  },
});

export const siteSlow = defineFault({
  id: 'site.slow',
  family: 'site',
  summary: 'The web site responds very slowly.',
  description:
    'Pages take the given time to respond; a customer whose page patience is shorter abandons the attempt (checkout, login).',
  params: z.strictObject({ latencySeconds: z.number().positive().default(90) }),
  example: { fault: 'site.slow', params: { latencySeconds: 120 } },
  hooks: { site: (p) => ({ latencyMs: p.latencySeconds * 1000 }) },
});
