/**
 * The open-vocabulary world as plain data (design §2.1). Everything a run changes is here;
 * what never changes during a run (the loaded profile, indexes, calendars, faults) is in
 * `ctx`, shared by every clone. Collections are small, so a clone copies them shallowly;
 * entries are never mutated in place (they are replaced), and the trace is a persistent list.
 */
import type { TraceNode } from '../../core/trace.ts';
import type { MessagePlace } from '../events.ts';
import type { Effect } from '../schema/index.ts';
import type { Context } from './context.ts';

export interface SentMessage {
  id: string;
  message: string;
  via: string;
  medium: string;
  to: string;
  owner: 'current' | 'former' | 'unknown';
  sentAt: number;
  deliverAt: number;
  /** Where it ended up; 'in-flight' until delivered. */
  place: MessagePlace | 'in-flight';
  seen: boolean;
}

export type LedgerEntry =
  | { type: 'charge'; id: string; tag: string; amount: number; at: number }
  | {
      type: 'refund';
      id: string;
      charge: string;
      tag: string;
      amount: number;
      at: number;
      reachesAt: number;
      reached: boolean;
    }
  | { type: 'credit'; id: string; tag: string; amount: number; at: number; as: string }
  | { type: 'fee'; id: string; amount: number; payer: 'merchant' | 'customer'; at: number; why: string }
  | { type: 'cost'; id: string; amount: number; at: number; action: string };

export interface ProcessState {
  startedAt: number;
  /** Base instant the steps' `after` count from (the start, or the last `every` re-arm). */
  runFrom: number;
  /** Index of the next step to run. */
  next: number;
  stopped: boolean;
}

export interface Commitment {
  id: string;
  channel: string;
  givenAt: number;
  due: number;
  recorded: boolean;
  settled: boolean;
}

/** Who caused a change (traced as the events' Cause). */
export interface CauseRef {
  action?: string;
  process?: string;
  fault?: string;
  given?: true;
  byCustomer?: boolean;
  /** The channel the change happened on (a send's default, a promise's channel). */
  channel?: string;
  /** Calendars that apply to business durations in its effects, in order (§2.2). */
  calendars?: string[];
  /** A support contact this change answers (for redirect effects). */
  contact?: { id: string; problem: string };
}

export type PendingEvent = { at: number; seq: number } & (
  | { type: 'step'; process: string; step: number; run: number; delayed?: boolean }
  | { type: 'rearm'; process: string; run: number }
  | { type: 'start'; process: string; cause: CauseRef }
  | { type: 'effects'; effects: Effect[]; cause: CauseRef }
  | { type: 'deliver'; message: string; place: MessagePlace }
  | { type: 'refund-reach'; entry: string }
  | { type: 'dispute-decide'; of: string; with: string; outcome: 'refund' | 'reject'; cause: CauseRef }
  | { type: 'commitment-due'; commitment: string; givenAt: number }
  | { type: 'hop'; route: string; hop: number; delivered: string[]; cause: CauseRef }
  | { type: 'customer-away'; label: string; until: number }
  | { type: 'customer-back' }
);

export interface VWorld {
  /** Shared by every clone: the loaded scenario, indexes, calendars, faults, persona. */
  readonly ctx: Context;
  now: number;
  facts: Record<string, true>;
  /** Facts the customer learned: fact → where ('message:<kind>', channel id, 'told'). */
  known: Record<string, string>;
  messages: SentMessage[];
  /** Per system, the records it holds: system → record → { value, at }. */
  records: Record<string, Record<string, { value: string; at: number }>>;
  ledger: LedgerEntry[];
  maxHeld: number;
  processes: Record<string, ProcessState>;
  commitments: Commitment[];
  /** Per channel id and per party id ('merchant' or a declared party). */
  contacts: Record<string, number>;
  effortMs: number;
  actionCounts: Record<string, number>;
  /** Fault label → times it struck (core/faultSet.ts `times`). */
  faultHits: Record<string, number>;
  pending: PendingEvent[];
  seq: number;
  trace: TraceNode | null;
  afterOutcome: boolean;
  gaveUp: boolean;
}

export function cloneWorld(w: VWorld): VWorld {
  const records: VWorld['records'] = {};
  for (const [system, held] of Object.entries(w.records)) records[system] = { ...held };
  return {
    ...w,
    facts: { ...w.facts },
    known: { ...w.known },
    messages: w.messages.slice(),
    records,
    ledger: w.ledger.slice(),
    processes: { ...w.processes },
    commitments: w.commitments.slice(),
    contacts: { ...w.contacts },
    actionCounts: { ...w.actionCounts },
    faultHits: { ...w.faultHits },
    pending: w.pending.slice(),
  };
}
