/** The fault catalogue: every fault a scenario can name. Docs are generated from it. */
import type { FaultDefinition } from '../core/fault.ts';
import { addressTypo, bounced, delayed, quarantined, spamFoldered } from './mail/faults.ts';
import {
  avsMismatch,
  cvcMismatch,
  declined,
  licenceServerDown,
  loginFailure,
  lostInTransit,
  notifyDelayed,
  notifySuppressed,
  paymentTimeout,
  silo,
  siteSlow,
  supportClosed,
  supportUnderstaffed,
} from './serviceFaults.ts';

const all: FaultDefinition[] = [
  spamFoldered,
  quarantined,
  delayed,
  bounced,
  addressTypo,
  supportClosed,
  supportUnderstaffed,
  avsMismatch,
  cvcMismatch,
  declined,
  paymentTimeout,
  lostInTransit,
  silo,
  licenceServerDown,
  notifySuppressed,
  notifyDelayed,
  loginFailure,
  siteSlow,
];

export const faultCatalogue: ReadonlyMap<string, FaultDefinition> = new Map(all.map((f) => [f.id, f]));
export const FAULT_IDS = all.map((f) => f.id);

/** What the reference shop needs of the services: the shape of a mail it sends, Stripe's amounts. */
export type { OutgoingMail } from './mail/mailbox.ts';
export { toMinor } from './payment/stripe/billing.ts';
