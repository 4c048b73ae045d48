/**
 * The runs of an open-vocabulary scenario: its fault combinations (as a seed's, through
 * scenario/faultSpace.ts) × its personas, named and selected like a seed's runs
 * (`--grep`, `--only`, `--shard`), so a mixed suite lists, shards and replays as one.
 */
import { runKey, type Shard, shardOf } from '../../core/merge.ts';
import { faultLabel } from '../../scenario/combinations.ts';
import { planCombinations } from '../../scenario/faultSpace.ts';
import type { LoadedOpenScenario } from '../../vocabulary/loaded.ts';
import { type PlannedRun, runName } from '../plan/runName.ts';

export type TraitValue = boolean | number | string;

/** One customer of an open scenario: a named persona, or one of a count, traits defaulted. */
export interface OpenPersona {
  index: number;
  id: string;
  traits: Record<string, TraitValue>;
  /** Channels this customer uses; empty: every channel. */
  channels: string[];
}

/** An open-vocabulary scenario among seed ones (a seed LoadedScenario has no `kind`). */
export const isOpenLoaded = (x: object): x is LoadedOpenScenario => 'kind' in x && x.kind === 'open';

/** The fault labels of an open scenario in its own order (the fault's id, else its name). */
export const openFaultLabels = (loaded: LoadedOpenScenario): string[] =>
  loaded.scenario.faults.map((u) => faultLabel(u));

/** Every persona of the scenario; a trait a persona does not set takes the profile's default. */
export function openPersonas(loaded: LoadedOpenScenario): OpenPersona[] {
  const defaults: Record<string, TraitValue> = {};
  for (const t of loaded.profile.traits) defaults[t.id] = t.default;
  // No personas given: one customer, every trait at its default (not drawn).
  const declared = loaded.scenario.personas ?? 1;
  if (typeof declared === 'number')
    return Array.from({ length: declared }, (_, index) => ({
      index,
      id: `#${index}`,
      traits: { ...defaults },
      channels: [],
    }));
  return declared.map((p, index) => ({
    index,
    id: p.id,
    traits: { ...defaults, ...p.traits },
    channels: [...p.channels],
  }));
}

/** The options of a suite that select runs (runner.ts SuiteOptions has them). */
export interface RunSelection {
  grep?: string;
  grepInvert?: string;
  only?: readonly string[];
  shard?: Shard;
}

export function planOpenRuns(loaded: LoadedOpenScenario, opts: RunSelection): PlannedRun[] {
  const s = loaded.scenario;
  const personas = openPersonas(loaded);
  const explore = { strategy: 'all' as const, maxFaults: s.explore?.maxFaults, monotone: false };
  const out: PlannedRun[] = [];
  for (const combo of planCombinations(explore as never, openFaultLabels(loaded))) {
    for (let p = 0; p < personas.length; p++) {
      const name = runName(s.id, combo, p);
      // A named persona is found by its id too (`--grep no-codes`); the run's name stays a seed's.
      const persona = Array.isArray(s.personas) ? personas[p]!.id : '';
      if (opts.grep && !name.includes(opts.grep) && !s.title.includes(opts.grep) && persona !== opts.grep)
        continue;
      if (opts.grepInvert && (name.includes(opts.grepInvert) || s.title.includes(opts.grepInvert))) continue;
      if (opts.only && !opts.only.includes(name)) continue;
      if (opts.shard && !shardOf(runKey(s.id, combo, p), opts.shard)) continue;
      out.push({ name, combo, persona: p });
    }
  }
  return out;
}
