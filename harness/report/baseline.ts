/**
 * The baseline: dead ends a team has accepted for now, committed as `deadend-baseline.json`.
 *
 * A run that dead-ends although its expectation was not a dead end fails the build — unless its
 * scenario and fault combination are in the baseline. A baselined dead end that no longer occurs is
 * reported as disappeared (good news, not a failure; drop it from the file with `baselineFrom`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { faultsKey } from './format.ts';
import type { ResultsFile, RunResult, ScenarioResult } from './results.ts';

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

/** The file's text: stable bytes (sorted entries, 2-space indent, trailing newline). */
export function stringifyBaseline(baseline: Baseline): string {
  const sorted: Baseline = {
    schemaVersion: baseline.schemaVersion,
    accepted: baseline.accepted
      .map((e) => ({ scenario: e.scenario, faults: [...e.faults].sort() }))
      .sort(compareEntries),
  };
  return `${JSON.stringify(sorted, null, 2)}\n`;
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
      `${path} is not a deadend baseline: ${why}. Regenerate it from a results file with baselineFrom.`,
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
