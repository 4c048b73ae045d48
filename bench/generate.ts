/**
 * Builds a large suite in memory for the benchmark: variants of the seed scenarios that differ
 * in the number of personas, the start time, the deadline and the merchant's capabilities
 * (through merchant overrides, as a scenario file would set them). Each variant keeps its
 * seed's fault space and expectations; a variant's outcomes may differ from what its seed
 * expects (that is fine: the benchmark measures throughput, not verdicts).
 *
 * Deterministic: the same seeds and the same target give the same variants.
 */
import { stringify } from 'yaml';
import { planRuns } from '../harness/engine/runner.ts';
import { applyOverrides, CAPABILITIES, type Capability } from '../harness/merchant/profile.ts';
import type { LoadedScenario } from '../harness/scenario/load.ts';
import type { Scenario } from '../harness/scenario/schema.ts';

/** How one variant differs from its seed. */
export interface Variation {
  personas: number;
  /** Start (and deadline) moved this many hours later, in the customer's wall-clock time. */
  startShiftHours: number;
  /** Extra days before the deadline, on top of the shift. */
  deadlineExtraDays: number;
  /** A capability switched to the opposite of what the seed's merchant has, or none. */
  flip?: Capability;
}

const PERSONAS = [1, 2, 3, 5];
const START_SHIFTS = [0, 2, 7, 26];
const DEADLINE_EXTRA = [0, 1, 4];
const FLIPS: (Capability | undefined)[] = [undefined, ...CAPABILITIES];

/** The n-th variation: the axes are walked so that neighbours differ on every axis. */
export function variation(n: number): Variation {
  const flip = FLIPS[n % FLIPS.length];
  return {
    personas: PERSONAS[n % PERSONAS.length]!,
    startShiftHours: START_SHIFTS[Math.floor(n / PERSONAS.length) % START_SHIFTS.length]!,
    deadlineExtraDays: DEADLINE_EXTRA[(n + Math.floor(n / 3)) % DEADLINE_EXTRA.length]!,
    ...(flip ? { flip } : {}),
  };
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(.*)$/;

/** Moves a scenario instant ("2025-12-24T17:30", optionally with an offset) by whole hours. */
export function shiftInstant(text: string, hours: number): string {
  const m = LOCAL.exec(text.trim());
  if (!m) throw new Error(`cannot shift "${text}"`);
  const [, y, mo, d, h = '00', mi = '00', s, rest = ''] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  const iso = new Date(ms + hours * 3_600_000).toISOString();
  return `${iso.slice(0, s === undefined ? 16 : 19)}${rest}`;
}

/** One variant of a seed scenario, as the loader would have produced it from a file. */
export function variant(seed: LoadedScenario, v: Variation, n: number): LoadedScenario {
  const s = seed.scenario;
  const id = `${s.id}-v${n}`;
  const shift = v.startShiftHours;
  const profileId = typeof s.merchant === 'string' ? s.merchant : s.merchant.profile;
  const own: { capabilities?: Partial<Record<Capability, boolean>>; policies?: Record<string, unknown> } =
    typeof s.merchant === 'string' ? {} : s.merchant;
  const capabilities = v.flip
    ? { ...own.capabilities, [v.flip]: !seed.merchant.capabilities[v.flip] }
    : own.capabilities;
  const scenario: Scenario = {
    ...s,
    id,
    title: `${s.title} (variant ${n})`,
    personas: v.personas,
    start: shiftInstant(s.start, shift),
    goal: { ...s.goal, deadline: shiftInstant(s.goal.deadline, shift + v.deadlineExtraDays * 24) },
    merchant:
      capabilities || own.policies
        ? {
            profile: profileId,
            ...(capabilities ? { capabilities } : {}),
            ...(own.policies ? { policies: own.policies } : {}),
          }
        : profileId,
  };
  return {
    file: `bench/generated/${id}.yaml`,
    scenario,
    merchant: v.flip ? applyOverrides(seed.merchant, { capabilities: capabilities ?? {} }) : seed.merchant,
    merchantFile: seed.merchantFile,
  };
}

/** How many runs a scenario plans (every fault combination × every persona). */
export const runsOf = (loaded: LoadedScenario): number => planRuns(loaded, {}).length;

/**
 * Variants of the seeds, taken in turn, until they plan at least `minRuns` runs. The last
 * variant's personas are cut down so the total overshoots by as little as possible.
 */
export function generateSuite(seeds: readonly LoadedScenario[], minRuns: number): LoadedScenario[] {
  if (seeds.length === 0) throw new Error('no seed scenarios');
  const combos = seeds.map((s) => runsOf(s) / s.scenario.personas);
  const out: LoadedScenario[] = [];
  let total = 0;
  for (let n = 0; total < minRuns; n++) {
    const i = n % seeds.length;
    const v = variation(Math.floor(n / seeds.length) * 7 + i);
    const left = minRuns - total;
    const personas = Math.min(v.personas, Math.ceil(left / combos[i]!));
    out.push(variant(seeds[i]!, { ...v, personas }, n));
    total += combos[i]! * personas;
  }
  return out;
}

/** The variant as a scenario file (the smoke test loads these back to prove they are valid). */
export function toYaml(loaded: LoadedScenario): string {
  return stringify(loaded.scenario);
}
