/**
 * The `deadend` command line. `bin/deadend.js` calls `main`; `node harness/cli/main.ts …` runs it
 * directly (npm run docs).
 *
 * Exit codes (the contract, see README): 0 every run met its expectation; 1 some did not;
 * 2 bad input or usage (nothing is run); 3 deadend itself failed (a bug: the stack is printed).
 *
 * The engine, loader and reporters are imported lazily, inside the commands that need them, so
 * `--help`, `faults` and usage errors answer fast and never depend on the engine loading.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { markdownTable } from 'markdown-table';
import {
  type Expectation,
  OUTCOMES,
  type ResultsFile,
  type RunResult,
  SCHEMA_VERSION,
  type ScenarioResult,
} from '../core/contract.ts';
import { mergeResults, parseShard, type Shard, summarize } from '../core/merge.ts';
import { packageRoot } from '../core/modulePath.ts';
import type { SuiteOptions } from '../engine/runner.ts';
import { oracleCatalogueMarkdown, oracleCatalogueText } from '../oracles/docs.ts';
import { BASELINE_FILE, type BaselineComparison, type BaselineEntry } from '../report/baseline.ts';
import { faultsKey, faultsLabel, OUTCOME_LABEL, plural } from '../report/format.ts';
import { maskResults } from '../report/mask.ts';
import { reportDirProblem } from '../report/reportDir.ts';
import type { LoadedScenario } from '../scenario/load.ts';
import { faultCatalogue } from '../services/index.ts';
import { mergeAnalysisDirs, monteCarloAfterRun, monteCarloOptions, registerAnalyze } from './analyze.ts';
import { faultCatalogueMarkdown, faultCatalogueText } from './commands/faultDocs.ts';

export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 3 } as const;

export const TARGETS = ['sim', 'http', 'browser', 'container'] as const;
const AVAILABLE_TARGETS: readonly string[] = ['sim', 'http', 'browser', 'container'];

const ROOT = packageRoot();
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Where output goes; tests pass their own. */
export interface IO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Bad input or usage: printed as `deadend: message`, exit 2, nothing is run. */
export class UsageError extends Error {}

/** The what-if section: which single change to the merchant rescues the most dead ends. */
export function fixesReport(fixes: NonNullable<ResultsFile['fixes']>): string {
  const lines = ['Changes that rescue dead ends (each tried alone on every dead end):'];
  for (const f of fixes.slice(0, 5)) {
    const runs = f.rescues.map((r) => `${r.scenario} — ${faultsLabel(r.faults)}`).join('; ');
    lines.push(`  ${f.change}: ${plural(f.rescues.length, 'dead end')} (${runs})`);
  }
  if (fixes.length > 5) lines.push(`  …and ${plural(fixes.length - 5, 'more change')} in results.json`);
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Option parsers (commander reports their errors as "option '--seed <n>' argument 'abc' is invalid.")

function parsePortOption(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n > 65535)
    throw new InvalidArgumentError(`"${text}" is not a port (0–65535).`);
  return n;
}

export function parseSeed(text: string): number {
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(Number(text))) {
    throw new InvalidArgumentError('The seed must be a whole number ≥ 0, e.g. --seed 7.');
  }
  return Number(text);
}

export function parseWorkers(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError('The number of workers must be a whole number ≥ 1, e.g. --workers 4.');
  }
  return n;
}

function parseFixesTop(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError('The number of fixes must be a whole number ≥ 1, e.g. --fixes 3.');
  }
  return n;
}

