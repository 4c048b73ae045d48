/** The site service's faults, in catalogue order: one line per fault. */
import type { FaultDefinition } from '../../../core/fault.ts';
import { loginFailure } from './loginFailure.ts';
import { silo } from './silo.ts';
import { siteSlow } from './slow.ts';

export const faults: readonly FaultDefinition[] = [silo, loginFailure, siteSlow];
