/** The support service's faults, in catalogue order: one line per fault. */
import type { FaultDefinition } from '../../../core/fault.ts';
import { supportClosed } from './closed.ts';
import { supportUnderstaffed } from './understaffed.ts';

export const faults: readonly FaultDefinition[] = [supportClosed, supportUnderstaffed];
