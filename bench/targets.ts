/**
 * Seconds per journey on each target, side by side in one process: the seed suite (`scenarios/`)
 * through `runSuite` on `sim`, `http`, `browser` and `container`, with each target's start-up
 * (`startHttpTarget`; for `container` the image build, timed on its own first) kept apart from the
 * suite's wall time. Customer actions at the shop are counted by wrapping the connector's ShopPort.
 * Every target's results must agree with sim's — the same outcome and findings oracles, in the
 * same order, for every run — or the bench fails (exit 1). A target this machine cannot run (no
 * Chromium, no Docker engine) is reported as "not measured", not a crash. sim always runs: it is
 * the reference.
 *
 *   npx node bench/targets.ts [--repeat N] [--only sim,http,browser,container] [--json] [--write]
 *
 * `--repeat N` runs the suite N times per target start-up (median reported); `--write` rewrites
 * the "Seconds per journey, per target" section of bench/README.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { ResultsFile } from '../harness/core/contract.ts';
import { type Connector, runSuite } from '../harness/engine/runner.ts';
import { directShop, type ShopPort } from '../harness/merchant/shopPort.ts';
import { type LoadedScenario, loadScenarios } from '../harness/scenario/load.ts';
import { CHROMIUM, launchSharedBrowser } from '../harness/targets/browser/browserAdapter.ts';
import { dockerAvailable } from '../harness/targets/container/engine.ts';
import { buildShopImage } from '../harness/targets/container/image.ts';
import { type HttpTargetOptions, startHttpTarget } from '../harness/targets/http/wireShop.ts';
import { table } from './benchReport.ts';
import { machine, revision } from './run.ts';

export const TARGET_NAMES = ['sim', 'http', 'browser', 'container'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

const SEED = 1;
const SCENARIOS_DIR = 'scenarios';
/** The worker thread startHttpTarget talks to (synckit keeps one per path: this is the same one). */

/** What the wrapped connector saw during one suite. */
export interface Meter {
  /** Calls on the ShopPort, in all and per method. */
  actions: number;
  byAction: Record<string, number>;
  /** Time inside those calls. */
  actionMs: number;
  /** Time in prepareRun and finishRun (sandbox reset per run, evidence kept or dropped). */
  setupMs: number;
}

export const newMeter = (): Meter => ({ actions: 0, byAction: {}, actionMs: 0, setupMs: 0 });

/** A ShopPort whose every call is counted and timed into `meter`. */
export function meteredShop(shop: ShopPort, meter: Meter): ShopPort {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shop) as (keyof ShopPort)[]) {
    const fn = shop[key] as (...args: unknown[]) => unknown;
    out[key] = (...args: unknown[]) => {
      const t = performance.now();
      try {
        return fn.apply(shop, args);
      } finally {
        meter.actionMs += performance.now() - t;
        meter.actions++;
        meter.byAction[key] = (meter.byAction[key] ?? 0) + 1;
      }
    };
  }
  return out as unknown as ShopPort;
}

/** The connector with its shop metered; without one, sim's own shop (`directShop`), metered. */
export function meteredConnector(connect: Connector | undefined, meter: Meter): Connector {
  const base: Connector = connect ?? { prepareRun: () => directShop };
  const wrapped = new WeakMap<ShopPort, ShopPort>();
  const finish = base.finishRun;
  return {
    prepareRun(prep, combo, seedKey) {
      const t = performance.now();
      const shop = base.prepareRun(prep, combo, seedKey);
      meter.setupMs += performance.now() - t;
      const known = wrapped.get(shop);
      if (known) return known;
      const metered = meteredShop(shop, meter);
      wrapped.set(shop, metered);
      return metered;
    },
    ...(finish
      ? {
          finishRun(run) {
            const t = performance.now();
            try {
              return finish.call(base, run);
            } finally {
              meter.setupMs += performance.now() - t;
            }
          },
        }
      : {}),
  };
}

