/**
 * The reporter interface: one lifecycle that every reporter of `deadend run` goes through — the
 * report files (json, md, junit, html), the progress bar, the streamed results.json writer, the
 * `github` annotations and a team's own modules (`--reporter ./my-reporter.ts`).
 *
 *   onBegin(suite)      once, before the first run: how many runs, seed, target, report folder
 *   onRun(run)          after each run, in the order they finish (any order across threads)
 *   onScenario(result)  after each scenario, with its runs (in the canonical order)
 *   onEnd(results)      once, with the whole results file as it counts (baseline applied); the
 *                       files it returns are written into the report folder, all or none
 *   onStop()            instead of onEnd, when the suite stopped on an error: drop what was begun
 *
 * Every hook is optional. Results reach user reporters with card numbers and licence keys masked,
 * as in every report. Hooks run on the main thread; they must not throw (a throw is a bug in the
 * reporter and ends the run with exit 3, naming it).
 */

import type { ResultsFile, ScenarioResult } from '../core/contract.ts';
import { maskResults } from '../core/contract.ts';
import type { Progress } from './console.ts';
import type { ReportFile } from './reporter.ts';
import { writeReportSet } from './reportSet.ts';

export type { ReportFile } from './reporter.ts';

export interface SuiteInfo {
  /** Runs planned (after --grep, --grep-invert, --last-failed and --shard). */
  total: number;
  seed: number;
  target: string;
  /** The folder reports are written to (--report). */
  reportDir: string;
}

export interface RunInfo {
  /** The run's name, as --grep and the replay commands know it: `scenario-id › faults › #persona`. */
  name: string;
  /** Runs finished so far, this one included. */
  finished: number;
  total: number;
}

export interface Reporter {
  /** Shown in messages about the reporter. */
  name: string;
  onBegin?(suite: SuiteInfo): void;
  onRun?(run: RunInfo): void;
  onScenario?(scenario: ScenarioResult): void;
  onEnd?(results: ResultsFile): ReportFile[] | undefined | void | Promise<ReportFile[] | undefined | void>;
  /** The suite stopped before its end (an error): drop what was begun, write nothing. */
  onStop?(): void;
}

/** A reporter module's default export: the reporter, or a function of its options that makes one. */
export type ReporterModule = Reporter | ((options: Record<string, unknown>) => Reporter);

/** A reporter failed inside a hook: a bug in it, reported with its name. */
export class ReporterError extends Error {}

/** The reporters of one suite, driven together; files they return are written to the report folder. */
export class ReporterSet {
  private finished = 0;
  private total = 0;
  readonly reporters: readonly Reporter[];
  private readonly reportDir: string;
  constructor(reporters: readonly Reporter[], reportDir: string) {
    this.reporters = reporters;
    this.reportDir = reportDir;
  }

  private each(hook: string, call: (r: Reporter) => void): void {
    for (const r of this.reporters) {
      try {
        call(r);
      } catch (error) {
        throw wrap(r, hook, error);
      }
    }
  }

  begin(suite: Omit<SuiteInfo, 'reportDir'>): void {
    this.total = suite.total;
    this.each('onBegin', (r) => r.onBegin?.({ ...suite, reportDir: this.reportDir }));
  }

  run(name: string): void {
    this.finished++;
    const info = { name, finished: this.finished, total: this.total };
    this.each('onRun', (r) => r.onRun?.(info));
  }

  scenario(result: ScenarioResult): void {
    if (!this.reporters.some((r) => r.onScenario)) return;
    const safe = maskResults(result);
    this.each('onScenario', (r) => r.onScenario?.(safe));
  }

  /** Calls every onEnd in order and writes the files returned; the paths written, in order. */
  async end(results: ResultsFile): Promise<string[]> {
    const files: ReportFile[] = [];
    const safe = maskResults(results);
    for (const r of this.reporters) {
      try {
        const returned = await r.onEnd?.(safe);
        if (returned) files.push(...returned);
      } catch (error) {
        throw wrap(r, 'onEnd', error);
      }
    }
    // All the files or none, never mixed with an older run's (reportSet.ts).
    return files.length > 0 ? writeReportSet(this.reportDir, files) : [];
  }

  /** The suite stopped before its end: each reporter drops what it began (a spool file). */
  stop(): void {
    for (const r of this.reporters) {
      try {
        r.onStop?.();
      } catch {
        // Already on the way out with the first error; this one would hide it.
      }
    }
  }
}

function wrap(r: Reporter, hook: string, error: unknown): ReporterError {
  const e = new ReporterError(
    `the reporter ${r.name} failed in ${hook}: ${(error as Error)?.message ?? error}`,
  );
  if (error instanceof Error && error.stack) e.stack = `${e.message}\n${error.stack}`;
  return e;
}

/** The progress bar (or the plain 10% lines in CI logs) as a reporter. */
export function progressReporter(progress: Progress): Reporter {
  return { name: 'progress', onRun: (run) => progress.tick(run.name) };
}
