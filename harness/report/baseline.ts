/**
 * The baseline: dead ends a team has accepted for now, committed as `deadend-baseline.json`.
 *
 * A run that dead-ends although its expectation was not a dead end fails the build — unless its
 * scenario and fault combination are in the baseline. A baselined dead end that no longer occurs is
 * reported as disappeared (good news, not a failure; drop it from the file with `baselineFrom`).
 *
 * `applyBaseline` marks the accepted runs in the results (`accepted: true`, `pass: true`) so that
 * every reporter shows them; `deadend run --update-baseline` writes the file (`updatedBaseline`).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ResultsFile, RunResult, ScenarioResult } from '../core/contract.ts';
import { summarize } from '../core/merge.ts';
import { faultsKey } from './format.ts';

export const BASELINE_FILE = 'deadend-baseline.json';
export const BASELINE_SCHEMA_VERSION = 1;

export interface BaselineEntry {
  scenario: string;
  /** Sorted fault labels; [] is the fault-free run. */
  faults: string[];
}

export interface Baseline {
  schemaVersion: number;
  accepted: BaselineEntry[];
}

export interface BaselineRun extends BaselineEntry {
  file: string;
  replay: string;
}

export interface BaselineComparison {
  /** Unexpected dead ends not in the baseline: these fail the build. */
  newDeadEnds: BaselineRun[];
  /** Unexpected dead ends the baseline accepts. */
  acceptedDeadEnds: BaselineRun[];
  /** Baseline entries whose run was in these results and no longer dead-ends. */
  disappeared: BaselineEntry[];
  /** Baseline entries whose run was not in these results (filtered by --grep/--shard, or removed). */
  notRun: BaselineEntry[];
}

function entryKey(scenario: string, faults: readonly string[]): string {
  return `${scenario}\u0000${faultsKey([...faults].sort())}`;
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  const x = entryKey(a.scenario, a.faults);
  const y = entryKey(b.scenario, b.faults);
  return x < y ? -1 : x > y ? 1 : 0;
}

function isUnexpectedDeadEnd(run: RunResult): boolean {
  return run.outcome === 'dead-end' && run.expected.outcome !== 'dead-end';
}

/**
 * The run's only miss is the dead end: the outcome was not expected, but the findings were (when the
 * expectation names findings). A baseline accepts dead ends, not missing or unexpected findings.
 */
function onlyTheDeadEndMissed(run: RunResult): boolean {
  if (!isUnexpectedDeadEnd(run)) return false;
  if (!run.expected.findings) return true;
  const fired = new Set(run.findings.map((f) => f.oracle));
  const wanted = new Set(run.expected.findings);
  return fired.size === wanted.size && [...wanted].every((oracle) => fired.has(oracle));
}

/** Whether the baseline accepts this run of the scenario: its only miss is a dead end the baseline lists. */
export function acceptsRun(baseline: Baseline, scenarioId: string, run: RunResult): boolean {
  const key = entryKey(scenarioId, run.faults);
  return onlyTheDeadEndMissed(run) && baseline.accepted.some((e) => entryKey(e.scenario, e.faults) === key);
}

/** The run with `accepted` set or removed (placed right after `pass`, so the bytes are stable). */
function withAcceptance(run: RunResult, accepted: boolean): RunResult {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(run)) {
    if (key === 'accepted') continue;
    if (key === 'pass') {
      out.pass = accepted ? true : run.accepted ? false : value;
      if (accepted) out.accepted = true;
      continue;
    }
    out[key] = value;
  }
  return out as unknown as RunResult;
}

/**
 * The results with the baseline applied: a run whose only miss is a dead end the baseline accepts
 * passes and carries `accepted: true`; the summary is recomputed. Idempotent, and it re-decides runs
 * accepted by an earlier baseline (merge-reports applies the baseline again to the merged shards).
 */
export function applyBaseline(results: ResultsFile, baseline: Baseline): ResultsFile {
  const accepted = new Set(baseline.accepted.map((e) => entryKey(e.scenario, e.faults)));
  let changed = false;
  const scenarios = results.scenarios.map((scenario) => {
    const runs = scenario.runs.map((run) => {
      const accept = accepted.has(entryKey(scenario.id, run.faults)) && onlyTheDeadEndMissed(run);
      if (accept === (run.accepted === true)) return run;
      changed = true;
      return withAcceptance(run, accept);
    });
    return runs.some((run, i) => run !== scenario.runs[i]) ? { ...scenario, runs } : scenario;
  });
  if (!changed) return results;
  return { ...results, summary: summarize(scenarios), scenarios };
}

/**
 * The baseline that `--update-baseline` writes: every unexpected dead end of these results, plus the
 * entries of the old baseline whose runs were not in these results (filtered out by --grep or
 * --shard), so that updating from part of the suite does not forget the rest.
 */