/** One run's identity and what must agree with sim: outcome and findings oracles, in order. */
export function runShapes(results: ResultsFile): { key: string; shape: string }[] {
  return results.scenarios.flatMap((s) =>
    s.runs.map((r) => ({
      key: `${s.id} [${r.faults.join('+')}] #${r.persona.index}`,
      shape: `${r.outcome} {${r.findings.map((f) => f.oracle).join(', ')}}`,
    })),
  );
}

/** The runs where `other` differs from `sim` (a missing or extra run counts as a difference). */
export function disagreements(sim: ResultsFile, other: ResultsFile): string[] {
  const a = runShapes(sim);
  const b = runShapes(other);
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x?.key !== y?.key || x?.shape !== y?.shape)
      out.push(
        `${x?.key ?? y?.key}: sim ${x ? x.shape : '(no run)'}, target ${y ? `${y.shape}` : '(no run)'}`,
      );
  }
  return out;
}

export interface TargetRow {
  target: TargetName;
  /** 'measured'; 'not measured' (this machine cannot run it: `reason`); 'failed' (it broke mid-suite). */
  status: 'measured' | 'not measured' | 'failed';
  reason?: string;
  /** container: buildShopImage() before start-up, and whether it built (false: cached by content hash). */
  imageBuildS?: number;
  imageBuilt?: boolean;
  /** browser: launching and closing Chromium once, the pre-flight check (the target launches its own). */
  chromiumLaunchS?: number;
  /** startHttpTarget (0 for sim). */
  startupS?: number;
  /** close() (0 for sim). */
  stopS?: number;
  runs?: number;
  /** Wall time of each suite run, seconds. */
  suiteS?: number[];
  /** Median of suiteS. */
  wallS?: number;
  perRunS?: number;
  /** First journey of the first suite (the browser launches Chromium in it) and the median journey. */
  firstRunS?: number;
  medianRunS?: number;
  /** Customer actions at the shop per suite, and time inside them. */
  actions?: number;
  byAction?: Record<string, number>;
  msPerAction?: number;
  /** prepareRun + finishRun per run. */
  setupMsPerRun?: number;
  /** perRunS / sim's perRunS. */
  ratio?: number;
  passed?: number;
  agree?: boolean;
  differ?: string[];
}

