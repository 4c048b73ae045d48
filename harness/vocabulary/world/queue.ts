/**
 * The world's pending events, a small array kept sorted by (at, seq): the same idea as
 * core/scheduler.ts's queue, without its closed list of event types. Ties run in the order
 * they were scheduled, so runs are deterministic.
 */
import type { PendingEvent, VWorld } from './state.ts';

type Unsequenced = PendingEvent extends infer E ? (E extends PendingEvent ? Omit<E, 'seq'> : never) : never;

export function schedule(w: VWorld, ev: Unsequenced): void {
  const full = { ...ev, seq: w.seq++ } as PendingEvent;
  let i = w.pending.length;
  while (i > 0 && w.pending[i - 1]!.at > full.at) i--;
  w.pending.splice(i, 0, full);
}

/** Takes the first event due at or before t. */
export function popDue(w: VWorld, t: number): PendingEvent | undefined {
  const first = w.pending[0];
  if (!first || first.at > t) return undefined;
  w.pending.shift();
  return first;
}

export function cancel(w: VWorld, keep: (ev: PendingEvent) => boolean): void {
  w.pending = w.pending.filter(keep);
}
