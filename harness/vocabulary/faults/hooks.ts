/**
 * How a generic vocabulary fault acts on the world: the occurrences the world asks about
 * (hook points) and what a fault may answer. Window, probability and `times` are decided once
 * for every fault by the world (vocabulary/world/faults.ts, the rules of core/faultSet.ts), so a
 * hook only says what it would do to this occurrence, or undefined to leave it alone.
 */
import type { FaultDefinition } from '../../core/fault.ts';

export interface VocabularyHookPoints {
  /** A message is about to be sent (`id` is the world's message id). */
  'message.send': { message: string; via: string; medium: string; id: string };
  /** A system's copy of a record is read (to send to an address, to look it up). */
  'record.read': { record: string; system: string; id: string };
  /** A process step is due (`step` counts from 0). */
  'process.step': { process: string; step: number; id: string };
  /** A card charge is being made. */
  'payment.charge': { tag: string; amount: number; id: string };
  /** A parcel reaches a hop of a route. */
  'parcel.hop': { route: string; hop: string; id: string };
}

export interface VocabularyHookResults {
  'message.send': { place: 'spam' | 'quarantine' } | { suppressed: true } | { delayMs: number };
  /** The copy reads as this value instead ('former', 'current' or a text). */
  'record.read': { holds: string };
  'process.step': { fails: true } | { delayMs: number };
  /** The shop sees a timeout: the action's later effects do not happen; `charged`: the money went. */
  'payment.charge': { timeout: true; charged: boolean };
  'parcel.hop': { lost: true };
}

export type VocabularyHooks<P> = {
  [K in keyof VocabularyHookPoints]?: (
    params: P,
    occurrence: VocabularyHookPoints[K],
  ) => VocabularyHookResults[K] | undefined;
};

/**
 * A generic fault over the declared vocabulary. It is a core FaultDefinition (so
 * `deadend faults` and the generated docs list it; its core `hooks` are empty) plus:
 * - `world`: its hooks into the vocabulary world;
 * - `refs`: which params name declarations, param name → the kind of declaration
 *   ('message kind', 'channel', 'record', 'system', 'process', 'route', 'hop'); an array
 *   param (between) names one of that kind per entry. LOADER checks these against the profile;
 *   a hop is checked against the route named by the `route` param.
 * - `away`: the customer is away during the use's window (customer.away); `{ from, until }` in
 *   params, when given, override the window (local instants in the scenario's zone).
 */
// biome-ignore lint/suspicious/noExplicitAny: the catalogue holds faults of every parameter type
export interface VocabularyFaultDefinition<P = any> extends FaultDefinition<P> {
  world: VocabularyHooks<P>;
  refs: Record<string, string>;
  away?: (params: P) => { from?: string; until?: string };
}

export function defineVocabularyFault<P>(
  def: Omit<VocabularyFaultDefinition<P>, 'hooks'>,
): VocabularyFaultDefinition<P> {
  return { ...def, hooks: {} };
}
