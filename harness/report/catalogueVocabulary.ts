/**
 * The reports' vocabulary from the engine's catalogues (Node side): finding names from the oracle
 * catalogue, recovery actions from the customer's repertoire, mail kinds from the merchant profile.
 * The HTML page gets this object embedded beside the results, so it never keeps a copy of its own.
 */

import type { ResultsFile } from '../core/contract.ts';
import { actionLabel } from '../customer/recovery.ts';
import { MAIL_KINDS } from '../merchant/profile.ts';
import { oracleCatalogue } from '../oracles/catalogue.ts';
import { faultCatalogue } from '../services/index.ts';
import type { Vocabulary } from './vocabulary.ts';

export function catalogueVocabulary(results: ResultsFile): Vocabulary {
  const findings: Record<string, string> = {};
  for (const [id, oracle] of oracleCatalogue) findings[id] = oracle.summary.replace(/\.$/, '');
  const actions: Record<string, string> = {};
  const terms: Record<string, string> = {};
  const faults: Record<string, string> = {};
  for (const [id, fault] of faultCatalogue) faults[id] = fault.summary.replace(/\.$/, '');
  for (const kind of MAIL_KINDS) terms[kind] = kind.replace(/-/g, ' ');
  for (const scenario of results.scenarios)
    for (const run of scenario.runs) {
      for (const id of run.path) actions[id] ??= actionLabel(id);
      for (const tried of run.search?.tried ?? [])
        for (const id of tried.path) actions[id] ??= actionLabel(id);
    }
  return { findings, actions, faults, terms };
}
