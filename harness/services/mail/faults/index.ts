/** The mail service's faults, in catalogue order: one line per fault. */
import type { FaultDefinition } from '../../../core/fault.ts';
import { addressTypo } from './addressTypo.ts';
import { bounced } from './bounced.ts';
import { delayed } from './delayed.ts';
import { notifyDelayed } from './notifyDelayed.ts';
import { notifySuppressed } from './notifySuppressed.ts';
import { quarantined } from './quarantined.ts';
import { spamFoldered } from './spamFoldered.ts';

export const faults: readonly FaultDefinition[] = [
  spamFoldered,
  quarantined,
  delayed,
  bounced,
  addressTypo,
  notifySuppressed,
  notifyDelayed,
];
