/**
 * A worker thread of `deadend analyze --workers N`: loads the scenario files itself, then
 * computes each journey it is sent (by index) and posts the entry back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadScenarios } from '../../scenario/load.ts';
import { faultCatalogue } from '../../services/index.ts';
import type { AnalysisWorkerSetup } from './parallelAnalysis.ts';
import { journeyEntry } from './runAnalysis.ts';

const port = parentPort;
if (!port) throw new Error('analysisWorker.ts runs only as a worker thread (deadend analyze --workers N)');
const setup = workerData as AnalysisWorkerSetup;
const loaded = await loadScenarios(setup.paths, {
  ...(setup.merchantsDir ? { merchantsDir: setup.merchantsDir } : {}),
  ...(setup.job.calendarsDir ? { calendarsDir: setup.job.calendarsDir } : {}),
  faults: faultCatalogue,
});
const byKey = new Map(loaded.scenarios.map((s) => [`${s.file}\u0000${s.scenario.id}`, s]));
port.on('message', (index: number | null) => {
  if (index === null) {
    port.close();
    return;
  }
  try {
    const wanted = setup.journeys[index]!;
    const l = byKey.get(`${wanted.file}\u0000${wanted.id}`);
    if (!l) throw new Error(`scenario ${wanted.id} (${wanted.file}) changed while analysing`);
    port.postMessage({ index, entry: journeyEntry(l, setup.job) });
  } catch (e) {
    const err = e as Error;
    port.postMessage({ index, error: err.stack ?? String(err) });
  }
});
port.postMessage({ ready: true });
