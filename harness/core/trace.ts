import { type Instant, toIso } from '../clock/instant.ts';
import type { TraceEntry } from './contract.ts';
import type { TraceEventMap, TraceKind } from './traceEvents.ts';

/**
 * The trace is the spine of a run: every service appends typed events to it, oracles and
 * reporters only read it. It is a persistent (immutable, parent-linked) list so that the
 * explorer can branch a world thousands of times without copying the history.
 */

export type { Duration, Instant } from '../clock/instant.ts';

export type Actor =
  | 'customer'
  | 'merchant'
  | 'mail'
  | 'payment'
  | 'licensing'
  | 'support'
  | 'orders'
  | 'notify'
  | 'fault';

export interface TraceEvent {
  /** When it happened (virtual time). */
  t: Instant;
  actor: Actor;
  /**
   * Machine-readable kind, `family.verb`, e.g. `mail.quarantined`, `order.cancelled`; the kinds
   * the models record and their data are in the event map (traceEvents.ts).
   */
  kind: string;
  /** Channel a customer-facing event happened on (`email`, `phone`, `store`, `web`, …). */
  channel?: string;
  /** One plain-language sentence, written for a process owner, in the past tense. */
  text: string;
  /** Structured details for oracles (ids, amounts, reasons, addresses). */
  data?: Record<string, unknown>;
}

/**
 * The data of `e` if it is an event of `kind`, typed by the event map; undefined for any other
 * kind. Partial: an event a target reported over the wire may lack fields, so test what you use.
 */
export function dataOf<K extends TraceKind>(e: TraceEvent, kind: K): Partial<TraceEventMap[K]> | undefined {
  return e.kind === kind ? ((e.data ?? {}) as Partial<TraceEventMap[K]>) : undefined;
}

/** Every key some event's data has: what an oracle may look up by name. */
export type DataKey = { [K in TraceKind]: keyof TraceEventMap[K] }[TraceKind] & string;

export interface TraceNode {
  readonly event: TraceEvent;
  readonly parent: TraceNode | null;
  readonly length: number;
}

export function append(trace: TraceNode | null, event: TraceEvent): TraceNode {
  return { event, parent: trace, length: (trace?.length ?? 0) + 1 };
}

export function toArray(trace: TraceNode | null): TraceEvent[] {
  const out: TraceEvent[] = new Array(trace?.length ?? 0);
  for (let node = trace, i = out.length - 1; node; node = node.parent, i--) out[i] = node.event;
  return out;
}

/** An event as results.json and the sandbox's trace API show it. */
export function traceEntry(e: TraceEvent): TraceEntry {
  return {
    at: toIso(e.t),
    actor: e.actor,
    kind: e.kind,
    ...(e.channel ? { channel: e.channel } : {}),
    text: e.text,
    ...(e.data ? { data: e.data } : {}),
  };
}
