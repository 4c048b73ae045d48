/** The orders service's faults, in catalogue order: one line per fault. */
import type { FaultDefinition } from '../../../core/fault.ts';
import { lostInTransit } from './lostInTransit.ts';

export const faults: readonly FaultDefinition[] = [lostInTransit];