export interface TargetsResults {
  date: string;
  machine: string;
  commit: string;
  load: [number, number];
  seed: number;
  scenarios: number;
  runs: number;
  loadMs: number;
  repeat: number;
  rows: TargetRow[];
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const secondsSince = (t: number) => (performance.now() - t) / 1000;
const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;

/** Runs the suite `repeat` times on one started target and fills the row's measures in. */
async function measureSuite(
  row: TargetRow,
  scenarios: readonly LoadedScenario[],
  repeat: number,
  connect: Connector | undefined,
  sim: ResultsFile | undefined,
  log: (line: string) => void,
): Promise<ResultsFile> {
  const suiteS: number[] = [];
  const runS: number[] = [];
  const meters: Meter[] = [];
  let first: ResultsFile | undefined;
  const differ: string[] = [];
  for (let i = 0; i < repeat; i++) {
    const meter = newMeter();
    let last = performance.now();
    const t = last;
    const results = await runSuite(scenarios, {
      seed: SEED,
      target: row.target,
      ...(connect ? { connect: meteredConnector(connect, meter) } : {}),
      onRun: () => {
        const now = performance.now();
        runS.push((now - last) / 1000);
        last = now;
      },
    });
    suiteS.push(secondsSince(t));
    meters.push(meter);
    first ??= results;
    const against = sim ?? first;
    for (const d of disagreements(against, results)) if (!differ.includes(d)) differ.push(d);
    log(`${row.target}: suite ${i + 1}/${repeat} in ${suiteS.at(-1)!.toFixed(2)} s`);
  }
  const runs = first!.summary.runs;
  row.runs = runs;
  row.suiteS = suiteS;
  row.wallS = median(suiteS);
  row.perRunS = row.wallS / runs;
  row.firstRunS = runS[0]!;
  row.medianRunS = median(runS);
  row.passed = first!.summary.passed;
  if (connect) {
    const m = meters[0]!;
    row.actions = m.actions;
    row.byAction = m.byAction;
    row.msPerAction = median(meters.map((x) => x.actionMs / Math.max(1, x.actions)));
    row.setupMsPerRun = median(meters.map((x) => x.setupMs / runs));
  }
  row.agree = differ.length === 0;
  row.differ = differ;
  return first!;
}

/** Pre-flight: why this machine cannot run a target, or undefined when it can. */
async function cannotRun(target: TargetName, row: TargetRow): Promise<string | undefined> {
  if (target === 'browser') {
    if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (set DEADEND_CHROMIUM)`;
    const t = performance.now();
    try {
      const b = await launchSharedBrowser();
      await b.close();
    } catch (e) {
      return firstLine(e);
    }
    row.chromiumLaunchS = secondsSince(t);
  }
  if (target === 'container') {
    if (!(await dockerAvailable())) return 'no Docker engine answers (`docker info`)';
    const t = performance.now();
    try {
      const image = await buildShopImage();
      row.imageBuilt = image.built;
    } catch (e) {
      return `the shop image did not build: ${firstLine(e)}`;
    }
    row.imageBuildS = secondsSince(t);
  }
  return undefined;
}

const OPTIONS: Record<Exclude<TargetName, 'sim'>, HttpTargetOptions> = {
  http: {},
  browser: { browser: true },
  container: { container: {} },
};

export async function benchTargets(opts: {
  only?: readonly TargetName[];
  repeat: number;
  log?: (line: string) => void;
}): Promise<TargetsResults> {
  process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
  const log = opts.log ?? (() => {});
  const only = opts.only ?? TARGET_NAMES;
  const loadBefore = os.loadavg()[0]!;
  let t = performance.now();
  const loaded = await loadScenarios([SCENARIOS_DIR]);
  const loadMs = performance.now() - t;
  if (loaded.errors.length) throw new Error(`scenarios/ did not load: ${JSON.stringify(loaded.errors)}`);
  const scenarios = loaded.scenarios;

  // sim: the reference every other target is compared with; no connector while timed, then one
  // untimed suite through a metered directShop to count its actions.
  const simRow: TargetRow = { target: 'sim', status: 'measured', startupS: 0, stopS: 0 };
  const sim = await measureSuite(simRow, scenarios, opts.repeat, undefined, undefined, log);
  const simMeter = newMeter();
  await runSuite(scenarios, { seed: SEED, connect: meteredConnector(undefined, simMeter) });
  simRow.actions = simMeter.actions;
  simRow.byAction = simMeter.byAction;
  simRow.msPerAction = simMeter.actionMs / Math.max(1, simMeter.actions);
  simRow.ratio = 1;
  const rows: TargetRow[] = [simRow];

  for (const target of TARGET_NAMES) {
    if (target === 'sim' || !only.includes(target)) continue;
    const row: TargetRow = { target, status: 'measured' };
    rows.push(row);
    log(`${target}: pre-flight`);
    const reason = await cannotRun(target, row);
    if (reason) {
      Object.assign(row, { status: 'not measured', reason });
      log(`${target}: not measured: ${reason}`);
      continue;
    }
    log(`${target}: starting`);
    t = performance.now();
    let connect: ReturnType<typeof startHttpTarget>;
    try {
      connect = startHttpTarget(OPTIONS[target]);
    } catch (e) {
      Object.assign(row, { status: 'not measured', reason: `start-up failed: ${firstLine(e)}` });
      log(`${target}: not measured: ${row.reason}`);
      continue;
    }
    row.startupS = secondsSince(t);
    log(`${target}: started in ${row.startupS.toFixed(2)} s`);
    try {
      await measureSuite(row, scenarios, opts.repeat, connect, sim, log);
      row.ratio = row.perRunS! / simRow.perRunS!;
    } catch (e) {
      Object.assign(row, { status: 'failed', reason: firstLine(e) });
      log(`${target}: failed: ${row.reason}`);
    } finally {
      t = performance.now();
      try {
        connect.close();
      } catch (e) {
        log(`${target}: close failed: ${firstLine(e)}`);
      }
      row.stopS = secondsSince(t);
    }
  }
  return {
    date: new Date().toISOString().slice(0, 10),
    machine: machine(),
    commit: revision(),
    load: [loadBefore, os.loadavg()[0]!],
    seed: SEED,
    scenarios: scenarios.length,
    runs: simRow.runs!,
    loadMs,
    repeat: opts.repeat,
    rows: only.includes('sim') ? rows : rows.filter((r) => r.target !== 'sim'),
  };
}

/** Exit status: 1 when a measured target disagreed with sim or broke mid-suite. */
export const benchFailed = (r: TargetsResults) =>
  r.rows.some((row) => row.status === 'failed' || (row.status === 'measured' && !row.agree));

// Output

const int = (n: number) => Math.round(n).toLocaleString('en-US');
/** Seconds with 3 significant digits at least (sim's are milliseconds). */
const secs = (n: number) => (n >= 10 ? n.toFixed(1) : n >= 0.1 ? n.toFixed(2) : n.toPrecision(2));
const ms = (n: number) => (n >= 10 ? n.toFixed(1) : n >= 0.1 ? n.toFixed(2) : n.toFixed(4));

export const SECTION = '## Seconds per journey, per target';

export function renderSection(r: TargetsResults): string {
  const head = [
    'Target',
    'Start-up s',
    'Suite wall s',
    's/journey',
    'First journey s',
    'Median journey s',
    'Actions/suite',
    'ms/action',
    'Set-up ms/journey',
    'Stop s',
    '× sim',
    'Agree with sim',
  ];
  const rows = r.rows.map((row) => {
    if (row.status === 'not measured')
      return [`\`${row.target}\``, ...head.slice(1, -1).map(() => '—'), `not measured: ${row.reason}`];
    if (row.status === 'failed')
      return [`\`${row.target}\``, ...head.slice(1, -1).map(() => '—'), `FAILED: ${row.reason}`];
    const startup =
      row.target === 'sim'
        ? '—'
        : row.imageBuildS !== undefined
          ? `${secs(row.startupS!)} (+ image ${secs(row.imageBuildS)}, ${row.imageBuilt ? 'built' : 'cached'})`
          : secs(row.startupS!);
    return [
      `\`${row.target}\``,
      startup,
      secs(row.wallS!),
      secs(row.perRunS!),
      secs(row.firstRunS!),
      secs(row.medianRunS!),
      int(row.actions!),
      ms(row.msPerAction!),
      row.setupMsPerRun === undefined ? '—' : ms(row.setupMsPerRun),
      row.target === 'sim' ? '—' : secs(row.stopS!),
      row.ratio! >= 10 ? `×${int(row.ratio!)}` : `×${row.ratio!.toFixed(1)}`,
      row.agree ? 'yes' : `no (${row.differ!.length} runs)`,
    ];
  });
  const notes: string[] = [];
  if (r.repeat > 1)
    notes.push(
      `Each suite run, in order (s): ${r.rows
        .filter((x) => x.suiteS)
        .map((x) => `${x.target} ${x.suiteS!.map(secs).join(', ')}`)
        .join('; ')}.`,
    );
  const browser = r.rows.find((x) => x.target === 'browser' && x.chromiumLaunchS !== undefined);
  if (browser)
    notes.push(
      `Chromium launch + close on its own (the pre-flight check): ${secs(browser.chromiumLaunchS!)} s; the target launches its own Chromium in its first journey.`,
    );
  for (const row of r.rows.filter((x) => x.status === 'measured' && !x.agree))
    notes.push(`\`${row.target}\` disagrees with sim on: ${row.differ!.slice(0, 5).join('; ')}`);
  return [
    SECTION,
    '',
    'How: `npx node bench/targets.ts --write` runs the seed suite with `runSuite` (seed 1) on each target in turn,',
    'in one process. Start-up (`startHttpTarget`, the first also spawning its worker thread; `container`: after',
    '`buildShopImage()`, timed apart) and stop (`close()`) are outside the suite time. The browser target drives one',
    'headless Chromium page, one action after another (launched by the first action, so in the first journey); the',
    'container target runs one merchant container for the whole suite. Actions: calls on the run’s `ShopPort`,',
    'counted by wrapping the connector; ms/action is the time inside them (sandbox restored, the action at the shop,',
    'the world read back); set-up is `prepareRun` + `finishRun`. Agree: every run has sim’s outcome and findings',
    'oracles, in the same order.',
    '',
    `Date: ${r.date}  `,
    `Machine: ${r.machine}  `,
    `Commit: ${r.commit}  `,
    `Load average (1 min) before → after: ${r.load[0].toFixed(2)} → ${r.load[1].toFixed(2)}${
      Math.max(...r.load) > 0.5 ? ' (the machine was not idle: expect noisier timings)' : ''
    }  `,
    `Seed suite: ${r.scenarios} scenarios, ${r.runs} runs, seed ${r.seed}; ${
      r.repeat === 1 ? 'one suite run' : `median of ${r.repeat} suite runs`
    } per target start-up; loading took ${int(r.loadMs)} ms (not included).`,
    '',
    table(head, rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l']),
    ...notes.flatMap((note) => ['', note]),
  ].join('\n');
}