function parseShardOption(text: string): Shard {
  try {
    return parseShard(text);
  } catch (error) {
    // parseShard's message starts `Invalid --shard "x": `, which commander already says.
    throw new InvalidArgumentError(
      (error as Error).message.replace(/^Invalid --shard "[^"]*": (.)/, (_m, c: string) => c.toUpperCase()),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// What `run` and `merge-reports` print

function expectedLabel(e: Expectation): string {
  const outcome = OUTCOME_LABEL[e.outcome];
  if (e.findings === undefined) return outcome;
  return `${outcome}; findings: ${e.findings.length > 0 ? e.findings.join(', ') : 'none'}`;
}

/**
 * The outcome table: one row per journey × fault combination. Several personas of one combination
 * (monte-carlo) share a row that counts their outcomes, e.g. `dead end ×3, recovered ×7`.
 */
export function outcomeTable(results: ResultsFile): string {
  const rows: string[][] = [];
  for (const scenario of results.scenarios) {
    const groups = new Map<string, RunResult[]>();
    for (const run of scenario.runs) {
      const key = faultsKey(run.faults);
      groups.set(key, [...(groups.get(key) ?? []), run]);
    }
    for (const runs of groups.values()) {
      const first = runs[0]!;
      const outcome =
        runs.length === 1
          ? OUTCOME_LABEL[first.outcome]
          : OUTCOMES.map((o) => [o, runs.filter((r) => r.outcome === o).length] as const)
              .filter(([, n]) => n > 0)
              .map(([o, n]) => `${OUTCOME_LABEL[o]} ×${n}`)
              .join(', ');
      const expected = [...new Set(runs.map((r) => expectedLabel(r.expected)))].join(' / ');
      const failed = runs.filter((r) => !r.pass).length;
      const accepted = runs.some((r) => r.accepted);
      const mark =
        failed > 0 ? (runs.length === 1 ? '✗' : `✗ ${failed}/${runs.length}`) : accepted ? 'accepted' : '✓';
      rows.push([scenario.id, faultsLabel(first.faults), outcome, expected, mark]);
    }
  }
  if (rows.length === 0) return 'No runs.\n';
  return `${markdownTable([['scenario', 'faults', 'outcome', 'expected', ''], ...rows], { align: ['l', 'l', 'l', 'l', 'c'] })}\n`;
}

/** Every missed expectation: what was expected, what happened, why, and the command that replays it. */
export function missedExpectations(results: ResultsFile): string {
  const blocks: string[] = [];
  for (const scenario of results.scenarios) {
    const perCombination = new Map<string, number>();
    for (const run of scenario.runs) {
      perCombination.set(faultsKey(run.faults), (perCombination.get(faultsKey(run.faults)) ?? 0) + 1);
    }
    for (const run of scenario.runs) {
      if (run.pass) continue;
      const persona =
        (perCombination.get(faultsKey(run.faults)) ?? 0) > 1 ? ` · persona #${run.persona.index}` : '';
      const lines = [
        `✗ ${scenario.id} — ${faultsLabel(run.faults)}${persona}  (${scenario.file})`,
        `  expected ${expectedLabel(run.expected)}, got ${OUTCOME_LABEL[run.outcome]}`,
      ];
      if (run.failure) lines.push(`  why: ${run.failure}`);
      lines.push(`  what happened: ${run.explanation}`);
      for (const reason of run.frontier ?? []) lines.push(`    - ${reason}`);
      if (run.findings.length > 0) {
        lines.push(`  findings: ${[...new Set(run.findings.map((f) => f.oracle))].join(', ')}`);
      }
      lines.push(`  replay: ${run.replay}`);
      blocks.push(lines.join('\n'));
    }
  }
  if (blocks.length === 0) return '';
  return `${plural(blocks.length, 'missed expectation')}:\n\n${blocks.join('\n\n')}\n`;
}

/**
 * What the baseline says about a run: the new dead ends (not in the baseline: they fail), the accepted
 * ones and the ones that disappeared. `path` is the baseline file in use (undefined: none).
 */
export function baselineReport(
  comparison: BaselineComparison,
  opts: {
    path?: string;
    /** With --update-baseline: the entries added to and dropped from the file, and how many it holds. */
    updated?: { added: BaselineEntry[]; dropped: BaselineEntry[]; total: number };
  },
): string {
  const { newDeadEnds, acceptedDeadEnds, disappeared } = comparison;
  const item = (mark: string, e: BaselineEntry) => `  ${mark} ${e.scenario} — ${faultsLabel(e.faults)}`;
  const lines: string[] = [];
  if (opts.updated) {
    const { added, dropped, total } = opts.updated;
    lines.push(
      `Baseline ${opts.path} updated: ${plural(total, 'accepted dead end')} (${added.length} added, ${dropped.length} dropped).`,
    );
    if (added.length > 0) lines.push('Added, now accepted:', ...added.map((e) => item('+', e)));
    if (dropped.length > 0)
      lines.push('Dropped, no longer unexpected dead ends:', ...dropped.map((e) => item('-', e)));
    return `${lines.join('\n')}\n`;
  }
  if (opts.path === undefined && newDeadEnds.length === 0) return '';
  lines.push(
    `Baseline ${opts.path ?? `(none: no ${BASELINE_FILE})`}: ${plural(newDeadEnds.length, 'new dead end')} · ` +
      `${acceptedDeadEnds.length} accepted · ${disappeared.length} disappeared`,
  );
  if (newDeadEnds.length > 0) {
    lines.push(
      'New dead ends — not in the baseline, they fail the run (fix them, or accept them with --update-baseline):',
      ...newDeadEnds.map((e) => item('✗', e)),
    );
  }
  if (acceptedDeadEnds.length > 0) {
    lines.push(
      'Accepted dead ends — in the baseline, they pass:',
      ...acceptedDeadEnds.map((e) => item('☑', e)),
    );
  }
  if (disappeared.length > 0) {
    lines.push(
      'Disappeared — in the baseline, but no longer dead ends (drop them with --update-baseline):',
      ...disappeared.map((e) => item('✓', e)),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Table, missed expectations, where the reports are, summary line. Secrets are masked as in reports. */
export function outcomeReport(
  results: ResultsFile,
  opts: {
    quiet?: boolean;
    reportDir?: string;
    written?: readonly string[];
    summaryLine: string;
    /** The baseline section (`baselineReport`), printed after the missed expectations. */
    baseline?: string;
    /** results.json was written while the suite ran (streamed, in flat memory). */
    streamed?: boolean;
  },
): string {
  const safe = maskResults(results);
  const parts: string[] = [];
  if (!opts.quiet) parts.push(outcomeTable(safe));
  const missed = missedExpectations(safe);
  if (missed) parts.push(missed);
  if (opts.baseline) parts.push(opts.baseline);
  if (!opts.quiet && safe.fixes?.length) parts.push(fixesReport(safe.fixes));
  if (opts.reportDir && opts.written && opts.written.length > 0 && !opts.quiet) {
    const dir = opts.reportDir;
    const note = opts.streamed ? ' (written as the suite ran)' : '';
    parts.push(`Reports in ${dir}: ${opts.written.map((p) => relative(dir, p)).join(', ')}${note}\n`);
  }
  parts.push(`${opts.summaryLine}\n`);
  return parts.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Commands

interface RunOptions {
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
}

function checkPathsExist(paths: readonly string[]): void {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new UsageError(
      missing.map((p) => `${p}: no such file or folder`).join('\n') +
        '\nGive scenario files (*.yaml, *.yml, *.scenario.ts) or folders that contain them.',
    );
  }
}

function checkReportDir(dir: string): void {
  const problem = reportDirProblem(dir);
  if (problem) throw new UsageError(problem);
}

function checkDir(path: string, what: string): void {
  if (!existsSync(path) || !statSync(path).isDirectory()) {
    throw new UsageError(`${what} ${path}: no such folder.`);
  }
}

function useColor(stream: { isTTY?: boolean }): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined) return process.env.FORCE_COLOR !== '0';
  return Boolean(stream.isTTY);
}

async function parseReporters(text: string) {
  const { parseReporterList } = await import('../report/reporter.ts');
  try {
    return parseReporterList(text);
  } catch (error) {
    throw new UsageError(`--reporter: ${(error as Error).message}`);
  }
}

/** Runs `fn`; an error it throws is the user's input (exit 2). */
function usage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
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

/** The config file's settings (none without one) and the scenario paths: the command line's, else the config's. */
async function configured(paths: string[], opts: { config?: string }, command: Command) {
  const { applyConfig, ConfigError, findConfig, loadConfig, scenarioPaths } = await import('./config.ts');
  try {
    const file = findConfig(opts.config);
    const config = file ? await loadConfig(file) : {};
    const apply = <T extends object>(o: T): T =>
      applyConfig(config, o as Record<string, unknown>, command) as T;
    return { config, paths: scenarioPaths(config, paths, command), apply };
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/** The baseline in use: `--baseline FILE`, else deadend-baseline.json in the cwd when it exists. */
async function loadBaseline(opts: { baseline?: string; updateBaseline?: boolean }) {
  const { readBaseline } = await import('../report/baseline.ts');
  const path =
    opts.baseline ?? (existsSync(BASELINE_FILE) || opts.updateBaseline ? BASELINE_FILE : undefined);
  if (path === undefined) return undefined;
  if (!existsSync(path) && !opts.updateBaseline) {
    throw new UsageError(
      `--baseline ${path}: no such file. Create it with \`deadend run --update-baseline --baseline ${path}\`.`,
    );
  }
  try {
    return { path, baseline: readBaseline(path) };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * Applies the baseline (or, with --update-baseline, writes it from these results first) and returns
 * the results as they count, with the baseline section of the output.
 */
/**
 * `--reporter json` in one thread: results.json is written while the suite runs and each
 * scenario's results are dropped once written (flat memory for suites of any size). What the
 * terminal, the baseline and the what-if analysis need is kept without traces.
 */
async function streamedRun(
  scenarios: LoadedScenario[],
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

/** The end of `run` and `merge-reports`: the outcome, missed expectations, reports and summary; the exit code. */
async function printOutcome(
  io: IO,
  results: ResultsFile,
  o: { quiet?: boolean; report: string; written: string[]; baseline: string; streamed?: boolean },
): Promise<number> {
  const { summaryLine } = await import('../report/console.ts');
  io.stdout.write(
    outcomeReport(results, {
      quiet: o.quiet,
      reportDir: o.report,
      written: o.written,
      baseline: o.baseline,
      streamed: o.streamed,
      summaryLine: summaryLine(results.summary, { color: useColor(io.stdout) }),
    }),
  );
  return results.summary.failed > 0 ? EXIT.failed : EXIT.ok;
}

async function withBaseline(
  results: ResultsFile,
  found: Awaited<ReturnType<typeof loadBaseline>>,
  update: boolean,
): Promise<{ results: ResultsFile; text: string }> {
  const { applyBaseline, compareToBaseline, stringifyBaseline, updatedBaseline } = await import(
    '../report/baseline.ts'
  );
  if (!found) {
    return {
      results,
      text: baselineReport(compareToBaseline(results, { schemaVersion: 1, accepted: [] }), {}),
    };
  }
  if (!update) {
    const applied = applyBaseline(results, found.baseline);
    return {
      results: applied,
      text: baselineReport(compareToBaseline(applied, found.baseline), { path: found.path }),
    };
  }
  const next = updatedBaseline(results, found.baseline);
  mkdirSync(dirname(found.path), { recursive: true });
  writeFileSync(found.path, stringifyBaseline(next));
  const key = (e: BaselineEntry) => `${e.scenario}\u0000${[...e.faults].sort().join('+')}`;
  const oldKeys = new Set(found.baseline.accepted.map(key));
  const newKeys = new Set(next.accepted.map(key));
  const applied = applyBaseline(results, next);
  return {
    results: applied,
    text: baselineReport(compareToBaseline(applied, next), {
      path: found.path,
      updated: {
        added: next.accepted.filter((e) => !oldKeys.has(key(e))),
        dropped: found.baseline.accepted.filter((e) => !newKeys.has(key(e))),
        total: next.accepted.length,
      },
    }),
  };
}

async function runCommand(paths: string[], opts: RunOptions, io: IO): Promise<number> {
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

  const { loadScenarios } = await import('../scenario/loader.ts');
  const { formatSourceError } = await import('../scenario/source.ts');
  const loaded = await loadScenarios(paths, {
    merchantsDir: opts.merchants,
    calendarsDir: opts.calendars,
    faults: faultCatalogue,
  });
  if (loaded.errors.length > 0) {
    for (const error of loaded.errors) io.stderr.write(`${formatSourceError(error)}\n`);
    io.stderr.write(
      `\n${plural(loaded.errors.length, 'error')} in the scenario files: nothing was run. ` +
        'Fix them (`deadend validate` checks without running) and run again.\n',
    );
    return EXIT.usage;
  }
  if (loaded.scenarios.length === 0) {
    throw new UsageError(
      `no scenarios found in ${paths.join(', ')} (looking for *.yaml, *.yml and *.scenario.ts files).`,
    );
  }
  opts.monteCarloWanted =
    opts.monteCarlo !== undefined || loaded.scenarios.some((s) => s.scenario.explore.mode === 'monte-carlo');

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
    return await runOn(paths, opts, io, loaded.scenarios, reporterNames, baseline, {
      threads: plan ? threads : Math.min(opts.workers ?? autoWorkers(total), total),
      reporters,
      ...(target ? { target } : {}),
      ...(plan && threads > 1 ? { laneOptions: plan.options } : {}),
    });
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

interface TargetPlan {
  options: import('../targets/http/wireShop.ts').HttpTargetOptions;
  /** Stop what the plan started for all threads (the shared browser). */
  release(): Promise<void>;
}

/** The options every thread starts its target with; for parallel browser runs, one shared Chromium. */
async function targetPlan(
  opts: RunOptions,
  containerEnv: Record<string, string> | undefined,
  threads: number,
): Promise<TargetPlan> {
  const { resolve } = await import('node:path');
  const attachmentsDir = resolve(opts.report, 'attachments');
  const { prepareAttachments } = await import('../report/reportDir.ts');
  try {
    prepareAttachments(attachmentsDir);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  let release = async () => {};
  if (opts.target === 'browser' && threads > 1) {
    const { launchSharedBrowser } = await import('../targets/browser/browserAdapter.ts');
    try {
      const shared = await launchSharedBrowser();
      process.env.DEADEND_BROWSER_WS = shared.wsEndpoint;
      release = async () => {
        delete process.env.DEADEND_BROWSER_WS;
        await shared.close();
      };
    } catch (e) {
      throw new UsageError(`the browser target could not start: ${(e as Error).message}`);
    }
  }
  return {
    options: {
      calendarsDir: opts.calendars,
      attachmentsDir,
      ...(opts.shopUrl ? { shopUrl: opts.shopUrl } : {}),
      ...(opts.adapter ? { adapter: resolve(opts.adapter) } : {}),
      ...(opts.sandboxPort !== undefined ? { sandboxPort: opts.sandboxPort } : {}),
      ...(opts.smtpPort !== undefined ? { smtpPort: opts.smtpPort } : {}),
      ...(opts.target === 'browser' ? { browser: true } : {}),
      ...(opts.target === 'container'
        ? {
            container: {
              ...(opts.image ? { image: opts.image } : {}),
              ...(containerEnv ? { env: containerEnv } : {}),
              ...(opts.healthPath ? { healthPath: opts.healthPath } : {}),
            },
          }
        : {}),
    },
    release: () => release(),
  };
}

/** KEY=VALUE entries of --container-env. */
function parseContainerEnv(entries: string[] | undefined): Record<string, string> | undefined {
  if (!entries) return undefined;
  const env: Record<string, string> = {};
  for (const e of entries) {
    const at = e.indexOf('=');
    if (at <= 0) throw new UsageError(`--container-env ${e}: write KEY=VALUE.`);
    env[e.slice(0, at)] = e.slice(at + 1);
  }
  return env;
}

/**
 * The http, browser and container targets: sandbox servers and the merchant (the reference shop,
 * the shop at --shop-url, or a container), and the customer (the JSON adapter or a browser).
 */
async function startTarget(
  opts: RunOptions,
  io: IO,
  options: import('../targets/http/wireShop.ts').HttpTargetOptions,
) {
  const { startHttpTarget, TargetError } = await import('../targets/http/wireShop.ts');
  if (opts.target === 'container' && !opts.quiet)
    io.stderr.write(
      opts.image
        ? `container target: starting ${opts.image}…\n`
        : 'container target: building the reference shop image and starting it…\n',
    );
  try {
    const target = startHttpTarget(options);
    const id = target.urls.containerId;
    if (id) {
      // The container must not outlive an interrupted run.
      const { removeContainersSync } = await import('../targets/container/engine.ts');
      const remove = () => removeContainersSync([id]);
      process.once('exit', remove);
      for (const signal of ['SIGINT', 'SIGTERM'] as const)
        process.once(signal, () => {
          remove();
          process.exit(130);
        });
    }
    if (!opts.quiet)
      io.stderr.write(
        `${opts.target} target: sandbox ${target.urls.sandbox} (SMTP 127.0.0.1:${target.urls.smtp}), shop ${target.urls.shop}${id ? ` (container ${id.slice(0, 12)})` : ''}\n`,
      );
    return target;
  } catch (e) {
    if (e instanceof TargetError)
      throw new UsageError(`the ${opts.target} target could not start: ${e.message}`);
    throw e;
  }
}

async function runOn(
  paths: string[],
  opts: RunOptions,
  io: IO,
  scenarios: LoadedScenario[],
  reporterNames: Awaited<ReturnType<typeof parseReporters>>,
  baseline: Awaited<ReturnType<typeof loadBaseline>>,
  on: {
    threads: number;
    reporters: Awaited<ReturnType<typeof runReporterSpecs>>['reporters'];
    target?: import('../targets/http/wireShop.ts').HttpTarget;
    laneOptions?: import('../targets/http/wireShop.ts').HttpTargetOptions;
  },
): Promise<number> {
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
      paths,
      opts,
      io,
      scenarios,
      reporterNames,
      baseline,
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
  paths: string[],
  opts: RunOptions,
  io: IO,
  scenarios: LoadedScenario[],
  reporterNames: Awaited<ReturnType<typeof parseReporters>>,
  baseline: Awaited<ReturnType<typeof loadBaseline>>,
  on: {
    threads: number;
    reporters: Awaited<ReturnType<typeof runReporterSpecs>>['reporters'];
    target?: unknown;
    laneOptions?: import('../targets/http/wireShop.ts').HttpTargetOptions;
  },
  runOpts: SuiteOptions & { merchantsDir: string; calendarsDir: string },
  total: number,
  partialOf: (finished: ScenarioResult[]) => ResultsFile['partial'],
): Promise<number> {
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

interface MergeOptions {
  report: string;
  reporter: string;
  baseline?: string;
  quiet?: boolean;
}

/** Every shard i/n of the parts must be there exactly once, or the merged report would look green. */
export function checkShardsComplete(parts: readonly ResultsFile[], names: readonly string[]): void {
  const shards = parts.map((p) => p.selection.shard);
  if (shards.every((s) => s === undefined)) return;
  const parsed = shards.map((s, i) => {
    if (s === undefined)
      throw new UsageError(`${names[i]} is not a shard, but the others are: merge only shards.`);
    try {
      return parseShard(s);
    } catch (e) {
      throw new UsageError(`${names[i]}: selection.shard: ${(e as Error).message.replace(/--shard /g, '')}`);
    }
  });
  const total = parsed[0]!.total;
  if (parsed.some((s) => s.total !== total)) {
    throw new UsageError(`the parts come from different splits: ${shards.join(', ')}.`);
  }
  const missing = Array.from({ length: total }, (_, i) => i + 1).filter(
    (i) => !parsed.some((s) => s.index === i),
  );
  if (missing.length > 0) {
    throw new UsageError(
      `shard ${missing.map((i) => `${i}/${total}`).join(', ')} missing: give the results of all ${total} shards.`,
    );
  }
}

async function mergeCommand(dirs: string[], opts: MergeOptions, io: IO): Promise<number> {
  checkReportDir(opts.report);
  const reporterNames = await parseReporters(opts.reporter);
  const baseline = await loadBaseline(opts);
  const { readResults } = await import('../report/json.ts');
  const files = dirs.map((d) => (d.endsWith('.json') ? d : join(d, 'results.json')));
  const parts = files.map((file) => {
    try {
      return readResults(file);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  });
  checkShardsComplete(parts, files);
  let raw: ResultsFile;
  try {
    raw = mergeResults(parts);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // Without a baseline file here, the shards' own acceptance stands.
  const { results: merged, text } = baseline
    ? await withBaseline(raw, baseline, false)
    : { results: raw, text: '' };
  const { writeReports } = await import('../report/reporter.ts');
  const written = writeReports(opts.report, merged, reporterNames);
  written.push(...(await mergeAnalysisDirs(dirs, opts.report)));
  return printOutcome(io, merged, { quiet: opts.quiet, report: opts.report, written, baseline: text });
}

const INIT_DESCRIPTIONS: Record<string, string> = {
  'scenarios/photo-tool-before-easter.yaml': 'a journey that dead-ends (and expects to)',
  'scenarios/photo-tool-order-page.yaml': 'the fix that rescues it: a capability switched on',
  'fixtures/merchants/example-shop.yaml': 'the merchant profile: the business under test',
  'fixtures/calendars/example-support-hours.yaml': "the support desk's hours and holidays",
  '.github/workflows/deadend.yml': 'CI: run the scenarios on every push (GitHub Actions)',
  'deadend.config.ts': 'settings: scenario paths, fixtures, reports (flags override them)',
};

async function initCommand(dir: string, io: IO): Promise<number> {
  const { ignoreReports, initFiles, writeNew } = await import('./commands/init.ts');
  let written: string[];
  try {
    written = writeNew(dir, initFiles(dir));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const ignored = ignoreReports(dir);
  if (ignored) {
    written.push('.gitignore');
    INIT_DESCRIPTIONS['.gitignore'] = ignored === 'created' ? 'keeps reports/ out of git' : 'reports/ added';
  }
  const width = Math.max(...written.map((p) => p.length));
  const here = dir === '.' || dir === './' || dir === '';
  io.stdout.write(
    [
      `Created a deadend project in ${here ? 'this folder' : dir}:`,
      ...written.map((p) => `  ${p.padEnd(width)}  ${INIT_DESCRIPTIONS[p] ?? ''}`.trimEnd()),
      '',
      'Next:',
      ...(here ? [] : [`  cd ${dir}`]),
      '  npx deadend validate                     check the scenario files',
      '  npx deadend run                          run them: one of the journeys dead-ends',
      '  npx deadend new scenario my-journey      start a scenario of your own',
      '',
      `The scenario guide walks through every field: ${join(relative(dir, ROOT) || '.', 'docs', 'scenario-guide.md')}`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

async function newScenarioCommand(
  name: string,
  opts: { merchant?: string; merchants: string; dir: string },
  io: IO,
): Promise<number> {
  const { checkScenarioName, merchantIds, scenarioTemplate, schemaComment, writeNew } = await import(
    './commands/init.ts'
  );
  const { loadMerchantFile } = await import('../scenario/load.ts');
  const { formatSourceError } = await import('../scenario/source.ts');
  try {
    checkScenarioName(name);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const known = merchantIds(opts.merchants);
  const id = opts.merchant ?? known[0];
  if (id === undefined) {
    throw new UsageError(
      `no merchant profiles in ${opts.merchants}: a scenario needs one. \`deadend init\` writes an example; ` +
        'or name another folder with --merchants.',
    );
  }
  if (!known.includes(id)) {
    throw new UsageError(`no merchant profile "${id}" in ${opts.merchants}; known: ${known.join(', ')}.`);
  }
  const loaded = await loadMerchantFile(join(opts.merchants, `${id}.yaml`), { merchantsDir: opts.merchants });
  if (!loaded.value) {
    for (const error of loaded.errors) io.stderr.write(`${formatSourceError(error)}\n`);
    throw new UsageError(`the merchant profile ${id} has errors: fix them first (see above).`);
  }
  const file = `${name}.yaml`;
  try {
    writeNew(opts.dir, {
      [file]: scenarioTemplate(name, loaded.value, schemaComment(opts.dir, 'scenario'), join(opts.dir, file)),
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const path = join(opts.dir, file);
  const { expectWhatHappens } = await import('./firstRun.ts');
  await expectWhatHappens(path, { merchantsDir: opts.merchants, faults: faultCatalogue });
  io.stdout.write(
    [
      `Wrote ${path} (merchant ${id}${opts.merchant ? '' : `, the first in ${opts.merchants}; choose another with --merchant`}).`,
      'Edit it (every field is commented), then:',
      `  npx deadend validate ${path}`,
      `  npx deadend run ${path}`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

/** The generated documentation pages, by path relative to the docs folder. */
export function generatedDocs(): Record<string, string> {
  return { 'faults.md': faultCatalogueMarkdown(faultCatalogue), 'oracles.md': oracleCatalogueMarkdown() };
}

function docsCommand(opts: { out: string; check?: boolean }, io: IO): number {
  const stale: string[] = [];
  for (const [name, content] of Object.entries(generatedDocs())) {
    const path = join(opts.out, name);
    const shown = relative(process.cwd(), path) || path;
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (opts.check) {
      if (current !== content) stale.push(shown);
      continue;
    }
    if (current === content) {
      io.stdout.write(`${shown} is up to date\n`);
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      io.stdout.write(`wrote ${shown}\n`);
    }
  }
  if (stale.length > 0) {
    io.stderr.write(`${stale.join(', ')} out of date: run \`npm run docs\` and commit the result.\n`);
    return EXIT.failed;
  }
  if (opts.check) io.stdout.write('generated docs are up to date\n');
  return EXIT.ok;
}

// ---------------------------------------------------------------------------------------------
// The program

const EXIT_CODES_HELP = `
Exit codes:
  0  every run met its expectation
  1  some run did not (a new dead end, a missing finding, …): see the missed expectations
  2  bad input or usage (unknown option, bad value, invalid scenario file): nothing is run
  3  deadend itself failed (a bug: the stack trace is printed)
  130, 143  interrupted (Ctrl-C, SIGTERM): the finished runs are reported, marked partial`;

export function buildProgram(io: IO, setExit: (code: number) => void): Command {
  const program = new Command('deadend')
    .description(
      'Failure-mode test harness for customer journeys: replays scripted journeys against a sandbox of ' +
        'mail, payment, licensing and support, injects failures, searches the recovery paths a customer ' +
        'could take, and reports the journeys that dead-end.',
    )
    .version(VERSION, '-V, --version', 'print the deadend version')
    .helpOption('-h, --help', 'show help (also: deadend <command> --help)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Every error line starts `deadend:`, whether commander or a command found the problem.
      outputError: (text, write) => write(text.replace(/^error: /, 'deadend: ')),
    })
    .showHelpAfterError('(add --help for usage)')
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      `
Examples:
  npx deadend run                          run every scenario in scenarios/ (seed 1)
  npx deadend run scenarios/000-converter-lite-christmas-eve.yaml --seed 7
  npx deadend run --target http            the same journeys against the reference shop over HTTP
  npx deadend validate                     check the scenario files without running them
  npx deadend faults                       list the faults a scenario can inject
  npx deadend init                         start a project: example scenarios, fixtures, CI workflow
  npx deadend new scenario my-journey      write scenarios/my-journey.yaml from a template
${EXIT_CODES_HELP}

Docs: README.md, docs/ (scenario guide, docs/faults.md).`,
    );

  program
    .command('run')
    .summary('run the scenarios and report the outcomes')
    .description(
      'Loads and validates the scenarios, runs every journey × fault combination, writes the reports ' +
        'and prints an outcome table, every missed expectation (with why and a replay command) and a ' +
        'one-line summary. Progress goes to stderr, the outcome to stdout.\n\n' +
        'Bad input stops everything: when any scenario file has an error, every error is printed as ' +
        'file:line:col: message and nothing is run (exit 2). Fix the files, or run only the good ones ' +
        'by naming them.',
    )
    .argument('[paths...]', 'scenario files (*.yaml, *.yml, *.scenario.ts) or folders of them', [
      'scenarios/',
    ])
    .addOption(
      new Option('--seed <n>', 'seed of every random choice; the same seed gives byte-identical results.json')
        .argParser(parseSeed)
        .default(1),
    )
    .addOption(
      new Option(
        '--target <target>',
        "where journeys run: sim (the models, in-process), http (the sandbox servers and a real shop over the wire), browser (Chromium as the customer on the shop's pages), container (the shop in a Docker container)",
      )
        .choices(TARGETS)
        .default('sim'),
    )
    .option('--report <dir>', 'folder the reports are written to', 'reports/latest')
    .option(
      '--reporter <list>',
      'comma-separated reporters: json, md, junit, html, github (annotations; on by default under GITHUB_ACTIONS), or a module of your own (./my-reporter.ts, docs/ci.md); json alone on one thread writes results.json as the suite runs, in flat memory',
      'json,md,html',
    )
    .option(
      '--grep <text>',
      'run only the runs whose name contains TEXT (case-sensitive): "scenario-id › fault+fault › #persona", as in the replay commands, or whose scenario title does',
    )
    .option('--grep-invert <text>', 'leave out the runs whose name (or scenario title) contains TEXT')
    .option(
      '--last-failed',
      'run only the runs that missed their expectation in the last results (--report DIR/results.json)',
    )
    .option('--list', 'print the runs that would run (after --grep, --shard, …) and run nothing')
    .option(
      '--config <file>',
      'config file (default: deadend.config.ts, .mjs or .js in this folder when there is one); flags override it',
    )
    .addOption(
      new Option(
        '--shard <i/n>',
        'run only shard i of n (1-based, stable split of the runs); combine with merge-reports',
      ).argParser(parseShardOption),
    )
    .addOption(
      new Option(
        '--workers <n>',
        'worker threads that share the runs; 1 runs in-process. Default: one per core, but at most one per 200 runs (a small suite runs in-process); http: 1, browser: one per core, container: always 1. The results are the same bytes whatever N is',
      ).argParser(parseWorkers),
    )
    .addOption(
      new Option(
        '--fixes <n>',
        'keep only the n best what-if fixes, each still with every dead end it rescues; the what-if stops searching a change once it cannot make the n best (faster). Default: every fix. Not with --shard (a shard’s best are not the suite’s)',
      ).argParser(parseFixesTop),
    )
    .option(
      '--baseline <file>',
      `baseline of accepted dead ends (default: ${BASELINE_FILE} when it exists): a dead end it lists passes as accepted`,
    )
    .option(
      '--update-baseline',
      'write the baseline: accept every dead end of this run that was not expected, drop the ones that disappeared (entries of runs not selected by --grep/--shard are kept)',
    )
    .option('--merchants <dir>', 'folder of merchant profiles (ID.yaml)', 'fixtures/merchants')
    .option('--calendars <dir>', 'folder of holiday calendars', 'fixtures/calendars')
    .option(
      '--shop-url <url>',
      'http and browser targets: the base URL of your shop (default: the reference shop, started for the run)',
    )
    .option(
      '--adapter <file>',
      'http, browser and container targets: a module whose default export maps customer actions to your shop (docs/http-target.md)',
    )
    .option(
      '--image <name>',
      'container target: your merchant image, started with the sandbox in its environment (default: the reference shop, built locally)',
    )
    .option('--container-env <key=value...>', 'container target: more environment for the merchant container')
    .option(
      '--health-path <path>',
      'container target: the path that answers 200 once your shop is ready (default /healthz)',
    )
    .addOption(
      new Option(
        '--sandbox-port <port>',
        'real targets: port of the sandbox APIs your shop calls (default: a free port)',
      ).argParser(parsePortOption),
    )
    .addOption(
      new Option(
        '--smtp-port <port>',
        'real targets: port of the sandbox SMTP server (default: a free port)',
      ).argParser(parsePortOption),
    )
    .option(
      '-q, --quiet',
      'no progress and no outcome table: only missed expectations, the baseline and the summary',
    )
    .addHelpText(
      'after',
      `
Writes to --report DIR, one file per reporter: results.json (json: the contract, schemaVersion
${SCHEMA_VERSION}), summary.md (md), junit.xml (junit), report.html (html). See reports/README.md.

Every run prints its replay command; rerun one alone with it, e.g.
  npx deadend run scenarios/000-converter-lite-christmas-eve.yaml --seed 1 \\
    --grep 'converter-lite-christmas-eve › key-quarantined › #0'

Baseline: a dead end where none was expected fails the run, unless ${BASELINE_FILE} (or
--baseline FILE) lists its scenario and faults; then it passes as an accepted dead end. The output
lists new, accepted and disappeared dead ends. Accept the current ones with --update-baseline.

Sharding in CI: run each part with --shard 1/3, 2/3, 3/3 --report reports/shard-N, then
  npx deadend merge-reports reports/shard-1 reports/shard-2 reports/shard-3 --report reports/all
(docs/ci.md has a GitHub Actions matrix.)
${EXIT_CODES_HELP}`,
    )
    .action(async (paths: string[], opts: RunOptions, command: Command) => {
      const { config, paths: chosen, apply } = await configured(paths, opts, command);
      const reporterFromCli = command.getOptionValueSource('reporter') === 'cli';
      const chosenOpts: RunOptions = {
        ...apply(opts),
        reporterFromCli,
        ...(config.reporters ? { reporterEntries: config.reporters } : {}),
      };
      const code = await runCommand(chosen, chosenOpts, io);
      // The Monte Carlo (--monte-carlo N, or scenarios in monte-carlo mode) goes beside the run.
      const mc =
        code !== EXIT.usage && chosenOpts.monteCarloWanted
          ? await monteCarloAfterRun(chosen, chosenOpts, io)
          : EXIT.ok;
      setExit(mc === EXIT.ok ? code : mc);
    });
  for (const o of monteCarloOptions()) program.commands.find((c) => c.name() === 'run')!.addOption(o);
  registerAnalyze(program, io, setExit);

  program
    .command('validate')
    .summary('check scenario files without running them')
    .description(
      'Checks scenario files against the format, the fault catalogue and the merchant profiles, and ' +
        'prints every problem as file:line:col: message. Exit 0 when all are valid, 2 otherwise.',
    )
    .argument('[paths...]', 'scenario files or folders', ['scenarios/'])
    .option('--merchants <dir>', 'folder of merchant profiles (ID.yaml)', 'fixtures/merchants')
    .option('--calendars <dir>', 'folder of calendars the support channels name', 'fixtures/calendars')
    .option('--config <file>', 'config file (default: deadend.config.ts, .mjs or .js in this folder)')
    .action(
      async (
        given: string[],
        flags: { merchants: string; calendars: string; config?: string },
        command: Command,
      ) => {
        const { paths, apply } = await configured(given, flags, command);
        const opts = apply(flags);
        const { validateCommand } = await import('./commands/validate.ts');
        setExit(
          await validateCommand(paths, {
            merchantsDir: opts.merchants,
            calendarsDir: opts.calendars,
            out: (line) => io.stdout.write(`${line}\n`),
          }),
        );
      },
    );

  program
    .command('sandbox')
    .summary(
      'serve the sandbox on loopback: Stripe-compatible payment, SMTP + mailbox, licensing, support, control',
    )
    .description(
      'Serves the sandbox models over one session (one world, virtual clock, trace, the fault catalogue) on 127.0.0.1 until Ctrl-C, printing every service and its port. See docs/sandbox.md.',
    )
    .option('--scenario <file>', "serve a scenario's merchant, customer, start time and fault space")
    .option('--faults <labels>', "comma-separated labels of the scenario's faults active from the start")
    .addOption(new Option('--seed <n>', 'seed of every random choice').argParser(parseSeed).default(1))
    .option(
      '--base-port <n>',
      'ports from N up: payment, mailbox, licensing, support, control, smtp (0: free ports)',
    )
    .option('--port <name=port...>', "one service's port, e.g. --port payment=4242 --port smtp=2525")
    .option(
      '--shop [port]',
      'also start the reference shop against the sandbox (default port 8080), to use by hand in a browser',
    )
    .action(async (opts) => {
      const { sandboxCommand } = await import('../targets/sandbox/command.ts');
      setExit(await sandboxCommand(opts, io));
    });

  program
    .command('faults')
    .summary('list the fault catalogue')
    .description('Lists every fault a scenario can inject: id, summary, parameters and their defaults.')
    .option('--markdown', 'print the catalogue as Markdown (the content of docs/faults.md)')
    .action((opts: { markdown?: boolean }) => {
      io.stdout.write(
        opts.markdown ? faultCatalogueMarkdown(faultCatalogue) : faultCatalogueText(faultCatalogue),
      );
      setExit(EXIT.ok);
    });

  program
    .command('oracles')
    .summary('list the findings oracles')
    .description(
      'Lists every oracle that looks for failures that are not dead ends (silent failures, ping-pong, zombie notices, …): id, severity and what it checks.',
    )
    .option('--markdown', 'print the catalogue as Markdown (the content of docs/oracles.md)')
    .action((opts: { markdown?: boolean }) => {
      io.stdout.write(opts.markdown ? oracleCatalogueMarkdown() : oracleCatalogueText());
      setExit(EXIT.ok);
    });

  program
    .command('merge-reports')
    .summary('merge the results of shards into one report')
    .description(
      'Reads DIR/results.json of each shard (or a results.json path), checks that they are all the ' +
        'shards of one run (same seed, target, --grep and version; every shard i/n present once), ' +
        'merges them into the results of one unsharded run and writes the reports. ' +
        'Exit codes as for run: 0 all passed, 1 some runs missed their expectation, 2 bad input.',
    )
    .argument('<dirs...>', 'report folders (or results.json files) of the shards')
    .option('--report <dir>', 'folder the merged reports are written to', 'reports/merged')
    .option('--reporter <list>', 'comma-separated reporters: json, md, junit, html', 'json,md,html')
    .option(
      '--baseline <file>',
      `baseline of accepted dead ends, applied to the merged runs (default: ${BASELINE_FILE} when it exists; without one, the shards' acceptance stands)`,
    )
    .option('-q, --quiet', 'no outcome table: only missed expectations and the summary')
    .action(async (dirs: string[], opts: MergeOptions) => setExit(await mergeCommand(dirs, opts, io)));

  program
    .command('init')
    .summary('start a deadend project: scenarios, fixtures and a CI workflow')
    .description(
      'Writes a starter project into DIR (default: the current folder): a merchant profile ' +
        '(fixtures/merchants/), a support calendar (fixtures/calendars/), a scenario that dead-ends, ' +
        'a second scenario with the fix that rescues it (scenarios/), deadend.config.ts, and a GitHub ' +
        'Actions workflow (.github/workflows/deadend.yml); adds reports/ to .gitignore. Never ' +
        'overwrites: when any of these files exists, nothing is written (exit 2).',
    )
    .argument('[dir]', 'project folder', '.')
    .action(async (dir: string) => setExit(await initCommand(dir, io)));

  const create = program
    .command('new')
    .summary('create a file from a template (deadend new scenario NAME)')
    .description('Creates a file from a commented template. Never overwrites an existing file.');
  create
    .command('scenario')
    .summary('write scenarios/NAME.yaml from a commented template')
    .description(
      'Writes scenarios/NAME.yaml: a commented scenario for one of your merchant profiles (its first ' +
        'product, steps that fit the product, two faults, expectations to adjust) that ' +
        '`deadend validate` accepts. Exit 2 when the file exists.',
    )
    .argument('<name>', 'scenario id and file name: lower-case letters, digits and dashes')
    .option('--merchant <id>', 'merchant profile the journey is with (default: the first in --merchants)')
    .option('--merchants <dir>', 'folder of merchant profiles (ID.yaml)', 'fixtures/merchants')
    .option('--dir <dir>', 'folder the scenario is written to', 'scenarios')
    .action(async (name: string, opts: { merchant?: string; merchants: string; dir: string }) =>
      setExit(await newScenarioCommand(name, opts, io)),
    );

  program
    .command('docs')
    .summary('regenerate the generated docs (docs/faults.md)')
    .description(
      'Regenerates the documentation generated from the code: docs/faults.md from the fault catalogue.',
    )
    .option('--out <dir>', 'docs folder', relative(process.cwd(), join(ROOT, 'docs')) || 'docs')
    .option('--check', 'write nothing; exit 1 when a generated page is out of date')
    .action((opts: { out: string; check?: boolean }) => setExit(docsCommand(opts, io)));

  return program;
}

/** Runs the CLI with the arguments after `deadend`; resolves to the exit code. */
export async function main(argv: readonly string[], io: IO = process): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version "exit" 0; every usage error commander finds is exit 2 (not its 1).
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`deadend: ${error.message}\n`);
      return EXIT.usage;
    }
    const e = error as Error;
    io.stderr.write(`deadend: internal error: ${e?.stack ?? String(error)}\n`);
    return EXIT.internal;
  }
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
