/**
 * `deadend run`: load the scenarios, run every journey × fault combination (in-process, over
 * worker threads, or on a real target), apply the baseline, write the reports, print the outcome.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { type ResultsFile, SCHEMA_VERSION, type ScenarioResult } from '../core/contract.ts';
import type { Shard } from '../core/merge.ts';
import { summarize } from '../core/merge.ts';
import type { SuiteOptions } from '../engine/runner.ts';
import { plural } from '../report/format.ts';
import type { AnyLoadedScenario } from '../scenario/load.ts';
import { loadBaseline, withBaseline } from './baseline.ts';
import { EXIT, type IO, UsageError, usage, useColor } from './io.ts';
import { loadScenarioFiles } from './loadScenarioFiles.ts';
import { checkDir, checkPathsExist, checkReportDir, type parseReporters } from './options.ts';
import { printOutcome } from './printOutcome.ts';
import { parseContainerEnv, startTarget, targetPlan } from './runTargets.ts';

export const TARGETS = ['sim', 'http', 'browser', 'container'] as const;
const AVAILABLE_TARGETS: readonly string[] = ['sim', 'http', 'browser', 'container'];

export interface RunOptions {
  seed: number;
  target: string;
  report: string;
  reporter: string;
  grep?: string;
  grepInvert?: string;
  /** --last-failed: only these runs (filled in from the last results.json). */
  only?: string[];
  lastFailed?: boolean;
  list?: boolean;
  config?: string;
  /** The config file's `reporters`, when --reporter was not given. */
  reporterEntries?: import('../report/loadReporter.ts').ReporterEntry[];
  reporterFromCli?: boolean;
  shard?: Shard;
  workers?: number;
  /** Keep the what-if's best N fixes only (it stops early once they are settled). */
  fixes?: number;
  baseline?: string;
  updateBaseline?: boolean;
  merchants: string;
  calendars: string;
  quiet?: boolean;
  shopUrl?: string;
  adapter?: string;
  sandboxPort?: number;
  smtpPort?: number;
  image?: string;
  containerEnv?: string[];
  healthPath?: string;
  monteCarlo?: number;
  precision?: number;
  /** Set by runCommand once the scenarios are loaded: --monte-carlo, or a scenario in monte-carlo mode. */
  monteCarloWanted?: boolean;
  /** The config's plugins (deadend.config.ts `plugins`). */
  plugins?: import('../vocabulary/plugins/index.ts').PluginSet;
}

