/**
 * How a planned run is named and seeded, for seed and open scenarios alike (runner.ts and
 * engine/open both plan runs; this sits below both so neither imports the other's folder).
 */
import { combinationKey } from '../../scenario/combinations.ts';

export interface PlannedRun {
  name: string;
  combo: string[];
  persona: number;
}

/** The name a run is known by in `--grep` and replay commands. */
export function runName(scenarioId: string, combo: readonly string[], persona: number): string {
  return `${scenarioId} › ${combinationKey(combo)} › #${persona}`;
}

/** Fault probability draws hash this key with the fault and the occurrence (see FaultSet). */
export function runSeedKey(
  seed: number,
  scenarioId: string,
  run: Pick<PlannedRun, 'combo' | 'persona'>,
): string {
  return `${seed}|${scenarioId}|${combinationKey(run.combo)}|${run.persona}`;
}
