/**
 * What the customer knows (design §2.3): messages seen (an inbox they look in, a phone that is
 * theirs, the app's messages when they next use it), facts told, pages looked at. Seeing a
 * message teaches the facts its kind `tells`.
 */
import { awayAt } from './faults.ts';
import { emit } from './log.ts';
import type { CauseRef, SentMessage, VWorld } from './state.ts';

/** The customer learns a fact (once; later learning keeps the first where). */
export function learn(w: VWorld, fact: string, where: string): boolean {
  if (w.known[fact] !== undefined) return false;
  w.known = { ...w.known, [fact]: where };
  return true;
}

/** A `tell`, a staff answer or a redirect's `tells`: learned and traced as customer.told. */
export function tell(w: VWorld, fact: string, cause: CauseRef): void {
  learn(w, fact, cause.channel ?? 'told');
  const desc = w.ctx.facts.get(fact)?.description ?? fact;
  emit(
    w,
    'customer.told',
    cause.byCustomer ? 'customer' : 'support',
    `The customer learned that ${desc}.`,
    {
      fact,
      ...(cause.channel ? { channel: cause.channel } : {}),
      ...(cause.contact ? { contact: cause.contact.id } : {}),
      ...(cause.action ? { action: cause.action } : {}),
      ...(cause.process ? { process: cause.process } : {}),
      ...(cause.byCustomer ? { byCustomer: true } : {}),
    },
    cause.channel,
  );
}

function replace(w: VWorld, m: SentMessage): void {
  w.messages = w.messages.map((x) => (x.id === m.id ? m : x));
}

export function see(w: VWorld, m: SentMessage): void {
  if (m.seen) return;
  replace(w, { ...m, seen: true });
  const kind = w.ctx.messages.get(m.message);
  emit(
    w,
    'message.shown',
    'customer',
    `The customer saw the ${kind?.name ?? m.message} (${placeWords(m.place)}).`,
    { id: m.id, message: m.message, via: m.via, place: m.place === 'in-flight' ? 'nowhere' : m.place },
    m.via,
  );
  for (const fact of kind?.tells ?? []) learn(w, fact, `message:${m.message}`);
}

function placeWords(place: SentMessage['place']): string {
  return place === 'inbox'
    ? 'in the inbox'
    : place === 'phone'
      ? 'on the phone'
      : place === 'app'
        ? 'in the app'
        : `in ${place}`;
}

/** Seen on delivery: an inbox or phone of the customer's, unless away (then when back). */
export function seenOnDelivery(w: VWorld, m: SentMessage): boolean {
  return (m.place === 'inbox' || m.place === 'phone' || m.place === 'post') && !awayAt(w.ctx, w.now);
}

/** The customer uses the app (an action on an account channel, a routine): its messages are seen. */
export function seeApp(w: VWorld): void {
  for (const m of w.messages) if (m.place === 'app' && !m.seen) see(w, m);
}

/** Back from being away: what arrived meanwhile in the inbox and on the phone is seen. */
export function seeWaiting(w: VWorld): void {
  for (const m of w.messages)
    if (!m.seen && (m.place === 'inbox' || m.place === 'phone' || m.place === 'post')) see(w, m);
}

export function lookInSpam(w: VWorld): boolean {
  let any = false;
  for (const m of w.messages) {
    if (m.place === 'spam' && !m.seen) {
      see(w, m);
      any = true;
    }
  }
  return any;
}

/**
 * Pages on this channel teach the facts they show that hold now; traced as customer.told
 * with byCustomer (looking is finding out, not being told), once per fact.
 */
export function lookAtPages(w: VWorld, channel: string, action?: string): void {
  for (const f of w.ctx.facts.values()) {
    if (f.shownOn.includes(channel) && w.facts[f.id] && w.known[f.id] === undefined) {
      tell(w, f.id, { channel, byCustomer: true, ...(action ? { action } : {}) });
    }
  }
}
