/**
 * A world at scenario start. Processes that start `at` an instant before `start` have run up
 * to it (101's conversion timer started on 2 March; its reminder of 13 March is in the trace),
 * so the world begins at the earliest such instant and is advanced to `start`.
 */
import { parseInstant } from '../../clock/instant.ts';
import { advanceTo } from './advance.ts';
import { compile } from './context.ts';
import { setFact } from './facts.ts';
import { emit } from './log.ts';
import { amountOf, noteHeld } from './money.ts';
import { schedule } from './queue.ts';
import { defaultValue, writeRecord } from './records.ts';
import type { RunSetup } from './setup.ts';
import type { VWorld } from './state.ts';
import { amountText } from './words.ts';

export function createWorld(setup: RunSetup): VWorld {
  const ctx = compile(setup);
  const { scenario } = ctx;
  const start = parseInstant(scenario.start, ctx.zone);
  const startsAt = new Map<string, number>();
  for (const p of ctx.processes.values()) {
    if (typeof p.starts === 'object' && 'at' in p.starts)
      startsAt.set(p.id, parseInstant(p.starts.at, ctx.zone));
  }
  const t0 = Math.min(start, ...startsAt.values());
  const facts: Record<string, true> = {};
  for (const f of ctx.facts.values()) if (f.initially) facts[f.id] = true;
  const w: VWorld = {
    ctx,
    now: t0,
    facts,
    known: {},
    messages: [],
    records: {},
    ledger: [],
    maxHeld: 0,
    processes: {},
    commitments: [],
    contacts: {},
    effortMs: 0,
    actionCounts: {},
    faultHits: {},
    pending: [],
    seq: 0,
    trace: null,
    afterOutcome: false,
    gaveUp: false,
  };
  // A declared record is held by its master from the start (the order, the provider's list of
  // charges); `given.records` then sets the values the scenario states.
  for (const r of ctx.records.values()) writeRecord(w, r.id, r.master, defaultValue(ctx, r.id));
  const given = scenario.given;
  for (const r of given?.records ?? [])
    writeRecord(w, r.record, r.in, r.value ?? defaultValue(ctx, r.record));
  for (const f of given?.facts ?? []) setFact(w, f, { given: true });
  for (const c of given?.charges ?? []) {
    const amount = amountOf(ctx, w, c.amount);
    const id = `c${w.ledger.length + 1}`;
    w.ledger = [...w.ledger, { type: 'charge', id, tag: c.tag, amount, at: parseInstant(c.at, ctx.zone) }];
    noteHeld(w);
    emit(
      w,
      'payment.charged',
      'payment',
      `Before the journey the card was charged ${amountText(amount, ctx.profile.currency)} (${c.tag}).`,
      {
        charge: id,
        tag: c.tag,
        amount,
        currency: ctx.profile.currency,
        given: true,
      },
    );
  }
  for (const a of ctx.away) {
    if (a.from >= t0) schedule(w, { type: 'customer-away', label: a.label, until: a.until, at: a.from });
    if (a.until >= t0) schedule(w, { type: 'customer-back', at: a.until });
  }
  for (const [id, at] of startsAt) schedule(w, { type: 'start', process: id, cause: { given: true }, at });
  for (const id of given?.processes ?? []) {
    if (!startsAt.has(id)) schedule(w, { type: 'start', process: id, cause: { given: true }, at: start });
  }
  advanceTo(w, start);
  return w;
}
