/** The payment service's faults, in catalogue order: one line per fault. */
import type { FaultDefinition } from '../../../core/fault.ts';
import { avsMismatch } from './avsMismatch.ts';
import { cvcMismatch } from './cvcMismatch.ts';
import { declined } from './declined.ts';
import { paymentTimeout } from './timeout.ts';

export const faults: readonly FaultDefinition[] = [avsMismatch, cvcMismatch, declined, paymentTimeout];
