/**
 * What an oracle over the declared vocabulary reads, and the words its findings use. An open
 * run's trace is read with the merged profile, so a finding can quote the names a team declared
 * (a channel's `name`, a party's name, a message kind's id and name) exactly as written.
 *
 * Self-contained on purpose: harness/oracles lists these oracles in its catalogue text, so this
 * folder must not import its parent (a folder cycle).
 */
import { parseInstant } from '../../clock/instant.ts';
import type { Finding, Severity } from '../../core/contract.ts';
import { formatMoney } from '../../core/runEnv.ts';
import type { TraceEvent } from '../../core/trace.ts';
import type { VocabularyEventKind, VocabularyEventMap } from '../../vocabulary/events.ts';
import type { LoadedOpenScenario } from '../../vocabulary/loaded.ts';
import { longDateTime } from '../../vocabulary/world/words.ts';

export interface VocabularyOracleContext {
  /** The run's final trace, the horizon's events included; indices are positions in it. */
  events: readonly TraceEvent[];
  loaded: LoadedOpenScenario;
}

export interface VocabularyOracle {
  /** The same id as the seed oracle where the concept is the same (expectations name it). */
  id: string;
  severity: Severity;
  summary: string;
  /** How it reads an open vocabulary's trace: what fires it, what does not. */
  description: string;
  check(ctx: VocabularyOracleContext): Finding[];
}

/** The data of `e` if it is a vocabulary event of `kind`; partial, as a target may report less. */
export function data<K extends VocabularyEventKind>(
  e: TraceEvent,
  kind: K,
): Partial<VocabularyEventMap[K]> | undefined {
  return e.kind === kind ? ((e.data ?? {}) as Partial<VocabularyEventMap[K]>) : undefined;
}

/** Every event of `kind` with its index, in trace order. */
export function eventsOf<K extends VocabularyEventKind>(
  events: readonly TraceEvent[],
  kind: K,
): { i: number; e: TraceEvent; d: Partial<VocabularyEventMap[K]> }[] {
  const out: { i: number; e: TraceEvent; d: Partial<VocabularyEventMap[K]> }[] = [];
  events.forEach((e, i) => {
    const d = data(e, kind);
    if (d) out.push({ i, e, d });
  });
  return out;
}

export function finding(oracle: VocabularyOracle, message: string, events: number[]): Finding {
  const idx = [...new Set(events)].sort((a, b) => a - b);
  return { oracle: oracle.id, severity: oracle.severity, message, events: idx };
}

/** The customer's zone (the scenario's), else the merchant's: times are quoted as she lives them. */
export function zoneOf(ctx: VocabularyOracleContext): string {
  return ctx.loaded.scenario.customer.timezone ?? ctx.loaded.profile.timezone;
}

/** `Wednesday 1 April 2026 at 01:00` in the customer's zone (stories name dates as "1 April"). */
export function at(ctx: VocabularyOracleContext, t: number): string {
  return longDateTime(t, zoneOf(ctx));
}

/** A scenario instant (local time in the customer's zone, or with an offset) as epoch ms. */
export function instantOf(ctx: VocabularyOracleContext, text: string | undefined): number | undefined {
  if (!text) return undefined;
  try {
    return parseInstant(text, zoneOf(ctx));
  } catch {
    return undefined;
  }
}

export function money(ctx: VocabularyOracleContext, amount: number): string {
  return formatMoney(amount, ctx.loaded.profile.currency);
}

/** `and`-joined list: "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Declared names as written; ids where nothing is declared (a target may report more). */
export function names(ctx: VocabularyOracleContext) {
  const p = ctx.loaded.profile;
  return {
    channel: (id: string | undefined): string =>
      (id && p.channels.find((c) => c.id === id)?.name) || id || 'a channel',
    party: (id: string | undefined): string | undefined =>
      id ? (p.parties.find((x) => x.id === id)?.name ?? id) : undefined,
    /** `dunning-notice (“your payment failed” e-mail)`: the id a team greps for, and its words. */
    message: (id: string | undefined): string => {
      const m = p.messages.find((x) => x.id === id);
      return m && m.name !== id ? `${id} (${m.name})` : (id ?? 'a message');
    },
    /** `order-ready (“the order is ready for pick-up”)`. */
    fact: (id: string): string => {
      const f = p.facts.find((x) => x.id === id);
      return f ? `${id} (“${f.description}”)` : id;
    },
    system: (id: string | undefined): string => {
      const s = p.systems.find((x) => x.id === id);
      const owner = s?.party ? p.parties.find((x) => x.id === s.party)?.name : undefined;
      const named = s?.name && s.name !== id ? `${id} (${s.name})` : (id ?? 'a system');
      return owner ? `${named}, ${owner}’s system` : named;
    },
  };
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
