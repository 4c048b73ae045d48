/**
 * The reports' vocabulary: the catalogue's words (a report input, engine/reportCatalogue.ts) with
 * the recovery actions these results name. The HTML page gets this object embedded beside the
 * results, so it never keeps a copy of its own.
 */

import type { Catalogue, ResultsFile } from '../core/contract.ts';
import type { Vocabulary } from './vocabulary.ts';

export function catalogueVocabulary(results: ResultsFile, catalogue: Catalogue): Vocabulary {
  const actions: Record<string, string> = {};
  for (const scenario of results.scenarios)
    for (const run of scenario.runs) {
      for (const id of run.path) actions[id] ??= catalogue.actionLabel(id);
      for (const tried of run.search?.tried ?? [])
        for (const id of tried.path) actions[id] ??= catalogue.actionLabel(id);
    }
  return {
    findings: { ...catalogue.findings },
    actions,
    faults: { ...catalogue.faults },
    terms: { ...catalogue.terms },
  };
}
