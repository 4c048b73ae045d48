/**
 * A worker thread of `deadend run --workers N` (started by parallel.ts). It loads the scenario
 * files itself from the paths it is given, plans the runs as the main thread did, then runs the
 * batches it is sent and posts each RunResult back. An empty batch means there is nothing left.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type AnyLoadedScenario, loadScenarios } from '../scenario/load.ts';
import { faultCatalogue } from '../services/index.ts';
import { loadPluginSet } from '../vocabulary/plugins/index.ts';
import { isOpenLoaded } from './open/plan.ts';
import { type PreparedOpen, prepareOpen, runOpenOne } from './open/runOpen.ts';
import type { RunBatch, WorkerMessage, WorkerSetup } from './parallel.ts';
import { type PlannedRun, type PreparedScenario, planRuns, prepare, runOne } from './runner.ts';
import { recordSearch } from './searchRecord.ts';
import { recalledReads } from './settingReads.ts';
import { startTargetOf } from './target.ts';
import { CandidateSearch } from './whatIf.ts';
import type { WhatIfBatch, WhatIfOutcome } from './whatIfParallel.ts';

const port = parentPort;
if (!port) throw new Error('harness/engine/worker.ts runs only as a worker thread (deadend run --workers N)');

const post = (message: WorkerMessage | WhatIfOutcome) => port.postMessage(message);

function errorMessage(error: unknown): WorkerMessage {
  const e = error instanceof Error ? error : new Error(String(error));
  return { type: 'error', message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
}

async function setUp(setup: WorkerSetup) {
  const loaded = await loadScenarios(setup.paths, {
    ...(setup.merchantsDir ? { merchantsDir: setup.merchantsDir } : {}),
    ...(setup.calendarsDir ? { calendarsDir: setup.calendarsDir } : {}),
    faults: faultCatalogue,
    ...(setup.pluginsFile ? { plugins: await loadPluginSet(setup.pluginsFile) } : {}),
  });
  if (loaded.errors.length > 0) {
    throw new Error(
      `the scenario files changed while running: ${loaded.errors.map((e) => `${e.file}:${e.line}:${e.col}: ${e.message}`).join('; ')}`,
    );
  }
  const byKey = new Map(loaded.all.map((s) => [`${s.file}\u0000${s.scenario.id}`, s]));
  const plans: {
    loaded: AnyLoadedScenario;
    runs: PlannedRun[];
    prep?: PreparedScenario | PreparedOpen;
    load: () => PreparedScenario | PreparedOpen;
  }[] = [];
  for (const wanted of setup.scenarios) {
    const found = byKey.get(`${wanted.file}\u0000${wanted.id}`);
    if (!found) throw new Error(`scenario ${wanted.id} (${wanted.file}) is not in ${setup.paths.join(', ')}`);
    const runs = planRuns(found, setup);
    if (runs.length !== wanted.runs) {
      throw new Error(
        `scenario ${wanted.id} plans ${runs.length} runs here, ${wanted.runs} in the main thread`,
      );
    }
    const plan: (typeof plans)[number] = {
      loaded: found,
      runs,
      load: () => {
        plan.prep ??= isOpenLoaded(found)
          ? prepareOpen(found, setup.calendarsDir)
          : prepare(found, setup.calendarsDir);
        return plan.prep;
      },
    };
    plans.push(plan);
  }
  return plans;
}

const setup = workerData as WorkerSetup;
try {
  const plans = await setUp(setup);
  // On a real target this worker has its own sandbox, shop and customer (a browser context).
  const target = setup.target ? await startTargetOf(setup.target) : undefined;
  const whatIf = new CandidateSearch(setup.seed, setup.calendarsDir);
  port.on('message', (batch: RunBatch | WhatIfBatch) => {
    if (batch.type === 'whatif') {
      try {
        for (const t of batch.tasks) {
          const loaded = plans[t.scenario]!.loaded;
          const outcome = whatIf.outcome(loaded, t.change, t.faults, t.persona);
          post({ type: 'outcome', id: t.id, outcome } satisfies WhatIfOutcome);
        }
        post({ type: 'idle' });
      } catch (error) {
        post(errorMessage(error));
      }
      return;
    }
    if (batch.tasks.length === 0) {
      target?.close();
      port.close();
      return;
    }
    try {
      for (const [s, r] of batch.tasks) {
        const plan = plans[s]!;
        const loaded = plan.loaded;
        const prep = plan.load();
        const result =
          'goal' in prep
            ? runOpenOne(prep, plan.runs[r]!, setup.seed, target, recordSearch()).result
            : runOne(prep, plan.runs[r]!, setup.seed, target).result;
        // A dead end's setting reads go back with it, for the what-if to plan from.
        const reads =
          result.outcome === 'dead-end' && !isOpenLoaded(loaded)
            ? recalledReads(loaded, setup.seed, plan.runs[r]!)
            : undefined;
        post({ type: 'result', scenario: s, run: r, result, ...(reads ? { reads: [...reads] } : {}) });
      }
      post({ type: 'idle' });
    } catch (error) {
      post(errorMessage(error));
    }
  });
  post({ type: 'ready' });
} catch (error) {
  post(errorMessage(error));
}
