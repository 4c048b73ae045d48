/** What must come out the same on every target: per run, the outcome, the findings and the recovery path. */
import type { ResultsFile } from '../../core/contract.ts';

export function outcomeShape(f: ResultsFile): string[] {
  return f.scenarios.flatMap((s) =>
    s.runs.map(
      (x) =>
        `${s.id} [${x.faults.join('+')}] ${x.outcome} ${x.findings.map((y) => y.oracle).join(',')} ${x.path.join('→')}`,
    ),
  );
}
