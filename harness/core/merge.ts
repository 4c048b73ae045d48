/**
 * Sharding and merging. A suite split with `--shard i/n` and merged with `mergeResults` gives exactly
 * the results file of one unsharded run — provided the runner emits the same canonical order:
 *
 * - scenarios sorted by `id`, then `file` (code-unit order, not locale order);
 * - runs of a scenario sorted by `faults.join('+')` (code-unit order, so `[]` → `''` comes first),
 *   then by `persona.index`;
 * - the summary computed with `summarize`.
 *
 * Use `sortScenarios` to put scenarios in that order.
 */
import { excerpt } from '../input/excerpt.ts';
import {
  type Fix,
  faultsKey,
  OUTCOMES,
  type ResultsFile,
  type RunResult,
  type ScenarioResult,
  type Summary,
} from './contract.ts';

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareRuns(a: RunResult, b: RunResult): number {
  return compare(faultsKey(a.faults), faultsKey(b.faults)) || a.persona.index - b.persona.index;
}

/** Scenarios in canonical order (by id, then file), each with its runs in canonical order. */
export function sortScenarios(scenarios: readonly ScenarioResult[]): ScenarioResult[] {
  return [...scenarios]
    .sort((a, b) => compare(a.id, b.id) || compare(a.file, b.file))
    .map((s) => ({ ...s, runs: [...s.runs].sort(compareRuns) }));
}

/**
 * Builds a suite's summary one scenario at a time, so a streamed run never holds its results
 * (`summarize` is the same over a list).
 */
export class SummaryBuilder {
  private readonly outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Summary['outcomes'];
  private readonly findingCounts = new Map<string, number>();
  private readonly failedExpectations: Summary['failedExpectations'] = [];
  private scenarios = 0;
  private runs = 0;
  private passed = 0;
  private failed = 0;
  private accepted = 0;

  add(scenario: ScenarioResult): void {
    this.scenarios++;
    for (const run of scenario.runs) {
      this.runs++;
      if (run.pass) this.passed++;
      else this.failed++;
      if (run.accepted) this.accepted++;
      this.outcomes[run.outcome]++;
      for (const f of run.findings)
        this.findingCounts.set(f.oracle, (this.findingCounts.get(f.oracle) ?? 0) + 1);
      if (!run.pass) {
        this.failedExpectations.push({
          scenario: scenario.id,
          file: scenario.file,
          faults: run.faults,
          expected: run.expected,
          outcome: run.outcome,
          findings: [...new Set(run.findings.map((f) => f.oracle))],
          replay: run.replay,
        });
      }
    }
  }

  summary(): Summary {
    const findings: Summary['findings'] = {};
    for (const oracle of [...this.findingCounts.keys()].sort(compare))
      findings[oracle] = this.findingCounts.get(oracle) ?? 0;
    const totals = { scenarios: this.scenarios, runs: this.runs, passed: this.passed, failed: this.failed };
    // `accepted` only when there are some, so results without a baseline keep their exact shape.
    return {
      ...totals,
      ...(this.accepted > 0 ? { accepted: this.accepted } : {}),
      outcomes: { ...this.outcomes },
      findings,
      failedExpectations: [...this.failedExpectations],
    };
  }
}

/** Recomputes the summary of the given scenarios (in their order). The runner uses it too. */
export function summarize(scenarios: readonly ScenarioResult[]): Summary {
  const builder = new SummaryBuilder();
  for (const s of scenarios) builder.add(s);
  return builder.summary();
}

function scenarioKey(s: ScenarioResult): string {
  return `${s.id}\u0000${s.file}`;
}

/** Identity of a run for sharding and de-duplication: `scenario|fault+fault|persona`. */
export function runKey(scenarioId: string, faults: readonly string[], personaIndex: number): string {
  return `${scenarioId}|${faultsKey(faults)}|${personaIndex}`;
}

/**
 * Combines the results of the shards of one suite into the results of one unsharded run.
 * Throws when the parts do not belong to the same run (schemaVersion, seed, target, `--grep`), when
 * a scenario differs between parts, or when a run appears in two parts.
 */
