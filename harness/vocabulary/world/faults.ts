/**
 * The fault uses of a run acting on the world. The rules are core/faultSet.ts's: a use acts
 * only inside its window [from, until), at most `times` times, and with a probability below 1
 * a draw that is a pure function of (seed key, use label, occurrence id), so forked worlds agree.
 */
import seedrandom from 'seedrandom';
import { parseInstant } from '../../clock/instant.ts';
import type { ActiveFault } from '../../core/faultSet.ts';
import type {
  VocabularyFaultDefinition,
  VocabularyHookPoints,
  VocabularyHookResults,
} from '../faults/hooks.ts';
import type { Context } from './context.ts';
import type { VWorld } from './state.ts';

export interface Strike<K extends keyof VocabularyHookPoints> {
  /** The use's label (the scenario's fault `id`). */
  label: string;
  fault: string;
  result: VocabularyHookResults[K];
}

function vocabularyDef(f: ActiveFault): VocabularyFaultDefinition | undefined {
  return 'world' in f.def ? (f.def as VocabularyFaultDefinition) : undefined;
}

/** The first active fault use that strikes this occurrence, counted against its `times`. */
export function strike<K extends keyof VocabularyHookPoints>(
  w: VWorld,
  point: K,
  occurrence: VocabularyHookPoints[K],
): Strike<K> | undefined {
  for (const f of w.ctx.faults) {
    const hook = vocabularyDef(f)?.world[point];
    if (!hook || w.now < f.from || w.now >= f.until) continue;
    const used = w.faultHits[f.label] ?? 0;
    if (f.times !== undefined && used >= f.times) continue;
    const result = hook(f.params, occurrence);
    if (result === undefined) continue;
    if (
      f.probability < 1 &&
      seedrandom(`${w.ctx.setup.seedKey}|${f.label}|${occurrence.id}`)() >= f.probability
    )
      continue;
    w.faultHits = { ...w.faultHits, [f.label]: used + 1 };
    return { label: f.label, fault: f.def.id, result: result as VocabularyHookResults[K] };
  }
  return undefined;
}

/** Pairs of systems whose link the run's faults cut (both ways). */
export function siloPairs(faults: readonly ActiveFault[]): [string, string][] {
  return faults.flatMap((f) => f.def.silos?.(f.params) ?? []);
}

export interface AwayWindow {
  label: string;
  from: number;
  until: number;
}

/** When the customer is away (customer.away uses): params override the use's window. */
export function awayWindows(faults: readonly ActiveFault[], zone: string): AwayWindow[] {
  return faults.flatMap((f) => {
    const away = vocabularyDef(f)?.away?.(f.params);
    if (!away) return [];
    const from = away.from ? parseInstant(away.from, zone) : f.from;
    const until = away.until ? parseInstant(away.until, zone) : f.until;
    return [{ label: f.label, from, until }];
  });
}

/** The away window the customer is in at t, if any. */
export function awayAt(ctx: Context, t: number): AwayWindow | undefined {
  return ctx.away.find((a) => t >= a.from && t < a.until);
}
