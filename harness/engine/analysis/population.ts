/**
 * One customer of a Monte Carlo run: which faults strike their journey and how they behave,
 * drawn from a seeded stream of their own (run seed, scenario, customer index), so any
 * customer can be drawn alone, in any order, in any process.
 */
import seedrandom from 'seedrandom';
import { parseDuration } from '../../clock/duration.ts';
import type { Population } from '../../scenario/population.ts';
import type { TraitValues } from './evaluate.ts';

export interface Customer {
  faults: string[];
  traits: TraitValues;
  /** Identifies the traits' bucket: customers with the same key behave the same. */
  traitsKey: string;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

function elapsedMs(text: string): number {
  const d = parseDuration(text);
  if (d.kind === 'elapsed') return d.ms;
  return d.kind === 'business-days' ? d.days * 86_400_000 : d.hours * HOUR;
}

/** A standard normal draw (Box–Muller) from two uniform draws. */
function normal(rng: () => number): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

type Dist<T> = T | { lognormal: { median: T; sigma: number } } | { uniform: [T, T] };

function draw<T>(d: Dist<T>, rng: () => number, value: (t: T) => number): number {
  if (typeof d === 'object' && d !== null && 'lognormal' in d)
    return value(d.lognormal.median) * Math.exp(d.lognormal.sigma * normal(rng));
  if (typeof d === 'object' && d !== null && 'uniform' in d) {
    const [a, b] = d.uniform.map(value) as [number, number];
    return a + (b - a) * rng();
  }
  return value(d as T);
}

export function customerSeedKey(seed: number, scenarioId: string, index: number): string {
  return `${seed}|${scenarioId}|customer|${index}`;
}

/**
 * Faults first, in the scenario's order, then the traits in a fixed order. Continuous traits
 * are rounded to buckets a customer would not tell apart (patience to the hour, the pause
 * between attempts to the minute, the effort budget to six minutes), so customers share runs.
 */
export function drawCustomer(
  seedKey: string,
  faults: readonly { label: string; probability: number }[],
  population: Population | undefined,
  /** Patience past the deadline changes nothing: longer draws share the bucket at this length. */
  maxPatienceMs = Number.POSITIVE_INFINITY,
): Customer {
  const rng = seedrandom(seedKey);
  const struck = faults.filter((f) => rng() < f.probability).map((f) => f.label);
  const traits: TraitValues = {};
  if (population) {
    if (population.checksSpam !== undefined) traits.checksSpam = rng() < population.checksSpam;
    if (population.patience !== undefined)
      traits.patienceMs = Math.min(
        maxPatienceMs,
        Math.max(HOUR, Math.round(draw(population.patience, rng, elapsedMs) / HOUR) * HOUR),
      );
    if (population.followUpAfter !== undefined)
      traits.followUpMs = Math.max(
        MINUTE,
        Math.round(draw(population.followUpAfter, rng, elapsedMs) / MINUTE) * MINUTE,
      );
    if (population.effortBudgetHours !== undefined)
      traits.effortBudgetMinutes = Math.max(
        6,
        Math.round(draw(population.effortBudgetHours, rng, (h) => h * 60) / 6) * 6,
      );
  }
  const traitsKey = Object.entries(traits)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return { faults: struck, traits, traitsKey };
}
