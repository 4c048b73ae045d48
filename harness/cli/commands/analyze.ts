/**
 * `deadend analyze [paths]` — minimal cut sets, single points of failure, rescuing faults,
 * top-event probabilities, FMEA tables and fault trees per journey, and with `--monte-carlo N`
 * the share of customers stranded — and the Monte Carlo that `deadend run --monte-carlo N`
 * adds to a run. Writes analysis.json, analysis.md and analysis.html to the report folder.
 */

import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { AnalysisFile } from '../../core/contract.ts';
import { parseShard, type Shard } from '../../core/merge.ts';
import type { LoadedScenario } from '../../scenario/load.ts';
import { EXIT, type IO, UsageError } from '../io.ts';
import { loadScenarioFiles } from '../loadScenarioFiles.ts';
import { parseSeed, parseWorkers } from '../options.ts';

export const MAX_CUSTOMERS = 10_000_000;
const ANALYSIS_MARK = '<!-- deadend analysis -->';

export function parseCustomers(text: string): number {
  const n = Number(text.replace(/_/g, ''));
  if (!/^\d[\d_]*$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1 || n > MAX_CUSTOMERS)
    throw new InvalidArgumentError(
      `The number of customers must be a whole number from 1 to ${MAX_CUSTOMERS.toLocaleString('en-US')}, e.g. --monte-carlo 100000.`,
    );
  return n;
}

export function parsePrecision(text: string): number {
  const n = Number(text);
  if (!/^\d*\.?\d+(e-?\d+)?$/i.test(text.trim()) || !(n > 0) || n > 0.5)
    throw new InvalidArgumentError(
      'The precision is a 95% half-width above 0 and at most 0.5, e.g. --precision 0.01.',
    );
  return n;
}

function parseMaxSize(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > 64)
    throw new InvalidArgumentError('The largest cut set is a whole number from 1 to 64, e.g. --max-size 3.');
  return n;
}

function parseShardOption(text: string): Shard {
  try {
    return parseShard(text);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message.replace(/^Invalid --shard "[^"]*": /, ''));
  }
}

export interface AnalyzeOptions {
  seed: number;
  report: string;
  maxSize?: number;
  monteCarlo?: number;
  precision?: number;
  shard?: Shard;
  workers?: number;
  merchants: string;
  calendars: string;
  /** `run --monte-carlo`: the Monte Carlo only, no cut sets. */
  cutSets?: boolean;
  quiet?: boolean;
}