export function updatedBaseline(results: ResultsFile, old: Baseline): Baseline {
  const fresh = baselineFrom(results);
  const keep = compareToBaseline(results, old).notRun;
  const entries = new Map<string, BaselineEntry>();
  for (const e of [...fresh.accepted, ...keep]) {
    const faults = [...e.faults].sort();
    entries.set(entryKey(e.scenario, faults), { scenario: e.scenario, faults });
  }
  return { schemaVersion: BASELINE_SCHEMA_VERSION, accepted: [...entries.values()].sort(compareEntries) };
}

function eachRun(results: ResultsFile, visit: (scenario: ScenarioResult, run: RunResult) => void): void {
  for (const scenario of results.scenarios) for (const run of scenario.runs) visit(scenario, run);
}

/** A baseline accepting every unexpected dead end of these results: sorted, without duplicates. */
export function baselineFrom(results: ResultsFile): Baseline {
  const entries = new Map<string, BaselineEntry>();
  eachRun(results, (scenario, run) => {
    if (!isUnexpectedDeadEnd(run)) return;
    const faults = [...run.faults].sort();
    entries.set(entryKey(scenario.id, faults), { scenario: scenario.id, faults });
  });
  return { schemaVersion: BASELINE_SCHEMA_VERSION, accepted: [...entries.values()].sort(compareEntries) };
}

export function compareToBaseline(results: ResultsFile, baseline: Baseline): BaselineComparison {
  const accepted = new Set(baseline.accepted.map((e) => entryKey(e.scenario, e.faults)));
  const ran = new Set<string>();
  const stillDeadEnd = new Set<string>();
  const comparison: BaselineComparison = {
    newDeadEnds: [],
    acceptedDeadEnds: [],
    disappeared: [],
    notRun: [],
  };
  eachRun(results, (scenario, run) => {
    const key = entryKey(scenario.id, run.faults);
    ran.add(key);
    if (run.outcome === 'dead-end') stillDeadEnd.add(key);
    if (!isUnexpectedDeadEnd(run)) return;
    const item: BaselineRun = {
      scenario: scenario.id,
      faults: [...run.faults].sort(),
      file: scenario.file,
      replay: run.replay,
    };
    (accepted.has(key) ? comparison.acceptedDeadEnds : comparison.newDeadEnds).push(item);
  });
  for (const entry of [...baseline.accepted].sort(compareEntries)) {
    const key = entryKey(entry.scenario, entry.faults);
    if (!ran.has(key)) comparison.notRun.push(entry);
    else if (!stillDeadEnd.has(key)) comparison.disappeared.push(entry);
  }
  return comparison;
}

/**
 * The file's text: stable bytes, one accepted dead end per line (short diffs, and the layout
 * formatters such as biome and prettier give JSON), sorted, with a trailing newline.
 */
export function stringifyBaseline(baseline: Baseline): string {
  const entries = baseline.accepted
    .map((e) => ({ scenario: e.scenario, faults: [...e.faults].sort() }))
    .sort(compareEntries)
    .map(
      (e) =>
        `    { "scenario": ${JSON.stringify(e.scenario)}, "faults": [${e.faults.map((f) => JSON.stringify(f)).join(', ')}] }`,
    );
  const accepted = entries.length === 0 ? '[]' : `[\n${entries.join(',\n')}\n  ]`;
  return `{\n  "schemaVersion": ${baseline.schemaVersion},\n  "accepted": ${accepted}\n}\n`;
}

/** Reads a baseline file; a missing file is an empty baseline. Throws a clear error for a malformed one. */
export function readBaseline(path: string): Baseline {
  if (!existsSync(path)) return { schemaVersion: BASELINE_SCHEMA_VERSION, accepted: [] };
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const bad = (why: string) =>
    new Error(
      `${path} is not a deadend baseline: ${why}. Regenerate it with \`deadend run --update-baseline\`.`,
    );
  if (value === null || typeof value !== 'object') throw bad('expected an object');
  const { schemaVersion, accepted } = value as Partial<Baseline>;
  if (schemaVersion !== BASELINE_SCHEMA_VERSION) {
    throw bad(`schemaVersion is ${JSON.stringify(schemaVersion)}, expected ${BASELINE_SCHEMA_VERSION}`);
  }
  if (!Array.isArray(accepted)) throw bad('"accepted" must be a list');
  accepted.forEach((entry: unknown, i) => {
    const e = entry as Partial<BaselineEntry> | null;
    if (
      !e ||
      typeof e.scenario !== 'string' ||
      !Array.isArray(e.faults) ||
      !e.faults.every((f) => typeof f === 'string')
    ) {
      throw bad(`accepted[${i}] must be { "scenario": string, "faults": string[] }`);
    }
  });
  return { schemaVersion, accepted: accepted as BaselineEntry[] };
}
