/** The licensing service's faults, in catalogue order: one line per fault. */
import type { FaultDefinition } from '../../../core/fault.ts';
import { licenceServerDown } from './serverDown.ts';

export const faults: readonly FaultDefinition[] = [licenceServerDown];