/** The run's reporters: --reporter, else the config's, else the default; `github` under GitHub Actions. */
async function runReporterSpecs(opts: RunOptions) {
  const { fileReporterNames, parseReporterEntries, parseReporterSpecs, ReporterInputError } = await import(
    '../report/loadReporter.ts'
  );
  const { loadModules, withGithubDefault } = await import('./runReporters.ts');
  try {
    const parsed =
      opts.reporterEntries && !opts.reporterFromCli
        ? parseReporterEntries(opts.reporterEntries)
        : parseReporterSpecs(opts.reporter);
    const specs = withGithubDefault(parsed, Boolean(opts.reporterFromCli));
    const modules = await loadModules(specs);
    return { reporters: { specs, modules }, reporterNames: fileReporterNames(specs) };
  } catch (error) {
    if (error instanceof ReporterInputError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * `--reporter json` in one thread: results.json is written while the suite runs and each
 * scenario's results are dropped once written (flat memory for suites of any size). What the
 * terminal, the baseline and the what-if analysis need is kept without traces.
 */
async function streamedRun(
  scenarios: AnyLoadedScenario[],
  runOpts: SuiteOptions,
  found: Awaited<ReturnType<typeof loadBaseline>>,
  opts: RunOptions,
  io: IO,
  progress: ReturnType<typeof import('../report/console.ts').createProgress> | undefined,
  set: import('../report/lifecycle.ts').ReporterSet,
  partialOf: (finished: ScenarioResult[]) => ResultsFile['partial'],
): Promise<number> {
  const { streamSuite, VERSION: version } = await import('../engine/runner.ts');
  const { applyBaseline } = await import('../report/baseline.ts');
  const head = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'deadend' as const, version },
    seed: runOpts.seed,
    target: runOpts.target ?? 'sim',
    selection: {
      ...(runOpts.grep ? { grep: runOpts.grep } : {}),
      ...(runOpts.shard ? { shard: `${runOpts.shard.index}/${runOpts.shard.total}` } : {}),
    },
  };
  // The baseline decides acceptance as each scenario finishes (--update-baseline, which needs
  // every result first, takes the in-memory path).
  const accept = (s: ScenarioResult): ScenarioResult =>
    found
      ? applyBaseline({ ...head, summary: summarize([s]), scenarios: [s] }, found.baseline).scenarios[0]!
      : s;
  const kept: ScenarioResult[] = [];
  mkdirSync(opts.report, { recursive: true });
  const path = join(opts.report, 'results.json');
  try {
    for (const s of streamSuite(scenarios, {
      ...runOpts,
      onRun: (name) => set.run(name),
    })) {
      const result = accept(s);
      set.scenario(result);
      kept.push({ ...result, runs: result.runs.map((r) => ({ ...r, trace: [] })) });
      // The event loop turns between scenarios, so Ctrl-C can stop the suite.
      if (runOpts.signal) await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (e) {
    set.stop();
    throw e;
  }
  const partial = partialOf(kept);
  const { suggestFixes } = await import('../engine/whatIf.ts');
  let fixes: ResultsFile['fixes'];
  // Runs after the last scenario, before the file is closed: the what-if needs only the dead ends.
  const whatIf = () => {
    if (partial) return {};
    const deadEnds = kept.some((s) => s.runs.some((r) => r.outcome === 'dead-end'));
    const found = deadEnds
      ? suggestFixes(
          scenarios,
          { ...head, summary: summarize(kept), scenarios: kept },
          { calendarsDir: opts.calendars, ...(opts.fixes ? { top: opts.fixes } : {}) },
        )
      : [];
    fixes = found.length > 0 ? found : undefined;
    return fixes ? { fixes } : {};
  };
  const lite: ResultsFile = {
    ...head,
    summary: summarize(kept),
    scenarios: kept,
    ...whatIf(),
    ...(partial ? { partial } : {}),
  };
  // The streamed writer closes results.json in its onEnd, with the what-if's fixes.
  await set.end(lite);
  if (progress && io.stderr.isTTY) io.stderr.write('\r\x1b[2K');
  const { text } = await withBaseline(lite, found, false);
  return printOutcome(io, lite, {
    quiet: opts.quiet,
    report: opts.report,
    written: [path],
    baseline: text,
    streamed: true,
  });
}

export async function runCommand(paths: string[], opts: RunOptions, io: IO): Promise<number> {
  if (!AVAILABLE_TARGETS.includes(opts.target)) {
    throw new UsageError(`target ${opts.target} is not available: use sim, http, browser or container.`);
  }
  if (opts.target === 'sim' && (opts.shopUrl || opts.adapter))
    throw new UsageError('--shop-url and --adapter go with --target http, browser or container.');
  if (opts.shopUrl && opts.target === 'container')
    throw new UsageError(
      '--shop-url does not go with --target container: the container is the shop (--image).',
    );
  if (opts.target !== 'container' && (opts.image || opts.containerEnv || opts.healthPath))
    throw new UsageError('--image, --container-env and --health-path go with --target container.');
  if (opts.adapter && opts.target !== 'container' && !opts.shopUrl)
    throw new UsageError('--adapter needs --shop-url: the shop it speaks to.');
  if (opts.adapter && opts.target === 'container' && !opts.image)
    throw new UsageError(
      '--adapter needs --image on the container target: the reference shop has its own adapter.',
    );
  if (opts.shopUrl && opts.target === 'browser' && !opts.adapter)
    throw new UsageError(
      '--shop-url on the browser target needs --adapter: page objects for your site (docs/browser-and-container.md).',
    );
  if (opts.adapter && !existsSync(opts.adapter))
    throw new UsageError(`--adapter ${opts.adapter}: no such file.`);
  const containerEnv = parseContainerEnv(opts.containerEnv);
  checkPathsExist(paths);
  checkReportDir(opts.report);
  checkDir(opts.merchants, '--merchants');
  checkDir(opts.calendars, '--calendars');
  const { reporters, reporterNames } = await runReporterSpecs(opts);
  const baseline = await loadBaseline(opts);
  if (opts.lastFailed) {
    const { lastFailedRuns } = await import('./runSelection.ts');
    const { readResults } = await import('../report/json.ts');
    opts.only = usage(() => lastFailedRuns(opts.report, readResults));
    if (opts.only.length === 0) {
      io.stdout.write(
        `No run missed its expectation in ${join(opts.report, 'results.json')}: nothing to run.\n`,
      );
      return EXIT.ok;
    }
  }

  const scenarios = await loadScenarioFiles(
    paths,
    opts,
    io,
    (n) =>
      `\n${plural(n, 'error')} in the scenario files: nothing was run. ` +
      'Fix them (`deadend validate` checks without running) and run again.\n',
  );
  if (!scenarios) return EXIT.usage;
  const loaded = { scenarios };
  if (loaded.scenarios.length === 0) {
    throw new UsageError(
      `no scenarios found in ${paths.join(', ')} (looking for *.yaml, *.yml and *.scenario.ts files).`,
    );
  }
  opts.monteCarloWanted =
    opts.monteCarlo !== undefined ||
    loaded.scenarios.some((s) => !('kind' in s) && s.scenario.explore.mode === 'monte-carlo');

  if (opts.list) {
    const { listRuns } = await import('./runSelection.ts');
    io.stdout.write(listRuns(loaded.scenarios, opts));
    return EXIT.ok;
  }
  const { countRuns } = await import('../engine/runner.ts');
  const { autoWorkers } = await import('../engine/parallel.ts');
  const total = countRuns(loaded.scenarios, opts);
  if (opts.grep !== undefined && opts.shard === undefined && total === 0) {
    throw new UsageError(
      `--grep "${opts.grep}" matches no run: nothing was run. Run names look like ` +
        '"scenario-id › fault+fault › #0" (see the replay commands); the match is case-sensitive.',
    );
  }
  if (opts.fixes !== undefined && opts.shard !== undefined) {
    throw new UsageError(
      '--fixes cannot be combined with --shard: the best fixes of a shard are not those of the suite (merge-reports ranks every fix).',
    );
  }
  const threads = threadsFor(opts, total, io);
  const plan = opts.target === 'sim' ? undefined : await targetPlan(opts, containerEnv, threads);
  // One thread: the target lives here. More: each worker thread starts its own (plan.options).
  const target = plan && threads === 1 ? await startTarget(opts, io, plan.options) : undefined;
  if (plan && threads > 1 && !opts.quiet)
    io.stderr.write(
      `${opts.target} target: ${threads} workers, each with its own sandbox and ${opts.shopUrl ? 'the shop at --shop-url' : 'reference shop'}${opts.target === 'browser' ? ', sharing one Chromium (a context each)' : ''}\n`,
    );
  try {
    return await runOn(
      { paths, opts, io, scenarios: loaded.scenarios, reporterNames, baseline },
      {
        threads: plan ? threads : Math.min(opts.workers ?? autoWorkers(total), total),
        reporters,
        ...(target ? { target } : {}),
        ...(plan && threads > 1 ? { laneOptions: plan.options } : {}),
      },
    );
  } catch (e) {
    const { TargetError } = await import('../targets/http/wireShop.ts');
    if (e instanceof TargetError) {
      const partial = (e as { partial?: ResultsFile }).partial;
      let kept = '';
      if (partial) {
        const { writeReports } = await import('../report/reporter.ts');
        writeReports(opts.report, partial, reporterNames);
        kept = `\nThe ${plural(partial.summary.runs, 'run')} that finished before it are reported in ${opts.report} (incomplete).`;
      }
      throw new UsageError(`the ${opts.target} target failed: ${e.message}${kept}`);
    }
    if (e instanceof Error && /TargetError/.test(e.stack ?? '') && /a worker failed/.test(e.message))
      throw new UsageError(
        `the ${opts.target} target failed: ${e.message.replace(/^a worker failed: /, '')}`,
      );
    throw e;
  } finally {
    target?.close();
    await plan?.release();
  }
}

/**
 * How many threads share the runs. sim: --workers, else one per core but at most one per 200
 * runs. A real target serves one world at a time per sandbox, so each thread gets its own:
 * http: --workers, else 1; browser: --workers, else one per core (its runs take seconds, the
 * threads share one Chromium); container: one (one merchant container).
 */
function threadsFor(opts: RunOptions, total: number, io: IO): number {
  const cores = availableParallelism();
  if (opts.target === 'container') {
    if ((opts.workers ?? 1) > 1 && !opts.quiet)
      io.stderr.write('container target: one merchant container serves the runs; --workers is ignored\n');
    return 1;
  }
  if (opts.target === 'http') return Math.max(1, Math.min(opts.workers ?? 1, total));
  if (opts.target === 'browser') return Math.max(1, Math.min(opts.workers ?? cores, total));
  return 0; // sim: decided in runOn (autoWorkers)
}

/** The command's inputs, checked and loaded, that the run paths below share. */
interface RunInputs {
  paths: string[];
  opts: RunOptions;
  io: IO;
  scenarios: AnyLoadedScenario[];
  reporterNames: Awaited<ReturnType<typeof parseReporters>>;
  baseline: Awaited<ReturnType<typeof loadBaseline>>;
}

/** Where the runs go: how many threads, the reporters, and a real target (started here, or per thread). */
interface RunOn {
  threads: number;
  reporters: Awaited<ReturnType<typeof runReporterSpecs>>['reporters'];
  target?: import('../targets/http/wireShop.ts').HttpTarget;
  laneOptions?: import('../targets/http/wireShop.ts').HttpTargetOptions;
}

async function runOn(inputs: RunInputs, on: RunOn): Promise<number> {
  const { opts, io, scenarios } = inputs;
  const { target } = on;
  const { countRuns } = await import('../engine/runner.ts');
  const runOpts = {
    seed: opts.seed,
    target: opts.target,
    grep: opts.grep,
    ...(opts.grepInvert ? { grepInvert: opts.grepInvert } : {}),
    ...(opts.only ? { only: opts.only } : {}),
    shard: opts.shard,
    merchantsDir: opts.merchants,
    calendarsDir: opts.calendars,
    ...(target ? { connect: target } : {}),
  };
  const total = countRuns(scenarios, runOpts);
  const { partialMark, watchInterrupts } = await import('./interrupt.ts');
  const { retireReportSet } = await import('../report/reportSet.ts');
  const interrupts = watchInterrupts(io.stderr);
  try {
    retireReportSet(opts.report);
    const code = await runInterruptible(
      inputs,
      on,
      {
        ...runOpts,
        signal: interrupts.signal,
      },
      total,
      (finished) => {
        const signal = interrupts.received();
        return signal ? partialMark(scenarios, runOpts, { scenarios: finished }, signal) : undefined;
      },
    );
    return interrupts.exitCode() ?? code;
  } finally {
    interrupts.dispose();
  }
}

async function runInterruptible(
  inputs: RunInputs,
  on: RunOn,
  runOpts: SuiteOptions & { merchantsDir: string; calendarsDir: string },
  total: number,
  partialOf: (finished: ScenarioResult[]) => ResultsFile['partial'],
): Promise<number> {
  const { paths, opts, io, scenarios, reporterNames, baseline } = inputs;
  const { target, laneOptions } = on;
  const loaded = { scenarios };
  const { runSuiteParallel } = await import('../engine/parallel.ts');
  const { createProgress } = await import('../report/console.ts');
  const { reporterSet } = await import('./runReporters.ts');
  const progress = opts.quiet
    ? undefined
    : createProgress({
        total,
        stream: io.stderr,
        isTTY: Boolean(io.stderr.isTTY),
        color: useColor(io.stderr),
      });
  const threads = on.threads;
  // (A real target reports what finished if it breaks down, which the streamed writer cannot;
  // a user's reporter may want the traces, which the streamed path drops.)
  const streamed =
    reporterNames.length === 1 &&
    reporterNames[0] === 'json' &&
    !on.reporters.specs.some((s) => s.kind === 'module') &&
    threads <= 1 &&
    !opts.updateBaseline &&
    !target;
  const set = reporterSet(on.reporters.specs, on.reporters.modules, {
    reportDir: opts.report,
    stdout: io.stdout,
    streamed,
    ...(progress ? { progress } : {}),
  });
  set.begin({ total, seed: opts.seed, target: opts.target });
  if (streamed) return streamedRun(loaded.scenarios, runOpts, baseline, opts, io, progress, set, partialOf);
  const raw = await runSuiteParallel(loaded.scenarios, {
    ...runOpts,
    paths,
    workers: threads,
    ...(laneOptions
      ? { targetSpec: (await import('../targets/http/wireShop.ts')).httpTargetSpec(laneOptions) }
      : {}),
    whatIf: opts.fixes ? { top: opts.fixes } : {},
    onRun: (name: string) => set.run(name),
  });
  // The summary line ends stdout; on a terminal only the progress bar is wiped from stderr.
  if (progress && io.stderr.isTTY) io.stderr.write('\r\x1b[2K');
  const partial = partialOf(raw.scenarios);
  // A stopped suite is not worth the what-if's time (runSuiteParallel ran it on the same threads), nor a new baseline.
  if (partial) {
    raw.partial = partial;
    delete raw.fixes;
  }

  const { results, text } = await withBaseline(raw, baseline, Boolean(opts.updateBaseline) && !partial);
  for (const scenario of results.scenarios) set.scenario(scenario);
  const written = await set.end(results);
  return printOutcome(io, results, { quiet: opts.quiet, report: opts.report, written, baseline: text });
}
