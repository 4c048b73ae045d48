/** The page's data: the results, the vocabulary from the catalogues, and one entry per run. */

import type { ResultsFile, RunResult, ScenarioResult } from '../../core/contract.ts';
import { runLabels } from '../format.ts';
import { faultsName, findingName, OUTCOME_TEXT, readable, type Vocabulary } from '../vocabulary.ts';

export interface RunView {
  /** `run-<scenario>-<run>`: the anchor of the run, kept stable for links. */
  id: string;
  scenario: ScenarioResult;
  scenarioIndex: number;
  run: RunResult;
  /** The fault combination in words, plus the customer where several share it. */
  title: string;
  /** Lower-case text the search box looks in. */
  haystack: string;
}

export interface Page {
  data: ResultsFile;
  vocabulary: Vocabulary;
  runs: RunView[];
  byId: Map<string, RunView>;
  /** An engine sentence for readers: no internal ids, ids in words. */
  words(text: string): string;
}

export function readJson<T>(id: string): T {
  const node = document.getElementById(id);
  if (!node?.textContent) throw new Error(`report.html: the data element #${id} is missing`);
  return JSON.parse(node.textContent) as T;
}

export function buildPage(data: ResultsFile, vocabulary: Vocabulary): Page {
  const runs: RunView[] = [];
  data.scenarios.forEach((scenario, si) => {
    const labels = runLabels(scenario);
    scenario.runs.forEach((run, ri) => {
      const persona = labels[ri]?.includes(' · persona #') ? ` · customer #${run.persona.index}` : '';
      const title = faultsName(scenario, run.faults, vocabulary) + persona;
      runs.push({
        id: `run-${si}-${ri}`,
        scenario,
        scenarioIndex: si,
        run,
        title,
        haystack: [
          scenario.id,
          scenario.title,
          scenario.goal,
          scenario.merchant,
          run.faults.join(' + '),
          title,
          OUTCOME_TEXT[run.outcome].label,
          run.outcome,
          run.explanation,
          run.failure ?? '',
          ...(run.frontier ?? []),
          ...run.findings.map((f) => `${f.oracle} ${findingName(vocabulary, f.oracle)} ${f.message}`),
        ]
          .join('\n')
          .toLowerCase(),
      });
    });
  });
  return {
    data,
    vocabulary,
    runs,
    byId: new Map(runs.map((r) => [r.id, r])),
    words: (text) => readable(text, vocabulary),
  };
}