export function mergeResults(parts: readonly ResultsFile[]): ResultsFile {
  const first = parts[0];
  if (!first) throw new Error('Cannot merge results: no result files were given.');
  parts.forEach((part, i) => {
    const mismatch = (what: string, a: unknown, b: unknown) =>
      new Error(
        `Cannot merge results: part ${i + 1} has ${what} ${JSON.stringify(b)} but part 1 has ${JSON.stringify(a)}. ` +
          'Merge only the shards of one run (same seed, target, --grep and deadend version).',
      );
    if (part.schemaVersion !== first.schemaVersion)
      throw mismatch('schemaVersion', first.schemaVersion, part.schemaVersion);
    if (part.seed !== first.seed) throw mismatch('seed', first.seed, part.seed);
    if (part.target !== first.target) throw mismatch('target', first.target, part.target);
    if (part.tool.version !== first.tool.version)
      throw mismatch('deadend version', first.tool.version, part.tool.version);
    if ((part.selection.grep ?? null) !== (first.selection.grep ?? null))
      throw mismatch('--grep', first.selection.grep ?? null, part.selection.grep ?? null);
  });

  const scenarios = new Map<string, ScenarioResult>();
  const seenRuns = new Set<string>();
  parts.forEach((part, i) => {
    for (const scenario of part.scenarios) {
      const key = scenarioKey(scenario);
      const { runs, ...meta } = scenario;
      const existing = scenarios.get(key);
      if (existing) {
        const { runs: _ignored, ...existingMeta } = existing;
        if (JSON.stringify(existingMeta) !== JSON.stringify(meta)) {
          throw new Error(
            `Cannot merge results: scenario "${scenario.id}" (${scenario.file}) differs between parts ` +
              `(part ${i + 1} has other metadata). Were the shards run from the same scenario files?`,
          );
        }
      } else {
        scenarios.set(key, { ...scenario, runs: [] });
      }
      const target = scenarios.get(key)!;
      for (const run of runs) {
        const id = `${key}\u0000${runKey(scenario.id, run.faults, run.persona.index)}`;
        if (seenRuns.has(id)) {
          throw new Error(
            `Cannot merge results: run "${runKey(scenario.id, run.faults, run.persona.index)}" appears in more ` +
              `than one part (again in part ${i + 1}). Each shard must be given once.`,
          );
        }
        seenRuns.add(id);
        target.runs.push(run);
      }
    }
  });

  const merged = sortScenarios([...scenarios.values()]);
  const selection: ResultsFile['selection'] = {};
  if (first.selection.grep !== undefined) selection.grep = first.selection.grep;
  return {
    schemaVersion: first.schemaVersion,
    tool: first.tool,
    seed: first.seed,
    target: first.target,
    selection,
    summary: summarize(merged),
    scenarios: merged,
    ...mergedFixes(parts),
  };
}

/** Each shard analysed its own dead ends: the merged list is their union, in canonical order. */
function mergedFixes(parts: readonly ResultsFile[]): Pick<ResultsFile, 'fixes'> {
  if (parts.every((p) => p.fixes === undefined)) return {};
  const byChange = new Map<string, Fix>();
  for (const p of parts) {
    for (const f of p.fixes ?? []) {
      const into = byChange.get(f.change) ?? {
        change: f.change,
        ...(f.description ? { description: f.description } : {}),
        overrides: f.overrides,
        rescues: [],
      };
      into.rescues.push(...f.rescues);
      byChange.set(f.change, into);
    }
  }
  return { fixes: sortFixes([...byChange.values()]) };
}

const rescueKey = (r: Fix['rescues'][number]) => `${r.scenario}\u0000${r.faults.join('+')}`;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Canonical order of what-if fixes: most rescues first, then by name; rescues by scenario and
 * faults. Shards merged and an unsharded run then give the same bytes.
 */
export function sortFixes(fixes: Fix[]): Fix[] {
  for (const f of fixes) f.rescues.sort((a, b) => byText(rescueKey(a), rescueKey(b)));
  return fixes.sort((a, b) => b.rescues.length - a.rescues.length || byText(a.change, b.change));
}

export interface Shard {
  /** 1-based. */
  index: number;
  total: number;
}

/** Parses `--shard 2/3`. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) {
    throw new Error(`Invalid --shard ${excerpt(text)}: expected INDEX/TOTAL, for example --shard 2/3.`);
  }
  const index = Number(match[1]);
  const total = Number(match[2]);
  if (total < 1) throw new Error(`Invalid --shard ${excerpt(text)}: the total must be at least 1.`);
  if (index < 1 || index > total) {
    throw new Error(`Invalid --shard ${excerpt(text)}: the index must be between 1 and ${total}.`);
  }
  return { index, total };
}

/** 32-bit FNV-1a over the UTF-8 bytes of the text. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Whether the run with this key (see `runKey`) belongs to the shard. Stable across machines and runs. */
export function shardOf(key: string, shard: Shard): boolean {
  return fnv1a(key) % shard.total === shard.index - 1;
}
