/** The end of `run` and `merge-reports` on the terminal (harness/report/terminal.ts renders it). */
import type { ResultsFile } from '../core/contract.ts';
import { outcomeReport } from '../report/terminal.ts';
import { EXIT, type IO, useColor } from './io.ts';

/** The end of `run` and `merge-reports`: the outcome, missed expectations, reports and summary; the exit code. */
export async function printOutcome(
  io: IO,
  results: ResultsFile,
  o: { quiet?: boolean; report: string; written: string[]; baseline: string; streamed?: boolean },
): Promise<number> {
  const { summaryLine } = await import('../report/console.ts');
  io.stdout.write(
    outcomeReport(results, {
      quiet: o.quiet,
      reportDir: o.report,
      written: o.written,
      baseline: o.baseline,
      streamed: o.streamed,
      summaryLine: summaryLine(results.summary, { color: useColor(io.stdout) }),
    }),
  );
  return results.summary.failed > 0 ? EXIT.failed : EXIT.ok;
}
