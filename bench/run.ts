/**
 * The deadend benchmark: `npm run bench` (or `npx node bench/run.ts`), `--write` to record the
 * results in bench/README.md. Everything is measured in one process, on one core, with
 * `performance.now()` (the benchmark reads real time; the simulated runs never do).
 *
 *  1. fault-free seed journeys: µs per run and runs/s (`runOne` on each seed's `[]` combination)
 *  2. explored states/s over the full fault space of every seed scenario
 *  3. wall time of the full seed suite (`runSuite` over scenarios/, exhaustive recovery search)
 *  4. runs/s on a generated 10,000-run suite (bench/generate.ts)
 *  5. peak memory at 2,500 / 5,000 / 10,000 runs, through `runSuite` (which keeps every result)
 *     and through a streaming loop that drops each result
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { SCHEMA_VERSION, type Summary } from '../harness/core/contract.ts';
import { deriveSeed, makePersona } from '../harness/customer/persona.ts';
import { exploreJourney } from '../harness/engine/journeySearch.ts';
import {
  buildEnv,
  initialWorld,
  type PlannedRun,
  planRuns,
  prepare,
  runOne,
  runSuite,
  streamSuite,
  VERSION,
} from '../harness/engine/runner.ts';
import { writeResultsStreaming } from '../harness/report/jsonStream.ts';
import { combinationKey } from '../harness/scenario/combinations.ts';
import { type LoadedScenario, loadScenarios } from '../harness/scenario/load.ts';
import { renderMarkdown, writeReadme } from './benchReport.ts';
import { generateSuite, runsOf } from './generate.ts';
import {
  measureStress,
  STRESS_SEED_ID,
  STRESS_SHAPES,
  type StressRow,
  type StressShape,
  shapeName,
} from './stress.ts';

export const TARGETS = {
  faultFreeUs: 100,
  statesPerSecond: 100_000,
  seedSuiteMs: 2_000,
  /**
   * "Flat": from the smallest to the largest suite, the heap a run still holds after a forced GC
   * grows by at most this many MB (without a GC to force: peak heap grows by at most ×1.25).
   */
  flatGrowthMB: 5,
  flatRatio: 1.25,
};

export interface BenchOptions {
  seed: number;
  scenariosDir: string;
  /** Suite sizes for the memory sweep; the largest is also the throughput measurement (4). */
  sizes: number[];
  /** Minimum measuring time per fault-free scenario and for the explored-states loop. */
  minMs: number;
  warmup: number;
  /** The stress rows to measure (default: all of STRESS_SHAPES). */
  stressShapes?: StressShape[];
  log?: (line: string) => void;
}

export const DEFAULTS: BenchOptions = {
  seed: 1,
  scenariosDir: 'scenarios',
  sizes: [2_500, 5_000, 10_000],
  minMs: 400,
  warmup: 300,
};

export interface FaultFree {
  id: string;
  iterations: number;
  /** Wall time. */
  usPerRun: number;
  /** CPU time of the process, all threads (V8 GC helpers too), so it can exceed the wall time. */
  cpuUsPerRun: number;
}

export interface MemoryPoint {
  runs: number;
  ms: number;
  cpuMs: number;
  /** Heap in use before the run, after a forced GC. */
  baseHeapMB: number;
  peakHeapMB: number;
  peakRssMB: number;
  /** Heap the run added that a forced GC at the end cannot free (its results); NaN without gc. */
  retainedMB: number;
}

export interface BenchResults {
  date: string;
  machine: string;
  commit: string;
  /** 1-minute load average before and after: above ~0.5 other work shared the cores. */
  load: [number, number];
  seedScenarios: number;
  seedRuns: number;
  loadMs: number;
  faultFree: FaultFree[];
  faultFreeRunsPerSecond: number;
  explore: {
    runs: number;
    states: number;
    ms: number;
    statesPerSecond: number;
    explorerOnlyPerSecond: number;
  };
  seedSuite: { coldMs: number; warmMs: number; runs: number; states: number };
  generated: { scenarios: number; runs: number; generateMs: number; ms: number; runsPerSecond: number };
  memory: { kept: MemoryPoint[]; streamed: MemoryPoint[]; gcAvailable: boolean };
  /** The stress suite (bench/stress.ts): seed 000's journey with 8–20 faults. */
  stress: StressRow[];
}

export const MB = 1024 * 1024;

/** A forced full GC, so that heap figures compare like with like (undefined when refused). */
function findGc(): (() => void) | undefined {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

class Peak {
  heap = 0;
  rss = 0;
  sample(): void {
    const m = process.memoryUsage();
    if (m.heapUsed > this.heap) this.heap = m.heapUsed;
    if (m.rss > this.rss) this.rss = m.rss;
  }
}

export const SAMPLE_EVERY = 25;

export function machine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim().replace(/\s+/g, ' ') ?? 'unknown CPU';
  return `${os.type()} ${os.release()} (${os.arch()}), ${model}, ${cpus.length} cores, ${Math.round(
    os.totalmem() / 1024 ** 3,
  )} GiB RAM, Node ${process.version}`;
}

