/**
 * `deadend run --workers N`: the planned runs spread over N worker threads (node:worker_threads).
 *
 * Every worker loads the scenario files itself (it is given the paths and the options, never
 * objects), plans the runs exactly as the main thread did, and then runs the ones it is handed:
 * the main thread keeps a queue and gives each idle worker the next few runs, so a slow journey
 * does not hold the others up. Workers post their RunResults back; the main thread puts each in
 * its place and builds the results file as `runSuite` does (same scenario entries, same canonical
 * order, same summary), so the bytes of results.json do not depend on the number of workers or on
 * which worker ran what.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Fix, ResultsFile, RunResult, ScenarioResult } from '../core/contract.ts';
import type { Shard } from '../core/merge.ts';
import { siblingModule } from '../core/modulePath.ts';
import { prunesSupersets } from '../scenario/faultSpace.ts';
import type { AnyLoadedScenario } from '../scenario/load.ts';
import { isOpenLoaded } from './open/plan.ts';
import { planRuns, runSuite, type SuiteOptions, scenarioEntry, suiteResults } from './runner.ts';
import { rememberReads } from './settingReads.ts';
import type { TargetSpec } from './target.ts';
import { suggestFixes, type WhatIfOptions } from './whatIf.ts';
import { whatIfOnWorkers } from './whatIfParallel.ts';

/** What a worker is started with (its `workerData`): plain data only. */
export interface WorkerSetup {
  /** The scenario paths the main thread loaded (files or folders, as given on the command line). */
  paths: string[];
  merchantsDir?: string;
  calendarsDir?: string;
  seed: number;
  grep?: string;
  grepInvert?: string;
  only?: readonly string[];
  shard?: Shard;
  /** The scenarios that have runs, by index in the main thread's list: file and id to find them by. */
  scenarios: { file: string; id: string; runs: number }[];
  /** On a real target, each worker starts its own (sandbox, shop, customer) from this spec. */
  target?: TargetSpec;
  /** The config file whose plugins the open scenarios were loaded with (PluginSet.file). */
  pluginsFile?: string;
}

/** Main thread → worker: run these (scenario index, run index) pairs. */
export interface RunBatch {
  type: 'run';
  tasks: [scenario: number, run: number][];
}

/** Worker → main thread. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'result'; scenario: number; run: number; result: RunResult; reads?: string[] }
  | { type: 'idle' }
  | { type: 'error'; message: string; stack?: string };

export interface ParallelOptions extends SuiteOptions {
  /** Worker threads; 1 runs in-process; undefined: `autoWorkers`. */
  workers?: number;
  /** The paths the scenarios were loaded from, for the workers to load them again. */
  paths: readonly string[];
  merchantsDir?: string;
  /** A real target for the workers to start one each of (with one thread, pass `connect` instead). */
  targetSpec?: TargetSpec;
  /** Also the what-if over the dead ends (results' `fixes`), on the same threads as the runs. */
  whatIf?: Pick<WhatIfOptions, 'top'>;
}

/**
 * A worker costs about 0.7 s to start (it loads the engine and the scenarios); a sim run takes
 * milliseconds. Without `--workers`, a worker is started only for every this many runs.
 */
export const RUNS_PER_AUTO_WORKER = 200;

/**
 * The `--workers` default: one per core the process may use, but no more than one per
 * `RUNS_PER_AUTO_WORKER` runs, so that a small suite runs in-process instead of waiting for
 * threads to start.
 */
export function autoWorkers(runs: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(runs / RUNS_PER_AUTO_WORKER)));
}

/** The config file of the open scenarios' plugins, for the workers to load them from. */
function pluginsFileOf(scenarios: readonly AnyLoadedScenario[]): { pluginsFile?: string } {
  for (const s of scenarios) if (isOpenLoaded(s) && s.plugins?.file) return { pluginsFile: s.plugins.file };
  return {};
}

/** Runs handed to a worker at a time: small enough to balance, large enough to keep messages few. */
const BATCH = 4;

/**
 * Runs the suite on `opts.workers` threads (never more threads than runs); with one, in-process
 * through `runSuite`. The results are the same bytes either way.
 */
