/**
 * Monte Carlo personas (design §2.6): an open scenario with `personas: N` runs N customers whose
 * traits are drawn from each declared trait's `distribution` (bernoulli, uniform, normal,
 * choice); a trait without one keeps its default. Each draw has its own seeded stream, keyed by
 * the seed, the scenario, the persona's index and the trait (as customer/persona.ts derives a
 * run's seeds), so a persona is the same customer in every fault combination, and declaring one
 * more trait does not change the others' draws. Same seed, same people.
 */
import seedrandom from 'seedrandom';
import type { LoadedOpenScenario } from '../../vocabulary/loaded.ts';
import type { OpenPersona, TraitValue } from './plan.ts';

type Trait = LoadedOpenScenario['profile']['traits'][number];
type Distribution = NonNullable<Trait['distribution']>;

function draw(d: Distribution, rng: () => number): TraitValue {
  if ('bernoulli' in d) return rng() < d.bernoulli;
  if ('uniform' in d) return d.uniform[0] + rng() * (d.uniform[1] - d.uniform[0]);
  if ('normal' in d) {
    // Box–Muller; 1 − u keeps the logarithm finite.
    const u = 1 - rng();
    return d.normal.mean + d.normal.sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
  }
  const total = d.choice.reduce((n, c) => n + c.weight, 0);
  let x = rng() * total;
  for (const c of d.choice) {
    x -= c.weight;
    if (x < 0) return c.value;
  }
  return d.choice.at(-1)!.value;
}

/** A drawn number, as its trait's type wants it: a probability within [0, 1], 4 decimals. */
function asTraitType(t: Trait, v: TraitValue): TraitValue {
  if (typeof v !== 'number') return v;
  const clamped = t.type === 'probability' ? Math.min(1, Math.max(0, v)) : v;
  return Math.round(clamped * 10_000) / 10_000;
}

/** The traits of drawn persona `index` (defaults for those without a distribution). */
export function drawTraits(
  loaded: LoadedOpenScenario,
  seed: number,
  index: number,
): Record<string, TraitValue> {
  const out: Record<string, TraitValue> = {};
  for (const t of loaded.profile.traits) {
    if (!t.distribution) {
      out[t.id] = t.default;
      continue;
    }
    const rng = seedrandom(`${seed}|${loaded.scenario.id}|persona|${index}|${t.id}`);
    out[t.id] = asTraitType(t, draw(t.distribution, rng));
  }
  return out;
}

/** Whether the scenario's personas are a drawn population (`personas: N`) rather than named. */
export const drawsPersonas = (loaded: LoadedOpenScenario): boolean =>
  typeof loaded.scenario.personas === 'number';

/** The persona of a run: a named one as declared, a drawn one with its traits drawn under the seed. */
export function personaOf(
  loaded: LoadedOpenScenario,
  personas: readonly OpenPersona[],
  index: number,
  seed: number,
): OpenPersona {
  const p = personas[index]!;
  return drawsPersonas(loaded) ? { ...p, traits: drawTraits(loaded, seed, index) } : p;
}

/** The drawn traits of a persona in words, for its name in reports: "saved-backup-codes: yes". */
export function drawnTraitWords(loaded: LoadedOpenScenario, traits: Record<string, TraitValue>): string {
  return loaded.profile.traits
    .filter((t) => t.distribution)
    .map((t) => {
      const v = traits[t.id];
      return `${t.id}: ${v === true ? 'yes' : v === false ? 'no' : String(v)}`;
    })
    .join(', ');
}