/** Loads, analyses, writes analysis.json/.md/.html, prints the tables. */
export async function analyzeCommand(paths: string[], opts: AnalyzeOptions, io: IO): Promise<number> {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length)
    throw new UsageError(`${missing.map((p) => `${p}: no such file or folder`).join('\n')}`);
  for (const [dir, what] of [
    [opts.merchants, '--merchants'],
    [opts.calendars, '--calendars'],
  ] as const)
    if (!existsSync(dir) || !statSync(dir).isDirectory())
      throw new UsageError(`${what} ${dir}: no such folder.`);
  if (opts.precision !== undefined && opts.monteCarlo === undefined && opts.cutSets !== false)
    throw new UsageError('--precision goes with --monte-carlo N (the most customers to simulate).');
  const scenarios = await loadScenarioFiles(
    paths,
    opts,
    io,
    () => '\nErrors in the scenario files: nothing was analysed.\n',
  );
  if (!scenarios) return EXIT.usage;
  // Cut sets and Monte Carlo analysis read the seed engine's journeys; open scenarios are not analysed yet.
  const loaded = { scenarios: scenarios.filter((s): s is LoadedScenario => !('kind' in s)) };
  if (loaded.scenarios.length === 0) throw new UsageError(`no scenarios found in ${paths.join(', ')}.`);
  const { journeysOfShard, analysisFile } = await import('../../engine/analysis/analysisFile.ts');
  const { analyseJourneys } = await import('../../engine/analysis/parallelAnalysis.ts');
  const cutSets = opts.cutSets !== false;
  const journeys = journeysOfShard(loaded.scenarios, opts.shard).filter(
    (l) => cutSets || opts.monteCarlo !== undefined || l.scenario.explore.mode === 'monte-carlo',
  );
  // After a run: nothing to add when no journey asks for a Monte Carlo.
  if (!cutSets && journeys.length === 0) return EXIT.ok;
  const entries = await analyseJourneys(
    journeys,
    {
      seed: opts.seed,
      cutSets,
      ...(opts.maxSize !== undefined ? { maxSize: opts.maxSize } : {}),
      ...(opts.monteCarlo !== undefined ? { monteCarlo: opts.monteCarlo } : {}),
      ...(opts.precision !== undefined ? { precision: opts.precision } : {}),
      calendarsDir: opts.calendars,
    },
    {
      workers: opts.workers ?? Math.min(availableParallelism(), journeys.length > 4 ? 2 : 1),
      paths,
      merchantsDir: opts.merchants,
      onJourney: io.stderr.isTTY ? (id) => io.stderr.write(`\r\x1b[2Kanalysed ${id}`) : undefined,
    },
  );
  if (io.stderr.isTTY) io.stderr.write('\r\x1b[2K');
  const file = analysisFile(
    opts.seed,
    entries,
    opts.shard ? `${opts.shard.index}/${opts.shard.total}` : undefined,
  );
  await renderAnalysis(opts.report, file);
  const written = writeAnalysis(opts.report, file);
  const { analysisText } = await import('../../report/analysisText.ts');
  if (!opts.quiet) io.stdout.write(analysisText(file));
  io.stdout.write(`Analysis of ${file.journeys.length} journeys written to ${written.join(', ')}\n`);
  return EXIT.ok;
}

export function writeAnalysis(dir: string, file: AnalysisFile): string[] {
  mkdirSync(dir, { recursive: true });
  const out = [join(dir, 'analysis.json'), join(dir, 'analysis.md'), join(dir, 'analysis.html')];
  writeFileSync(out[0]!, `${JSON.stringify(file, null, 2)}\n`);
  return out;
}

/** `merge-reports`: when every part folder has an analysis.json, merge them (exactly) too. */
export async function mergeAnalysisDirs(dirs: readonly string[], report: string): Promise<string[]> {
  const files = dirs.map((d) => join(d.endsWith('.json') ? join(d, '..') : d, 'analysis.json'));
  if (!files.every((f) => existsSync(f))) return [];
  const { mergeAnalysis } = await import('../../engine/analysis/analysisFile.ts');
  let merged: AnalysisFile;
  try {
    merged = mergeAnalysis(files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as AnalysisFile));
  } catch (e) {
    throw new UsageError(`merging analysis.json: ${(e as Error).message}`);
  }
  await renderAnalysis(report, merged);
  return writeAnalysis(report, merged);
}

