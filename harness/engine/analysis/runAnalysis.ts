/**
 * The analyses over a set of journeys, in one process or spread over worker threads: each
 * journey is computed alone from (its file, the seed, the options), so the result does not
 * depend on which thread ran it.
 */
import type { JourneyEntry } from '../../core/contract.ts';
import type { LoadedScenario } from '../../scenario/load.ts';
import { analyzeJourney } from './journeyAnalysis.ts';
import { monteCarloJourney } from './monteCarlo.ts';

export interface JourneyJob {
  seed: number;
  cutSets: boolean;
  maxSize?: number;
  /** Customers for the Monte Carlo; absent: none unless the scenario is in monte-carlo mode. */
  monteCarlo?: number;
  precision?: number;
  calendarsDir?: string;
}

export function journeyEntry(l: LoadedScenario, job: JourneyJob): JourneyEntry {
  const s = l.scenario;
  const mc = job.monteCarlo !== undefined || s.explore.mode === 'monte-carlo';
  return {
    id: s.id,
    file: l.file,
    title: s.title,
    ...(job.cutSets
      ? {
          analysis: analyzeJourney(l, {
            seed: job.seed,
            maxSize: job.maxSize,
            calendarsDir: job.calendarsDir,
          }),
        }
      : {}),
    ...(mc
      ? {
          monteCarlo: monteCarloJourney(l, {
            seed: job.seed,
            customers: job.monteCarlo,
            precision: job.precision,
            calendarsDir: job.calendarsDir,
          }),
        }
      : {}),
  };
}
