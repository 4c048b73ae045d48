/**
 * The what-if against the main pass on the stress rows, side by side in one process:
 * `npx node bench/whatIfStress.ts [--rows 0,1,5]` (rows by index in STRESS_SHAPES; default all).
 *
 * Per row: one thread (the main pass through `runOne`, the full what-if, the what-if kept to its
 * top 3), then the same journey written as a scenario file and run by `runSuiteParallel` on 2
 * worker threads with the what-if on them (main pass: until the last run is in, worker start
 * included; what-if: the rest), full and top 3. It checks that the threaded fixes are the
 * one-thread fixes. Wall time read with `performance.now()`; the load average is printed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { runSuiteParallel } from '../harness/engine/parallel.ts';
import { planRuns } from '../harness/engine/runner.ts';
import { type LoadedScenario, loadScenarios } from '../harness/scenario/load.ts';
import type { Scenario } from '../harness/scenario/schema.ts';
import { table } from './benchReport.ts';
import { machine, revision } from './run.ts';
import {
  measureStress,
  STRESS_SEED_ID,
  STRESS_SHAPES,
  type StressShape,
  shapeName,
  stressScenario,
} from './stress.ts';

const TOP = 3;
const SEED = 1;

/** The stress journey as a scenario file (the resend capability as the scenario's own switch). */
function stressFile(seed: LoadedScenario, shape: StressShape): Scenario {
  const s = stressScenario(seed, shape).scenario;
  if (!shape.resend) return s;
  const m = s.merchant;
  const own = typeof m === 'string' ? { profile: m } : m;
  return { ...s, merchant: { ...own, capabilities: { ...own.capabilities, resendConfirmation: true } } };
}

async function threaded(file: string, top?: number) {
  const { scenarios, errors } = await loadScenarios([file]);
  if (errors.length) throw new Error(JSON.stringify(errors));
  const total = planRuns(scenarios[0]!, {}).length;
  let seen = 0;
  let mainDone = 0;
  const t = performance.now();
  const results = await runSuiteParallel(scenarios, {
    seed: SEED,
    paths: [file],
    workers: 2,
    whatIf: top === undefined ? {} : { top },
    onRun: () => {
      if (++seen === total) mainDone = performance.now();
    },
  });
  const end = performance.now();
  return { mainMs: mainDone - t, whatIfMs: end - mainDone, fixes: results.fixes ?? [] };
}

const argRows = process.argv.indexOf('--rows');
const rows = argRows > 0 ? process.argv[argRows + 1]!.split(',').map(Number) : STRESS_SHAPES.map((_, i) => i);
const { scenarios } = await loadScenarios(['scenarios']);
const seed = scenarios.find((s) => s.scenario.id === STRESS_SEED_ID)!;
const dir = mkdtempSync(path.join(os.tmpdir(), 'deadend-whatif-bench-'));
const load0 = os.loadavg()[0]!;
const out: string[][] = [];
const ms = (n: number) => Math.round(n).toLocaleString('en-US');
try {
  for (const i of rows) {
    const shape = STRESS_SHAPES[i]!;
    process.stderr.write(`… ${shapeName(shape)}\n`);
    const loaded = stressScenario(seed, shape);
    const row = measureStress(seed, shape, SEED, TOP);
    const { mainMs, whatIfMs, allFixes: fixes } = row;
    const topMs = row.whatIfTopMs!;
    const file = path.join(dir, `${loaded.scenario.id}.yaml`);
    writeFileSync(file, stringify(stressFile(seed, shape)));
    const w = await threaded(file);
    const wTop = await threaded(file, TOP);
    const same =
      JSON.stringify(w.fixes) === JSON.stringify(fixes) &&
      JSON.stringify(wTop.fixes) === JSON.stringify(fixes.slice(0, TOP)) &&
      JSON.stringify(row.topFixes) === JSON.stringify(fixes.slice(0, TOP));
    out.push([
      shapeName(shape),
      ms(row.runs),
      ms(row.deadEnds),
      ms(mainMs),
      ms(whatIfMs),
      ms(topMs),
      ms(w.mainMs),
      ms(w.whatIfMs),
      ms(wTop.whatIfMs),
      (whatIfMs / mainMs).toFixed(2),
      (topMs / mainMs).toFixed(2),
      (w.whatIfMs / w.mainMs).toFixed(2),
      (wTop.whatIfMs / w.mainMs).toFixed(2),
      same ? 'yes' : 'NO',
    ]);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(
  [
    `Date: ${new Date().toISOString().slice(0, 10)}  `,
    `Machine: ${machine()}  `,
    `Commit: ${revision()}  `,
    `Load average (1 min) before → after: ${load0.toFixed(2)} → ${os.loadavg()[0]!.toFixed(2)}`,
    '',
    table(
      [
        'Stress journey',
        'runs',
        'dead ends',
        '1 thread: main ms',
        'what-if ms',
        `top ${TOP} ms`,
        '2 workers: main ms',
        'what-if ms',
        `top ${TOP} ms`,
        '1 thread: what-if / main',
        `top ${TOP} / main`,
        '2 workers: what-if / main',
        `top ${TOP} / main`,
        'same fixes',
      ],
      out,
      ['l', ...Array<'r'>(13).fill('r')],
    ),
    '',
  ].join('\n'),
);