/** The README with the section under `heading` replaced (up to the next `## ` heading), or appended at the end. */
export function withSection(readme: string, section: string, heading = SECTION): string {
  const at = readme.indexOf(`\n${heading}\n`);
  if (at < 0) return `${readme.replace(/\n*$/, '')}\n\n${section}\n`;
  const next = readme.indexOf('\n## ', at + heading.length + 1);
  return next < 0
    ? `${readme.slice(0, at + 1)}${section}\n`
    : `${readme.slice(0, at + 1)}${section}\n${readme.slice(next)}`;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      repeat: { type: 'string', default: '1' },
      only: { type: 'string' },
      json: { type: 'boolean', default: false },
      write: { type: 'boolean', default: false },
    },
  });
  const repeat = Number(values.repeat);
  const only = values.only?.split(',').map((s) => s.trim()) ?? [...TARGET_NAMES];
  const unknown = only.filter((t) => !(TARGET_NAMES as readonly string[]).includes(t));
  if (!Number.isInteger(repeat) || repeat < 1 || unknown.length) {
    process.stderr.write(
      `usage: npx node bench/targets.ts [--repeat N] [--only ${TARGET_NAMES.join(',')}] [--json] [--write]${
        unknown.length ? `\nunknown target: ${unknown.join(', ')}` : ''
      }\n`,
    );
    process.exit(2);
  }
  const results = await benchTargets({
    only: only as TargetName[],
    repeat,
    log: (l) => process.stderr.write(`… ${l}\n`),
  });
  const md = renderSection(results);
  process.stdout.write(values.json ? `${JSON.stringify(results, null, 2)}\n` : `${md}\n`);
  if (values.write) {
    const readme = new URL('./README.md', import.meta.url).pathname;
    writeFileSync(readme, withSection(readFileSync(readme, 'utf8'), md));
    process.stderr.write(`results written to ${readme}\n`);
  }
  const failed = benchFailed(results);
  if (failed) process.stderr.write('bench failed: a target disagreed with sim or broke mid-suite\n');
  // The wire worker thread and testcontainers' client would keep the process alive.
  process.exit(failed ? 1 : 0);
}
