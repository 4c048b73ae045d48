/** Recording vocabulary events in the world's persistent trace. */
import { type Actor, append } from '../../core/trace.ts';
import type { VocabularyEventKind, VocabularyEventMap } from '../events.ts';
import type { CauseRef, VWorld } from './state.ts';

export function emit<K extends VocabularyEventKind>(
  w: VWorld,
  kind: K,
  actor: Actor,
  text: string,
  data: VocabularyEventMap[K],
  channel?: string,
): void {
  const full = w.afterOutcome ? { ...data, afterOutcome: true } : data;
  w.trace = append(w.trace, {
    t: w.now,
    actor,
    kind,
    ...(channel ? { channel } : {}),
    text,
    data: full as unknown as Record<string, unknown>,
  });
}

/** The Cause fields of an event (events.ts), without the world's own bookkeeping. */
export function causeData(cause: CauseRef): {
  action?: string;
  process?: string;
  fault?: string;
  given?: true;
  byCustomer?: boolean;
} {
  const out: ReturnType<typeof causeData> = {};
  if (cause.action) out.action = cause.action;
  if (cause.process) out.process = cause.process;
  if (cause.fault) out.fault = cause.fault;
  if (cause.given) out.given = true;
  if (cause.byCustomer) out.byCustomer = true;
  return out;
}

/** Who did it, for the event's actor. */
export function actorOf(cause: CauseRef): Actor {
  if (cause.byCustomer) return 'customer';
  if (cause.fault) return 'fault';
  if (cause.channel && !cause.process) return 'support';
  return 'merchant';
}