export async function runSuiteParallel(
  scenarios: readonly AnyLoadedScenario[],
  opts: ParallelOptions,
): Promise<ResultsFile> {
  const planned = scenarios.map((loaded) => planRuns(loaded, opts));
  const tasks: [number, number][] = [];
  planned.forEach((runs, s) => {
    runs.forEach((_run, r) => {
      tasks.push([s, r]);
    });
  });
  const threads = Math.min(opts.workers ?? autoWorkers(tasks.length), tasks.length);
  // Skipping supersets of dead ends needs each scenario's runs in order, in one thread.
  if (threads <= 1 || scenarios.some((s) => !isOpenLoaded(s) && prunesSupersets(s.scenario.explore))) {
    const results = await runSuite(scenarios, opts);
    if (!opts.whatIf || !wantsWhatIf(results, opts.signal)) return results;
    return withFixes(results, suggestFixes(scenarios, results, { ...opts.whatIf, ...calendars(opts) }));
  }

  // Scenario entries are built from the main thread's own preparation (cheap: no run happens).
  const withRuns = planned.map((runs, s) => (runs.length > 0 ? s : -1)).filter((s) => s >= 0);
  const slots: (RunResult | undefined)[][] = planned.map((runs) => new Array(runs.length));
  const setup: WorkerSetup = {
    paths: [...opts.paths],
    ...(opts.merchantsDir ? { merchantsDir: opts.merchantsDir } : {}),
    ...(opts.calendarsDir ? { calendarsDir: opts.calendarsDir } : {}),
    seed: opts.seed,
    ...(opts.grep ? { grep: opts.grep } : {}),
    ...(opts.grepInvert ? { grepInvert: opts.grepInvert } : {}),
    ...(opts.only ? { only: opts.only } : {}),
    ...(opts.shard ? { shard: opts.shard } : {}),
    ...(opts.targetSpec ? { target: opts.targetSpec } : {}),
    ...pluginsFileOf(scenarios),
    scenarios: scenarios.map((loaded, s) => ({
      file: loaded.file,
      id: loaded.scenario.id,
      runs: planned[s]!.length,
    })),
  };

  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let done = 0;
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        reject(error);
      };
      const outstanding = new Map<Worker, number>();
      // Stopped: no new batch; the runs that finished are kept, the rest are not run.
      opts.signal?.addEventListener('abort', () => {
        if (settled) return;
        settled = true;
        resolve();
      });
      const feed = (worker: Worker) => {
        const batch = tasks.slice(next, next + BATCH);
        next += batch.length;
        // Kept up for the what-if, which follows.
        if (batch.length === 0 && opts.whatIf) return;
        outstanding.set(worker, batch.length);
        // An empty batch tells the worker there is nothing left: it closes its port and exits.
        worker.postMessage({ type: 'run', tasks: batch } satisfies RunBatch);
      };
      for (let i = 0; i < threads; i++) {
        const worker = new Worker(siblingModule('./worker.ts', import.meta.url), { workerData: setup });
        workers.push(worker);
        worker.on('message', (message: WorkerMessage) => {
          if (settled) return;
          if (message.type === 'ready' || message.type === 'idle') return feed(worker);
          if (message.type === 'error') {
            const error = new Error(`a worker failed: ${message.message}`);
            if (message.stack) error.stack = `${error.message}\n--- in the worker ---\n${message.stack}`;
            return fail(error);
          }
          const run = planned[message.scenario]?.[message.run];
          if (!run || slots[message.scenario]![message.run] !== undefined) {
            return fail(new Error(`a worker sent an unexpected result (${message.scenario}/${message.run})`));
          }
          slots[message.scenario]![message.run] = message.result;
          const loaded = scenarios[message.scenario]!;
          if (message.reads && !isOpenLoaded(loaded))
            rememberReads(loaded, opts.seed, run, new Set(message.reads));
          outstanding.set(worker, (outstanding.get(worker) ?? 0) - 1);
          done++;
          opts.onRun?.(run.name);
          if (done === tasks.length) {
            settled = true;
            resolve();
          }
        });
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (!settled && (code !== 0 || (outstanding.get(worker) ?? 0) > 0)) {
            fail(new Error(`a worker stopped (exit code ${code}) before its runs were done`));
          }
        });
      }
    });
    const results = suiteResultsOf(scenarios, withRuns, slots, opts);
    if (!opts.whatIf || !wantsWhatIf(results, opts.signal)) return results;
    const fixes = await whatIfOnWorkers(workers, scenarios, results, {
      ...opts.whatIf,
      ...calendars(opts),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    return fixes ? withFixes(results, fixes) : results;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function suiteResultsOf(
  scenarios: readonly AnyLoadedScenario[],
  withRuns: number[],
  slots: (RunResult | undefined)[][],
  opts: ParallelOptions,
): ResultsFile {
  const results: ScenarioResult[] = withRuns
    .map((s) =>
      scenarioEntry(
        scenarios[s]!,
        slots[s]!.filter((r) => r !== undefined),
        opts.calendarsDir,
      ),
    )
    .filter((s) => s.runs.length > 0);
  return suiteResults(results, opts);
}

/** A stopped suite is not worth the what-if's time; one without dead ends has nothing for it. */
const wantsWhatIf = (results: ResultsFile, signal?: AbortSignal) =>
  !signal?.aborted && results.summary.outcomes['dead-end'] > 0;

const calendars = (opts: ParallelOptions) => (opts.calendarsDir ? { calendarsDir: opts.calendarsDir } : {});

const withFixes = (results: ResultsFile, fixes: Fix[]): ResultsFile =>
  fixes.length > 0 ? { ...results, fixes } : results;
