/**
 * Which merchant settings (capabilities, policies) a run read. A run is deterministic and
 * reads the merchant's settings only from its profile, so a change to a setting it never read
 * cannot change its outcome: the what-if uses this to skip the candidate changes a dead end
 * cannot feel. The main pass records the reads of its dead ends here (in this thread), so the
 * what-if does not search them again to find out.
 */
import type { MerchantProfile } from '../merchant/profile.ts';
import type { LoadedScenario } from '../scenario/load.ts';
import type { PlannedRun, PreparedScenario } from './runner.ts';

export interface SettingsWatch {
  /** The prepared scenario with its profile's capabilities and policies watched. */
  prep: PreparedScenario;
  /** Every `capabilities.x` / `policies.y` read since the last clear. */
  reads: Set<string>;
}

function watchedProfile(profile: MerchantProfile, reads: Set<string>): MerchantProfile {
  const watch = <T extends object>(prefix: string, target: T): T =>
    new Proxy(target, {
      get(t, k, r) {
        if (typeof k === 'string') reads.add(`${prefix}.${k}`);
        return Reflect.get(t, k, r);
      },
      ownKeys(t) {
        // A spread or a loop over the settings reads all of them.
        for (const k of Reflect.ownKeys(t)) if (typeof k === 'string') reads.add(`${prefix}.${k}`);
        return Reflect.ownKeys(t);
      },
    });
  return {
    ...profile,
    capabilities: watch('capabilities', profile.capabilities),
    policies: watch('policies', profile.policies),
  };
}

const watches = new WeakMap<PreparedScenario, SettingsWatch>();

/** The watched twin of a prepared scenario (one per scenario, made on first use). */
export function settingsWatch(prep: PreparedScenario): SettingsWatch {
  let w = watches.get(prep);
  if (!w) {
    const reads = new Set<string>();
    w = { prep: { ...prep, profile: watchedProfile(prep.profile, reads) }, reads };
    watches.set(prep, w);
  }
  return w;
}

const learned = new WeakMap<LoadedScenario, Map<string, ReadonlySet<string>>>();
const runKey = (seed: number, run: Pick<PlannedRun, 'combo' | 'persona'>) =>
  `${seed}|${run.combo.join('+')}|${run.persona}`;

/** Remember what a dead-ended run read (bounded: the what-if searches again what is missing). */
export function rememberReads(
  loaded: LoadedScenario,
  seed: number,
  run: Pick<PlannedRun, 'combo' | 'persona'>,
  reads: ReadonlySet<string>,
): void {
  let m = learned.get(loaded);
  if (!m) {
    m = new Map();
    learned.set(loaded, m);
  }
  if (m.size < 100_000) m.set(runKey(seed, run), new Set(reads));
}

export function recalledReads(
  loaded: LoadedScenario,
  seed: number,
  run: Pick<PlannedRun, 'combo' | 'persona'>,
): ReadonlySet<string> | undefined {
  return learned.get(loaded)?.get(runKey(seed, run));
}
