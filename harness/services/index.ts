/**
 * The list of sandbox services. Each service folder lists its own faults
 * (`<service>/faults/index.ts`); the fault catalogue — every fault a scenario can name, in this
 * order — is assembled here. Docs are generated from it.
 */
import type { FaultDefinition } from '../core/fault.ts';
import { faults as licensing } from './licensing/faults/index.ts';
import { faults as mail } from './mail/faults/index.ts';
import { faults as orders } from './orders/faults/index.ts';
import { faults as payment } from './payment/faults/index.ts';
import { faults as site } from './site/faults/index.ts';
import { faults as support } from './support/faults/index.ts';

export const SERVICES: readonly { name: string; faults: readonly FaultDefinition[] }[] = [
  { name: 'mail', faults: mail },
  { name: 'support', faults: support },
  { name: 'payment', faults: payment },
  { name: 'orders', faults: orders },
  { name: 'licensing', faults: licensing },
  { name: 'site', faults: site },
];

const all = SERVICES.flatMap((s) => s.faults);

export const faultCatalogue: ReadonlyMap<string, FaultDefinition> = new Map(all.map((f) => [f.id, f]));
export const FAULT_IDS = all.map((f) => f.id);

// The services' public functions: the only door to a service for the layers above (merchant,
// customer, engine, targets, the reference shop, bench).
export { issueKey, licenceServerAnswers } from './licensing/licensing.ts';
export { summary as mailSummary } from './mail/api.ts';
export { deliverNotification, findMail, findMailFor, type OutgoingMail } from './mail/mailbox.ts';
export { createOrder, transfer } from './orders/orders.ts';
export { authorise, CARD_LAST4, type DeclineOn, refund } from './payment/charges.ts';
export { billingOf } from './payment/stripe/account.ts';
export { luhn } from './payment/stripe/cards.ts';
export { toMinor } from './payment/stripe/money.ts';
export { paymentRouter } from './payment/stripe/routes.ts';
export { channelName, contact, describeClosure } from './support/desk.ts';
