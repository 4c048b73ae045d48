/**
 * Ctrl-C and SIGTERM during `run`: the first one stops the suite — no new run starts, the runs
 * under way finish — and the report set is written with what finished, marked partial, naming
 * the runs that did not run. A second one ends the process at once. The exit code is the
 * shell's for the signal: 130 (SIGINT), 143 (SIGTERM).
 */
import type { PartialResults, ResultsFile } from '../core/contract.ts';
import { planRuns, runName, type SuiteOptions } from '../engine/runner.ts';
import type { AnyLoadedScenario } from '../scenario/load.ts';

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type Signal = keyof typeof EXIT_CODES;

export interface Interrupts {
  /** Aborted on the first signal; give it to the suite. */
  signal: AbortSignal;
  /** The signal received, if any. */
  received(): Signal | undefined;
  /** The exit code for the signal received, if any. */
  exitCode(): number | undefined;
  /** Removes the handlers: the default behaviour (ending the process) is back. */
  dispose(): void;
}

export function watchInterrupts(stderr: { write(s: string): unknown }): Interrupts {
  const controller = new AbortController();
  let received: Signal | undefined;
  const on = (signal: Signal) => () => {
    if (received) process.exit(EXIT_CODES[received]);
    received = signal;
    stderr.write(
      `\ndeadend: ${signal}: stopping — the runs under way finish, then a partial report is written. ${signal === 'SIGINT' ? 'Ctrl-C' : 'Another signal'} again stops at once.\n`,
    );
    controller.abort();
  };
  const handlers = { SIGINT: on('SIGINT'), SIGTERM: on('SIGTERM') };
  process.on('SIGINT', handlers.SIGINT);
  process.on('SIGTERM', handlers.SIGTERM);
  return {
    signal: controller.signal,
    received: () => received,
    exitCode: () => (received ? EXIT_CODES[received] : undefined),
    dispose: () => {
      process.off('SIGINT', handlers.SIGINT);
      process.off('SIGTERM', handlers.SIGTERM);
    },
  };
}

/** What a stopped suite did not run: every planned run whose result is not in `results`. */
export function partialMark(
  scenarios: readonly AnyLoadedScenario[],
  opts: Pick<SuiteOptions, 'grep' | 'shard'>,
  results: Pick<ResultsFile, 'scenarios'>,
  signal: string,
): PartialResults {
  const finished = new Set(
    results.scenarios.flatMap((s) => s.runs.map((r) => runName(s.id, r.faults, r.persona.index))),
  );
  const notRun = scenarios
    .flatMap((loaded) => planRuns(loaded, opts).map((r) => r.name))
    .filter((n) => !finished.has(n));
  return { reason: `interrupted (${signal})`, notRun: notRun.sort() };
}
