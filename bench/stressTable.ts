/** The stress suite's table and verdicts in bench/README.md (the measuring is in stress.ts). */
import { table } from './benchReport.ts';
import { type StressRow, shapeName } from './stress.ts';

export const STRESS_TARGETS = {
  /** Explored states per second in the search, one worker, on every stress row. */
  statesPerSecond: 500_000,
  /** The 16-fault, maxFaults 2, resend-on journey: states in all and wall incl. the what-if. */
  resend16States: 5_000,
  resend16Ms: 1_000,
};

const int = (n: number) => Math.round(n).toLocaleString('en-US');

/** The row the issue's target names. */
export const isResend16 = (r: StressRow) =>
  r.shape.faults === 16 &&
  r.shape.maxFaults === 2 &&
  r.shape.resend &&
  r.shape.maxActions === undefined &&
  !r.shape.deadlineExtraDays;

export function stressVerdicts(rows: readonly StressRow[]) {
  const sps = (r: StressRow) => (r.states * 1000) / r.searchMs;
  const r16 = rows.find(isResend16);
  return {
    slowestStatesPerSecond: Math.min(...rows.map(sps)),
    statesPerSecond: rows.every((r) => sps(r) >= STRESS_TARGETS.statesPerSecond),
    resend16: r16
      ? r16.states <= STRESS_TARGETS.resend16States && r16.mainMs + r16.whatIfMs <= STRESS_TARGETS.resend16Ms
      : false,
    whatIfRows: rows.filter((r) => r.whatIfMs <= r.mainMs).length,
  };
}

export function renderStress(rows: readonly StressRow[]): string {
  if (rows.length === 0) return 'Stress suite: not measured (seed 000 not in the scenarios).';
  const v = stressVerdicts(rows);
  const r16 = rows.find(isResend16);
  const body = table(
    [
      'Stress journey (seed 000 + catalogue faults)',
      'runs',
      'dead ends',
      'explored states',
      'most in one run',
      'states/s (search)',
      'main pass ms',
      'what-if ms',
      'what-if / main',
    ],
    rows.map((r) => [
      shapeName(r.shape),
      int(r.runs),
      int(r.deadEnds),
      int(r.states),
      int(r.maxStates),
      int((r.states * 1000) / r.searchMs),
      int(r.mainMs),
      int(r.whatIfMs),
      (r.whatIfMs / r.mainMs).toFixed(2),
    ]),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
  const mark = (ok: boolean) => (ok ? 'met' : 'NOT MET');
  return [
    'Stress suite (bench/stress.ts, measured in this run; "main pass" is every run through `runOne`, "states/s (search)" the journey searches alone):',
    '',
    body,
    '',
    `- ≥ ${int(STRESS_TARGETS.statesPerSecond)} explored states/s in the search on every row: ${mark(v.statesPerSecond)} (slowest row ${int(v.slowestStatesPerSecond)}).`,
    `- 16 faults, maxFaults 2, resend on: ≤ ${int(STRESS_TARGETS.resend16States)} states and ≤ ${int(STRESS_TARGETS.resend16Ms)} ms incl. the what-if: ${mark(v.resend16)}${r16 ? ` (${int(r16.states)} states, ${int(r16.mainMs + r16.whatIfMs)} ms)` : ''}.`,
    `- What-if wall ≤ main pass wall: ${v.whatIfRows} of ${rows.length} rows${v.whatIfRows === rows.length ? ' (met)' : ' (NOT MET)'}.`,
  ].join('\n');
}
