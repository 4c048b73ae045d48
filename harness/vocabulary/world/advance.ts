/** Time passing: the pending events run in order (process steps, deliveries, refunds, …). */
import { applyEffects } from './apply.ts';
import { commitmentDue } from './commitments.ts';
import { reachCard } from './effects/index.ts';
import { setFact } from './facts.ts';
import { strike } from './faults.ts';
import { seeWaiting } from './knowledge.ts';
import { emit } from './log.ts';
import { deliver } from './messages.ts';
import { rearm, runStep, startProcess } from './processes.ts';
import { popDue, schedule } from './queue.ts';
import type { PendingEvent, VWorld } from './state.ts';
import { endOf } from './time.ts';
import { longDate } from './words.ts';

export function advanceTo(w: VWorld, t: number): void {
  for (let ev = popDue(w, t); ev; ev = popDue(w, t)) {
    if (ev.at > w.now) w.now = ev.at;
    handle(w, ev);
  }
  if (t > w.now) w.now = t;
}

export function nextEventAt(w: VWorld): number | undefined {
  return w.pending[0]?.at;
}

function handle(w: VWorld, ev: PendingEvent): void {
  switch (ev.type) {
    case 'step':
      runStep(w, ev.process, ev.step, ev.run, ev.delayed === true);
      return;
    case 'rearm':
      rearm(w, ev.process, ev.run);
      return;
    case 'start':
      startProcess(w, ev.process, ev.cause);
      return;
    case 'effects':
      applyEffects(w, ev.effects, ev.cause);
      return;
    case 'deliver':
      deliver(w, ev.message, ev.place);
      return;
    case 'refund-reach':
      reachCard(w, ev.entry);
      return;
    case 'dispute-decide': {
      const name = w.ctx.parties.get(ev.with)?.name ?? ev.with;
      emit(w, 'dispute.decided', 'payment', `${name} decided the dispute of ${ev.of}: ${ev.outcome}.`, {
        of: ev.of,
        with: ev.with,
        outcome: ev.outcome,
      });
      if (ev.outcome === 'refund') applyEffects(w, [{ refund: { of: ev.of } }], ev.cause);
      return;
    }
    case 'commitment-due':
      commitmentDue(w, ev.commitment, ev.givenAt);
      return;
    case 'hop':
      hop(w, ev);
      return;
    case 'customer-away':
      emit(w, 'customer.away', 'customer', `The customer is away until ${longDate(ev.until, w.ctx.zone)}.`, {
        fault: ev.label,
        from: new Date(w.now).toISOString(),
        until: new Date(ev.until).toISOString(),
      });
      return;
    case 'customer-back':
      seeWaiting(w);
      return;
  }
}

function hop(w: VWorld, ev: Extract<PendingEvent, { type: 'hop' }>): void {
  const route = w.ctx.routes.get(ev.route);
  const here = route?.hops[ev.hop];
  if (!route || !here) return;
  const party = here.party;
  const partyName = party ? (w.ctx.parties.get(party)?.name ?? party) : w.ctx.profile.name;
  const hit = strike(w, 'parcel.hop', { route: route.id, hop: here.id, id: `${route.id}:${here.id}` });
  if (hit) {
    emit(w, 'parcel.lost', 'fault', `The parcel was lost at ${here.id} (${partyName}) (${hit.label}).`, {
      route: route.id,
      hop: here.id,
      ...(party ? { party } : {}),
      fault: hit.label,
    });
    return;
  }
  emit(w, 'parcel.scanned', 'orders', `The parcel was scanned at ${here.id} (${partyName}).`, {
    route: route.id,
    hop: here.id,
    ...(party ? { party } : {}),
  });
  if (here.scans) setFact(w, here.scans, ev.cause);
  const next = route.hops[ev.hop + 1];
  if (!next) {
    emit(w, 'parcel.delivered', 'orders', `The parcel arrived (${route.id}).`, { route: route.id });
    for (const f of ev.delivered) setFact(w, f, ev.cause);
    return;
  }
  const calendar = next.party ? w.ctx.parties.get(next.party)?.calendar : undefined;
  schedule(w, { ...ev, hop: ev.hop + 1, at: endOf(w.ctx, next.takes, w.now, [calendar]) });
}
