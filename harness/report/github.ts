/**
 * The `github` reporter: one GitHub Actions workflow command per missed expectation,
 * `::error file=…,line=…,col=…,title=…::…`, pointing at the scenario file's `expect` entry that
 * the run was held to, so the pull request shows it on that line. On by default when
 * GITHUB_ACTIONS=true (as in Playwright Test); the job summary comes from summary.md (md).
 */
import type { ResultsFile, RunResult } from '../core/contract.ts';
import { faultsLabel, OUTCOME_LABEL } from './format.ts';
import type { Reporter } from './lifecycle.ts';

/** Workflow-command escaping: the message and property values cannot hold raw newlines, `%`, `:` or `,`. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Where the `expect` entry that held a run to its outcome is in the scenario file, if it can tell. */
export type ExpectLocator = (file: string, faults: readonly string[]) => Position | undefined;

export interface Position {
  line: number;
  col: number;
}

function annotation(file: string, scenario: string, run: RunResult, at: Position | undefined): string {
  const where = at ? `,line=${at.line},col=${at.col}` : '';
  const title = `deadend: ${scenario} — ${faultsLabel(run.faults)}`;
  const lines = [
    `expected ${OUTCOME_LABEL[run.expected.outcome]}, got ${OUTCOME_LABEL[run.outcome]}`,
    ...(run.failure ? [`why: ${run.failure}`] : []),
    `what happened: ${run.explanation}`,
    `replay: ${run.replay}`,
  ];
  return `::error file=${escapeProperty(file)}${where},title=${escapeProperty(title)}::${escapeData(lines.join('\n'))}`;
}

/** The annotations for every missed expectation of `results`, one line each. */
export function githubAnnotations(results: ResultsFile, expectAt: ExpectLocator): string[] {
  const out: string[] = [];
  const positions = new Map<string, Position | undefined>();
  for (const scenario of results.scenarios) {
    for (const run of scenario.runs) {
      if (run.pass) continue;
      const key = `${scenario.file}\u0000${run.faults.join('+')}`;
      if (!positions.has(key)) positions.set(key, expectAt(scenario.file, run.faults));
      out.push(annotation(scenario.file, scenario.id, run, positions.get(key)));
    }
  }
  return out;
}

export function githubReporter(stream: { write(text: string): unknown }, expectAt: ExpectLocator): Reporter {
  return {
    name: 'github',
    onEnd(results) {
      for (const line of githubAnnotations(results, expectAt)) stream.write(`${line}\n`);
    },
  };
}