async function renderAnalysis(dir: string, file: AnalysisFile): Promise<void> {
  const { analysisMarkdown } = await import('../../report/analysisText.ts');
  const { analysisPage } = await import('../../report/analysisHtml.ts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'analysis.md'), analysisMarkdown(file));
  writeFileSync(join(dir, 'analysis.html'), analysisPage(file));
  // Beside a run's summary.md: the section replaces any earlier one (analysing twice adds it once).
  const summary = join(dir, 'summary.md');
  if (existsSync(summary)) {
    const before = readFileSync(summary, 'utf8').split(ANALYSIS_MARK)[0]!.trimEnd();
    writeFileSync(summary, `${before}\n\n${ANALYSIS_MARK}\n${analysisMarkdown(file)}`);
  }
  // Beside a run's report.html: the page gains the analysis on its first screen.
  const results = join(dir, 'results.json');
  if (existsSync(join(dir, 'report.html')) && existsSync(results)) {
    const { readResults } = await import('../../report/json.ts');
    const { renderHtml } = await import('../../report/html.ts');
    const { maskResults } = await import('../../core/contract.ts');
    const { analysisSection } = await import('../../report/analysisHtml.ts');
    const { reportCatalogue } = await import('../../engine/reportCatalogue.ts');
    writeFileSync(
      join(dir, 'report.html'),
      renderHtml(maskResults(readResults(results)), reportCatalogue(), [analysisSection(file)]),
    );
  }
}

/** The options `run` shares with `analyze`. */
export function monteCarloOptions(): Option[] {
  return [
    new Option(
      '--monte-carlo <n>',
      'also simulate N customers per journey: faults drawn with their probabilities, traits from customer.population; writes analysis.json/.md/.html',
    ).argParser(parseCustomers),
    new Option(
      '--precision <p>',
      'with --monte-carlo: stop a journey early once every outcome share is known to ± p (95%)',
    ).argParser(parsePrecision),
  ];
}

export function registerAnalyze(program: Command, io: IO, setExit: (code: number) => void): void {
  const cmd = program
    .command('analyze')
    .summary('which failures strand customers: minimal cut sets, FMEA, fault trees, Monte Carlo')
    .description(
      'Per journey: the minimal cut sets of faults that lead to a dead end (and to each high-severity ' +
        'finding), searched by increasing size; single points of failure, also given the scenario’s ' +
        'environment (faults with a time window, such as a holiday closure); faults that rescue a cut ' +
        'set; the top-event probability (rare-event approximation, cut-set union, and exact by ' +
        'enumeration up to 12 faults); an FMEA table with RPN; a fault tree (analysis.html). With ' +
        '--monte-carlo N, the share of customers stranded with a 95% interval. In the analyses a fault’s ' +
        '`probability` is the chance it strikes a customer’s journey. Exit 0, or 2 on bad input.',
    )
    .argument('[paths...]', 'scenario files or folders', ['scenarios/'])
    .addOption(new Option('--seed <n>', 'seed of every random choice').argParser(parseSeed).default(1))
    .option(
      '--report <dir>',
      'folder analysis.json, analysis.md and analysis.html are written to',
      'reports/latest',
    )
    .addOption(
      new Option(
        '--max-size <k>',
        'largest cut set searched (default: every size up to 8 faults, else 3)',
      ).argParser(parseMaxSize),
    );
  for (const o of monteCarloOptions()) cmd.addOption(o);
  cmd
    .addOption(
      new Option(
        '--shard <i/n>',
        'analyse only part i of n (whole journeys); merge-reports joins the parts',
      ).argParser(parseShardOption),
    )
    .addOption(new Option('--workers <n>', 'worker threads (journeys in parallel)').argParser(parseWorkers))
    .option('--merchants <dir>', 'folder of merchant profiles (ID.yaml)', 'fixtures/merchants')
    .option('--calendars <dir>', 'folder of holiday calendars', 'fixtures/calendars')
    .option('-q, --quiet', 'print only where the analysis was written')
    .addHelpText(
      'after',
      `
Examples:
  deadend analyze scenarios/000-converter-lite-christmas-eve.yaml
  deadend analyze --monte-carlo 100000 --precision 0.005
  deadend analyze --max-size 3 big-scenario.yaml

What a cut set, a single point of failure, FMEA and RPN mean here: docs/analysis.md`,
    )
    .action(async (paths: string[], opts: AnalyzeOptions) => {
      const code = await analyzeCommand(paths, opts, io);
      setExit(code);
    });
}

/** Called by `run --monte-carlo N` after the run: the Monte Carlo into the same report folder. */
export async function monteCarloAfterRun(
  paths: string[],
  opts: Omit<AnalyzeOptions, 'maxSize' | 'cutSets'> & { target?: string },
  io: IO,
): Promise<number> {
  // Thousands of customers are simulated on the models; a real target runs the scripted runs only.
  if (opts.target && opts.target !== 'sim' && opts.monteCarlo !== undefined)
    io.stderr.write(`deadend: the Monte Carlo runs on the sim target, not on ${opts.target}.\n`);
  return analyzeCommand(paths, { ...opts, cutSets: false }, io);
}