/** The commit measured, and whether the engine had uncommitted changes. */
export function revision(): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const dirty = git('status', '--porcelain', '--untracked-files=no', '--', 'harness') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted engine changes' : ''}`;
  } catch {
    return 'unknown';
  }
}

function emptyRun(loaded: LoadedScenario): PlannedRun {
  const run = planRuns(loaded, {}).find((r) => r.combo.length === 0 && r.persona === 0);
  if (!run) throw new Error(`${loaded.scenario.id} has no fault-free run`);
  return run;
}

/** Runs `body` in batches until `minMs` have passed; returns iterations and elapsed ms. */
function timeLoop(
  minMs: number,
  batch: number,
  body: () => void,
): { iterations: number; ms: number; cpuMs: number } {
  let iterations = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let ms = 0;
  do {
    for (let i = 0; i < batch; i++) body();
    iterations += batch;
    ms = performance.now() - t0;
  } while (ms < minMs);
  const cpu = process.cpuUsage(cpu0);
  return { iterations, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/**
 * The streamed aggregation: `streamSuite` hands each scenario's results to
 * `writeResultsStreaming`, which writes results.json as the suite runs and keeps only the summary.
 */
function streamToDisk(scenarios: readonly LoadedScenario[], seed: number, each: () => void): Summary {
  const dir = mkdtempSync(join(tmpdir(), 'deadend-bench-'));
  try {
    const head = {
      schemaVersion: SCHEMA_VERSION,
      tool: { name: 'deadend' as const, version: VERSION },
      seed,
      target: 'sim',
      selection: {},
    };
    return writeResultsStreaming(
      join(dir, 'results.json'),
      head,
      streamSuite(scenarios, { seed, onRun: each }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One suite through `runSuite` (every result kept, as the CLI does today) or streamed through
 * `runOne` (each result dropped). A function of its own so that nothing of the run outlives it:
 * an async function keeps the last value it awaited, which would otherwise stay reachable.
 */
async function measureSuite(
  suite: readonly LoadedScenario[],
  runs: number,
  mode: 'kept' | 'streamed',
  seed: number,
  gc: (() => void) | undefined,
): Promise<MemoryPoint> {
  gc?.();
  const baseMB = process.memoryUsage().heapUsed / MB;
  const peak = new Peak();
  peak.sample();
  let count = 0;
  const each = () => {
    if (++count % SAMPLE_EVERY === 0) peak.sample();
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const results =
    mode === 'kept' ? await runSuite(suite, { seed, onRun: each }) : streamToDisk(suite, seed, each);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  peak.sample();
  let retainedMB = Number.NaN;
  if (gc) {
    gc();
    // Still referenced here: `results` is read below.
    retainedMB = process.memoryUsage().heapUsed / MB - baseMB;
  }
  const summary = 'summary' in results ? results.summary : results;
  if (summary.runs !== runs) throw new Error(`expected ${runs} runs`);
  return {
    runs,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    baseHeapMB: baseMB,
    peakHeapMB: peak.heap / MB,
    peakRssMB: peak.rss / MB,
    retainedMB,
  };
}

export async function runBench(opts: BenchOptions = DEFAULTS): Promise<BenchResults> {
  const log = opts.log ?? (() => {});
  const gc = findGc();
  const loadBefore = os.loadavg()[0]!;

  // Loading is reported but not part of any measurement.
  let t = performance.now();
  const { scenarios: seeds, errors } = await loadScenarios([opts.scenariosDir]);
  const loadMs = performance.now() - t;
  if (errors.length > 0 || seeds.length === 0)
    throw new Error(
      `cannot load ${opts.scenariosDir}: ${errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('; ')}`,
    );
  const seedRuns = seeds.reduce((n, s) => n + runsOf(s), 0);

  // (3) first, while the process is cold: this is what `deadend run scenarios/` costs.
  log(`seed suite: ${seeds.length} scenarios, ${seedRuns} runs`);
  t = performance.now();
  const cold = await runSuite(seeds, { seed: opts.seed });
  const coldMs = performance.now() - t;
  const seedStates = cold.scenarios.reduce(
    (n, s) => n + s.runs.reduce((m, r) => m + r.stats.statesExplored, 0),
    0,
  );
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    await runSuite(seeds, { seed: opts.seed });
    warm.push(performance.now() - t);
  }
  warm.sort((a, b) => a - b);

  // (1) fault-free journeys, one scenario at a time, after a warm-up.
  log('fault-free journeys');
  const faultFree: FaultFree[] = [];
  let sink = 0;
  for (const loaded of seeds) {
    const prep = prepare(loaded);
    const run = emptyRun(loaded);
    for (let i = 0; i < opts.warmup; i++) sink += runOne(prep, run, opts.seed).result.stats.statesExplored;
    const { iterations, ms, cpuMs } = timeLoop(opts.minMs, 50, () => {
      sink += runOne(prep, run, opts.seed).result.stats.statesExplored;
    });
    faultFree.push({
      id: loaded.scenario.id,
      iterations,
      usPerRun: (ms * 1000) / iterations,
      cpuUsPerRun: (cpuMs * 1000) / iterations,
    });
  }
  const meanUs = faultFree.reduce((n, f) => n + f.usPerRun, 0) / faultFree.length;

  // (2) explored states per second over every seed's full fault space.
  log('explored states');
  const prepared = seeds.map((loaded) => ({ prep: prepare(loaded), runs: planRuns(loaded, {}) }));
  const pass = () => {
    let states = 0;
    for (const { prep, runs } of prepared)
      for (const run of runs) states += runOne(prep, run, opts.seed).result.stats.statesExplored;
    return states;
  };
  pass();
  let states = 0;
  let passes = 0;
  t = performance.now();
  do {
    states += pass();
    passes++;
  } while (performance.now() - t < opts.minMs * 2);
  const exploreMs = performance.now() - t;
  // The same, with persona, environment and initial world built beforehand: the search alone.
  const inputs = prepared.flatMap(({ prep, runs }) =>
    runs.map((run) => {
      const s = prep.loaded.scenario;
      const runSeed = deriveSeed(opts.seed, s.id, combinationKey(run.combo), run.persona);
      const env = buildEnv(prep, run.combo, String(runSeed));
      const world = initialWorld(prep, env, makePersona(runSeed, run.persona, s.customer));
      return { prep, env, world };
    }),
  );
  const explorePass = () => {
    let n = 0;
    for (const { prep, env, world } of inputs) n += exploreJourney(env, prep.journey, world).statesExplored;
    return n;
  };
  explorePass();
  let onlyStates = 0;
  t = performance.now();
  do onlyStates += explorePass();
  while (performance.now() - t < opts.minMs * 2);
  const onlyMs = performance.now() - t;

  // (6) the stress suite: one journey with many faults, main pass and what-if timed apart.
  const stressSeed = seeds.find((s) => s.scenario.id === STRESS_SEED_ID);
  const stress: StressRow[] = [];
  if (stressSeed)
    for (const shape of opts.stressShapes ?? STRESS_SHAPES) {
      log(`stress: ${shapeName(shape)}`);
      stress.push(measureStress(stressSeed, shape, opts.seed));
    }

  // (4) and (5): generated suites of growing size, through runSuite and streamed.
  const sizes = [...opts.sizes].sort((a, b) => a - b);
  const largest = sizes.at(-1)!;
  t = performance.now();
  const all = generateSuite(seeds, largest);
  const generateMs = performance.now() - t;
  const kept: MemoryPoint[] = [];
  const streamed: MemoryPoint[] = [];
  for (const size of sizes) {
    const suite = size === largest ? all : generateSuite(seeds, size);
    const runs = suite.reduce((n, s) => n + runsOf(s), 0);
    log(`generated suite: ${runs} runs (runSuite, results kept)`);
    kept.push(await measureSuite(suite, runs, 'kept', opts.seed, gc));
    log(`generated suite: ${runs} runs (streamed)`);
    streamed.push(await measureSuite(suite, runs, 'streamed', opts.seed, gc));
  }
  if (sink < 0) log(String(sink)); // keeps the measured calls observable

  const largestRuns = kept.at(-1)!.runs;
  return {
    date: new Date().toISOString().slice(0, 10),
    machine: machine(),
    commit: revision(),
    load: [loadBefore, os.loadavg()[0]!],
    seedScenarios: seeds.length,
    seedRuns,
    loadMs,
    faultFree,
    faultFreeRunsPerSecond: 1e6 / meanUs,
    explore: {
      runs: seedRuns * passes,
      states,
      ms: exploreMs,
      statesPerSecond: (states * 1000) / exploreMs,
      explorerOnlyPerSecond: (onlyStates * 1000) / onlyMs,
    },
    seedSuite: { coldMs, warmMs: warm[Math.floor(warm.length / 2)]!, runs: seedRuns, states: seedStates },
    generated: {
      scenarios: all.length,
      runs: largestRuns,
      generateMs,
      ms: kept.at(-1)!.ms,
      runsPerSecond: (largestRuns * 1000) / kept.at(-1)!.ms,
    },
    memory: { kept, streamed, gcAvailable: gc !== undefined },
    stress,
  };
}

if (import.meta.main) {
  const write = process.argv.includes('--write');
  const results = await runBench({ ...DEFAULTS, log: (l) => process.stderr.write(`… ${l}\n`) });
  const md = renderMarkdown(results);
  process.stdout.write(`${md}\n`);
  if (write) {
    const readme = new URL('./README.md', import.meta.url);
    writeReadme(readme.pathname, md);
    process.stderr.write(`results written to ${readme.pathname}\n`);
  }
  // The analyses (Monte Carlo, minimal cut sets): bench/analysis.ts, its own section of the README.
  const analysis = await import('./analysis.ts');
  const amd = analysis.renderAnalysisMarkdown(
    await analysis.runAnalysisBench(DEFAULTS.seed, (l) => process.stderr.write(`… ${l}\n`)),
  );
  process.stdout.write(`\n${amd}\n`);
  if (write) analysis.writeAnalysisReadme(new URL('./README.md', import.meta.url).pathname, amd);
}
