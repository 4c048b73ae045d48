/**
 * The what-if on the suite's worker threads (`deadend run --workers N`): the workers that ran
 * the main pass stay up and search the what-if's pairs (one dead end under one change) handed
 * out a few at a time; the ranking stays in the main thread and takes their outcomes in whatever
 * order they come, so the fixes are the bytes of one thread's what-if. The workers sent each dead
 * end's setting reads back with its result, so nothing is searched twice to plan the pairs.
 */
import type { Worker } from 'node:worker_threads';
import type { Fix, Outcome, ResultsFile } from '../core/contract.ts';
import type { AnyLoadedScenario } from '../scenario/load.ts';
import { planWhatIf, type WhatIfOptions } from './whatIf.ts';
import { FixRanking, type WhatIfPair } from './whatIfRanking.ts';

/** Main thread → worker: search these dead ends (scenario by index in the suite) under these changes. */
export interface WhatIfBatch {
  type: 'whatif';
  tasks: { id: number; scenario: number; faults: string[]; persona: number; change: string }[];
}

/** Worker → main thread, one per task. */
export interface WhatIfOutcome {
  type: 'outcome';
  id: number;
  outcome: Outcome;
}

/** Few at a time: a settled change's pairs still queued are skipped, not searched. */
const BATCH = 2;

/**
 * Runs the what-if on `workers` (each already set up for `scenarios`, idle). Resolves with the
 * fixes, or undefined when `signal` stops it first.
 */
export async function whatIfOnWorkers(
  workers: readonly Worker[],
  scenarios: readonly AnyLoadedScenario[],
  results: ResultsFile,
  opts: WhatIfOptions & { signal?: AbortSignal },
): Promise<Fix[] | undefined> {
  // Seed and open scenarios alike: indices are those of the workers' full list.
  const jobs = planWhatIf(scenarios, results, opts.calendarsDir);
  const ranking = new FixRanking(jobs, opts.top);
  const inFlight = new Map<number, WhatIfPair>();
  let nextId = 0;
  const listeners = new Map<Worker, (message: WhatIfOutcome | { type: string }) => void>();
  try {
    return await new Promise<Fix[] | undefined>((resolve, reject) => {
      let stopped = false;
      const finish = () => {
        if (!stopped && inFlight.size === 0) {
          stopped = true;
          resolve(ranking.fixes());
        }
      };
      opts.signal?.addEventListener('abort', () => {
        if (stopped) return;
        stopped = true;
        resolve(undefined);
      });
      const feed = (worker: Worker) => {
        if (stopped) return;
        const tasks: WhatIfBatch['tasks'] = [];
        for (let pair = ranking.next(); pair; pair = ranking.next()) {
          const job = jobs[pair.job]!;
          const run = job.deadEnds[pair.deadEnd]!;
          const id = nextId++;
          inFlight.set(id, pair);
          tasks.push({
            id,
            scenario: scenarios.indexOf(job.loaded),
            faults: run.faults,
            persona: run.persona.index,
            change: pair.change,
          });
          if (tasks.length >= BATCH) break;
        }
        if (tasks.length > 0) worker.postMessage({ type: 'whatif', tasks } satisfies WhatIfBatch);
        else finish();
      };
      for (const worker of workers) {
        // A worker says 'idle' after each batch (its outcomes came before): it gets the next one.
        const listener = (message: WhatIfOutcome | { type: string }) => {
          if (stopped) return;
          if (message.type === 'error') {
            stopped = true;
            const m = message as unknown as { message: string; stack?: string };
            const error = new Error(`a worker failed in the what-if: ${m.message}`);
            if (m.stack) error.stack = `${error.message}\n--- in the worker ---\n${m.stack}`;
            return reject(error);
          }
          if (message.type === 'outcome') {
            const { id, outcome } = message as WhatIfOutcome;
            const pair = inFlight.get(id);
            if (!pair) return reject(new Error(`a worker sent an unexpected what-if outcome (${id})`));
            inFlight.delete(id);
            ranking.record(pair, outcome);
          }
          if (message.type === 'idle') feed(worker);
        };
        listeners.set(worker, listener);
        worker.on('message', listener);
        worker.once('exit', (code) => {
          if (stopped) return;
          stopped = true;
          reject(new Error(`a worker stopped (exit code ${code}) during the what-if`));
        });
        feed(worker);
      }
      finish();
    });
  } finally {
    for (const [worker, listener] of listeners) worker.off('message', listener);
  }
}
