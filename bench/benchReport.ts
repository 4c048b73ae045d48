/**
 * The benchmark's results in words: the Markdown tables and verdicts of bench/README.md's results
 * section, and writing that section in place (bench/run.ts measures; this file only renders).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type BenchResults, MB, type MemoryPoint, SAMPLE_EVERY, TARGETS } from './run.ts';
import { renderStress } from './stressTable.ts';

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const fixed = (n: number, digits = 1) => n.toFixed(digits);
const mark = (ok: boolean) => (ok ? 'met' : 'NOT MET');

/** A Markdown table padded the way `biome format` pads one, so a written README stays lint-clean. */
export function table(head: string[], rows: string[][], align: ('l' | 'r')[]): string {
  const widths = head.map((h, i) => Math.max(3, h.length, ...rows.map((r) => r[i]!.length)));
  const cell = (text: string, i: number) =>
    align[i] === 'r' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = widths.map((w, i) => (align[i] === 'r' ? `${'-'.repeat(w - 1)}:` : `:${'-'.repeat(w - 1)}`));
  return [line(head), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n');
}

export interface Verdicts {
  faultFree: boolean;
  states: boolean;
  seedSuite: boolean;
  memoryFlat: boolean;
  heapRatio: number;
  /** Growth of the heap held after GC from the smallest to the largest suite, per extra run. */
  keptBytesPerRun: number;
  streamedFlat: boolean;
}

export function verdicts(r: BenchResults): Verdicts {
  // The target is per journey on average: the suite's runs/s on one core (the slowest is shown too).
  const mean = 1e6 / r.faultFreeRunsPerSecond;
  const first = r.memory.kept[0]!;
  const last = r.memory.kept.at(-1)!;
  const heapRatio = last.peakHeapMB / first.peakHeapMB;
  return {
    faultFree: mean < TARGETS.faultFreeUs,
    // States the explorer expands per second of exploring; per-run set-up has its own target (1).
    states: r.explore.explorerOnlyPerSecond >= TARGETS.statesPerSecond,
    seedSuite: r.seedSuite.coldMs < TARGETS.seedSuiteMs,
    // Judged on the streamed aggregation (streamSuite → writeResultsStreaming); runSuite, which
    // returns every result, is shown beside it.
    memoryFlat: r.memory.gcAvailable
      ? r.memory.streamed.at(-1)!.retainedMB - r.memory.streamed[0]!.retainedMB <= TARGETS.flatGrowthMB
      : r.memory.streamed.at(-1)!.peakHeapMB / r.memory.streamed[0]!.peakHeapMB <= TARGETS.flatRatio,
    heapRatio,
    keptBytesPerRun: ((last.retainedMB - first.retainedMB) * MB) / (last.runs - first.runs),
    streamedFlat: r.memory.gcAvailable
      ? r.memory.streamed.at(-1)!.retainedMB - r.memory.streamed[0]!.retainedMB <= TARGETS.flatGrowthMB
      : r.memory.streamed.at(-1)!.peakHeapMB / r.memory.streamed[0]!.peakHeapMB <= TARGETS.flatRatio,
  };
}

export function renderMarkdown(r: BenchResults): string {
  const v = verdicts(r);
  const slowest = r.faultFree.reduce((a, b) => (b.usPerRun > a.usPerRun ? b : a));
  const mean = 1e6 / r.faultFreeRunsPerSecond;
  const kept = r.memory.kept;
  const first = kept[0]!;
  const last = kept.at(-1)!;
  const summary = table(
    ['#', 'Measure', 'Result', 'Target', 'Status'],
    [
      [
        '1',
        'Fault-free seed journey (`runOne`, one core)',
        `${fixed(mean)} µs mean, ${fixed(slowest.usPerRun)} µs slowest (${slowest.id}); ${int(r.faultFreeRunsPerSecond)} runs/s`,
        `< ${TARGETS.faultFreeUs} µs (≥ ${int(1e6 / TARGETS.faultFreeUs)} runs/s)`,
        mark(v.faultFree),
      ],
      [
        '2',
        'Explored states/s, full seed fault space',
        `${int(r.explore.explorerOnlyPerSecond)} states/s in the search (${int(r.explore.statesPerSecond)} counting each run's set-up)`,
        `≥ ${int(TARGETS.statesPerSecond)}`,
        mark(v.states),
      ],
      [
        '3',
        `Full seed suite, exhaustive search (\`runSuite\`, ${r.seedSuite.runs} runs)`,
        `${int(r.seedSuite.coldMs)} ms cold, ${int(r.seedSuite.warmMs)} ms warm`,
        `< ${int(TARGETS.seedSuiteMs)} ms`,
        mark(v.seedSuite),
      ],
      [
        '4',
        `Generated suite (${int(r.generated.runs)} runs, ${r.generated.scenarios} variants, \`runSuite\`)`,
        `${int(r.generated.runsPerSecond)} runs/s (${fixed(r.generated.ms / 1000, 2)} s, ${fixed((r.generated.ms * 1000) / r.generated.runs)} µs/run)`,
        '—',
        '—',
      ],
      [
        '5',
        'Memory as runs grow (streamed aggregation)',
        `streamed to results.json: held after GC ${r.memory.streamed.map((p) => `${int(p.retainedMB)}`).join(' → ')} MB at ${kept.map((p) => int(p.runs)).join(' / ')} runs (${v.streamedFlat ? 'flat' : 'grows'}), peak heap ${r.memory.streamed.map((p) => `${int(p.peakHeapMB)}`).join(' / ')} MB. \`runSuite\` (every result returned): held ${kept.map((p) => `${int(p.retainedMB)}`).join(' → ')} MB, ${fixed(v.keptBytesPerRun / 1024)} KB per run. Peak RSS ${int(Math.max(...kept.map((p) => p.peakRssMB)))} MB`,
        r.memory.gcAvailable
          ? `flat: held after GC grows ≤ ${TARGETS.flatGrowthMB} MB from ${int(first.runs)} to ${int(last.runs)} runs`
          : `flat: peak heap ≤ ×${TARGETS.flatRatio} from ${int(first.runs)} to ${int(last.runs)} runs`,
        mark(v.memoryFlat),
      ],
    ],
    ['r', 'l', 'l', 'l', 'l'],
  );
  const faultFree = table(
    ['Seed scenario', 'µs/run (wall)', 'µs/run (CPU)', 'runs/s', 'iterations'],
    r.faultFree.map((f) => [
      f.id,
      fixed(f.usPerRun),
      fixed(f.cpuUsPerRun),
      int(1e6 / f.usPerRun),
      int(f.iterations),
    ]),
    ['l', 'r', 'r', 'r', 'r'],
  );
  const memRows = r.memory.kept.flatMap((k, i) => {
    const s = r.memory.streamed[i]!;
    const row = (mode: string, p: MemoryPoint) => [
      int(p.runs),
      mode,
      int((p.runs * 1000) / p.ms),
      fixed((p.cpuMs * 1000) / p.runs, 0),
      int(p.baseHeapMB),
      int(p.peakHeapMB),
      r.memory.gcAvailable ? int(p.retainedMB) : 'n/a',
      int(p.peakRssMB),
    ];
    return [row('`runSuite` (results kept)', k), row('streamed (`streamSuite` → results.json)', s)];
  });
  const memory = table(
    [
      'Runs',
      'Mode',
      'runs/s (wall)',
      'CPU µs/run',
      'Heap before MB',
      'Peak heap MB',
      'Kept after GC MB',
      'Peak RSS MB',
    ],
    memRows,
    ['r', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
  return [
    `Date: ${r.date}  `,
    `Machine: ${r.machine}  `,
    `Commit: ${r.commit}  `,
    `Load average (1 min) before → after: ${fixed(r.load[0], 2)} → ${fixed(r.load[1], 2)}${
      Math.max(...r.load) > 0.5 ? ' (the machine was not idle: expect noisier timings)' : ''
    }  `,
    `Seed suite: ${r.seedScenarios} scenarios, ${r.seedRuns} runs, ${r.seedSuite.states} explored states; loading took ${int(r.loadMs)} ms (not included).`,
    '',
    summary,
    '',
    renderStress(r.stress),
    '',
    'Fault-free journeys, per seed scenario:',
    '',
    faultFree,
    '',
    `Memory sweep (generated suites; heap sampled every ${SAMPLE_EVERY} runs; "kept after GC" is the heap the run still holds after a forced GC, i.e. its results; RSS is the whole process so far and never shrinks):`,
    '',
    memory,
  ].join('\n');
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

export function writeReadme(file: string, markdown: string): void {
  const text = readFileSync(file, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${file} has no ${START} … ${END} section`);
  writeFileSync(file, `${text.slice(0, a + START.length)}\n${markdown}\n${text.slice(b)}`);
}
