/**
 * The analyses of many journeys over worker threads. A journey is never split: each worker
 * computes whole journeys, and the file is sorted by journey, so the bytes do not depend on
 * the number of workers.
 */

import { Worker } from 'node:worker_threads';
import type { JourneyEntry } from '../../core/contract.ts';
import type { LoadedScenario } from '../../scenario/load.ts';
import { type JourneyJob, journeyEntry } from './runAnalysis.ts';

export interface AnalysisWorkerSetup {
  paths: string[];
  merchantsDir?: string;
  journeys: { file: string; id: string }[];
  job: JourneyJob;
}

export async function analyseJourneys(
  journeys: readonly LoadedScenario[],
  job: JourneyJob,
  opts: {
    workers: number;
    paths: readonly string[];
    merchantsDir?: string;
    onJourney?: (id: string) => void;
  },
): Promise<JourneyEntry[]> {
  const threads = Math.min(opts.workers, journeys.length);
  if (threads <= 1) {
    return journeys.map((l) => {
      const e = journeyEntry(l, job);
      opts.onJourney?.(l.scenario.id);
      return e;
    });
  }
  const setup: AnalysisWorkerSetup = {
    paths: [...opts.paths],
    ...(opts.merchantsDir ? { merchantsDir: opts.merchantsDir } : {}),
    journeys: journeys.map((l) => ({ file: l.file, id: l.scenario.id })),
    job,
  };
  const out: JourneyEntry[] = new Array(journeys.length);
  let next = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: threads }, () => {
        const w = new Worker(new URL('./analysisWorker.ts', import.meta.url), { workerData: setup });
        workers.push(w);
        return new Promise<void>((resolve, reject) => {
          const give = () => w.postMessage(next < journeys.length ? next++ : null);
          w.on('message', (m: { ready?: true; index?: number; entry?: JourneyEntry; error?: string }) => {
            if (m.error) return reject(new Error(`analysis worker: ${m.error}`));
            if (m.entry && m.index !== undefined) {
              out[m.index] = m.entry;
              opts.onJourney?.(m.entry.id);
            }
            give();
          });
          w.on('error', reject);
          w.on('exit', () => resolve());
        });
      }),
    );
  } finally {
    for (const w of workers) void w.terminate();
  }
  return out;
}
