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

// The services' public functions, for the layers above (the merchant's staff remedies so far).
export { createOrder } from './orders/orders.ts';
export { authorise, refund } from './payment/charges.ts';
