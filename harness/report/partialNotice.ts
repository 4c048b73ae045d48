/** The line every report of a stopped suite (results.json `partial`) opens with. */
import type { ResultsFile } from '../core/contract.ts';

export function partialNotice(results: Pick<ResultsFile, 'partial' | 'summary'>): string | undefined {
  const p = results.partial;
  if (!p) return undefined;
  const n = p.notRun.length;
  return (
    `Partial report: the suite was ${p.reason} after ${results.summary.runs} ${results.summary.runs === 1 ? 'run' : 'runs'}; ` +
    `${n} planned ${n === 1 ? 'run' : 'runs'} did not run and ${n === 1 ? 'is' : 'are'} not in this report ` +
    '(results.json lists them under partial.notRun).'
  );
}
