/**
 * The generic faults over the declared vocabulary, one file each. LOADER parses an open
 * scenario's fault params with these definitions' `params` and checks the params listed in
 * `refs` against the profile (hooks.ts says how); `deadend faults` can list them beside the
 * core catalogue (they are core FaultDefinitions with empty core hooks).
 */
import { customerAway } from './customerAway.ts';
import type { VocabularyFaultDefinition } from './hooks.ts';
import { mailQuarantined } from './mailQuarantined.ts';
import { mailSpamFoldered } from './mailSpamFoldered.ts';
import { messageDelayed } from './messageDelayed.ts';
import { messageSuppressed } from './messageSuppressed.ts';
import { orderLostInTransit } from './orderLostInTransit.ts';
import { paymentTimeout } from './paymentTimeout.ts';
import { processDelayed } from './processDelayed.ts';
import { processFails } from './processFails.ts';
import { recordStale } from './recordStale.ts';
import { systemsSilo } from './systemsSilo.ts';

export type { VocabularyFaultDefinition, VocabularyHookPoints, VocabularyHookResults } from './hooks.ts';
export { defineVocabularyFault } from './hooks.ts';

export const vocabularyFaults: readonly VocabularyFaultDefinition[] = [
  recordStale,
  mailSpamFoldered,
  mailQuarantined,
  messageSuppressed,
  messageDelayed,
  processFails,
  processDelayed,
  paymentTimeout,
  orderLostInTransit,
  customerAway,
  systemsSilo,
];

/** The vocabulary fault of this id, if any. */
export function vocabularyFault(id: string): VocabularyFaultDefinition | undefined {
  return vocabularyFaults.find((f) => f.id === id);
}
