/**
 * Writing `analysis.json` (its shape is in core/contract.ts). Journeys are the unit of
 * sharding, so merging shards is a sort by journey: the same bytes as one process.
 */

import { ANALYSIS_SCHEMA_VERSION, type AnalysisFile, type JourneyEntry } from '../../core/contract.ts';
import { type Shard, shardOf } from '../../core/merge.ts';
import type { LoadedScenario } from '../../scenario/load.ts';

/** The journeys a shard runs: whole journeys, by a hash of their id and file. */
export function journeysOfShard(scenarios: readonly LoadedScenario[], shard?: Shard): LoadedScenario[] {
  return scenarios.filter((l) => !shard || shardOf(`${l.scenario.id}|${l.file}`, shard));
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function analysisFile(seed: number, journeys: JourneyEntry[], shard?: string): AnalysisFile {
  return {
    analysisSchemaVersion: ANALYSIS_SCHEMA_VERSION,
    seed,
    selection: shard ? { shard } : {},
    journeys: [...journeys].sort((a, b) => byText(a.id, b.id) || byText(a.file, b.file)),
  };
}

/** Shards of one analysis into the file one process would have written; throws on a mismatch. */
export function mergeAnalysis(parts: readonly AnalysisFile[]): AnalysisFile {
  if (parts.length === 0) throw new Error('no analysis files to merge');
  for (const p of parts) {
    if (p.analysisSchemaVersion !== ANALYSIS_SCHEMA_VERSION)
      throw new Error(
        `analysis.json version ${p.analysisSchemaVersion}: this deadend reads version ${ANALYSIS_SCHEMA_VERSION}`,
      );
    if (p.seed !== parts[0]!.seed)
      throw new Error(`analysis shards have different seeds (${parts[0]!.seed}, ${p.seed})`);
  }
  const seen = new Set<string>();
  for (const j of parts.flatMap((p) => p.journeys)) {
    const key = `${j.id}|${j.file}`;
    if (seen.has(key)) throw new Error(`journey ${j.id} (${j.file}) is in more than one analysis shard`);
    seen.add(key);
  }
  return analysisFile(
    parts[0]!.seed,
    parts.flatMap((p) => p.journeys),
  );
}
