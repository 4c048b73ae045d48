/**
 * Choosing runs without running them: `--list` prints the planned runs, `--last-failed` reads the
 * previous results.json and selects the runs that missed their expectation there.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultsFile } from '../core/contract.ts';
import { planRuns, runName, type SuiteOptions } from '../engine/runner.ts';
import { plural } from '../report/format.ts';
import type { AnyLoadedScenario } from '../scenario/load.ts';

type Selection = Pick<SuiteOptions, 'grep' | 'grepInvert' | 'only' | 'shard'>;

/** `--list`: one line per planned run (its name, as --grep and the replay commands know it), then a count. */
export function listRuns(scenarios: readonly AnyLoadedScenario[], selection: Selection): string {
  const lines: string[] = [];
  let used = 0;
  for (const loaded of scenarios) {
    const runs = planRuns(loaded, selection);
    if (runs.length > 0) used++;
    for (const run of runs) lines.push(`${run.name}  (${loaded.file})`);
  }
  lines.push(`${plural(lines.length, 'run')} in ${plural(used, 'scenario')}; nothing was run.`);
  return `${lines.join('\n')}\n`;
}

/** Bad --last-failed input: a usage error (exit 2). */
export class LastFailedError extends Error {}

/**
 * The names of the runs that missed their expectation in `reportDir`/results.json. `read` parses
 * the file (json.ts's readResults, which checks the contract).
 */
export function lastFailedRuns(reportDir: string, read: (file: string) => ResultsFile): string[] {
  const file = join(reportDir, 'results.json');
  if (!existsSync(file)) {
    throw new LastFailedError(
      `--last-failed: no ${file} from an earlier run (run once without it, with the json reporter, or name the folder with --report).`,
    );
  }
  let results: ResultsFile;
  try {
    results = read(file);
  } catch (error) {
    throw new LastFailedError(`--last-failed: ${(error as Error).message}`);
  }
  return results.scenarios.flatMap((s) =>
    s.runs.filter((r) => !r.pass).map((r) => runName(s.id, r.faults, r.persona.index)),
  );
}
