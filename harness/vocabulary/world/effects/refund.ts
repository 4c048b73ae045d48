import { causeData, emit } from '../log.ts';
import { amountOf, noteHeld } from '../money.ts';
import { schedule } from '../queue.ts';
import type { LedgerEntry } from '../state.ts';
import { endOf, lengthText } from '../time.ts';
import { amountText, longDate } from '../words.ts';
import type { EffectHandler } from './types.ts';

/**
 * Refunds the latest charge of the tag not yet refunded in full; the money is held until it
 * reaches the card (`reaches`, in the calendar that applies; a range takes its upper end).
 */
export const refund: EffectHandler<'refund'> = (w, e, cause) => {
  const { of } = e.refund;
  const refunded = (id: string) =>
    w.ledger.reduce((sum, x) => sum + (x.type === 'refund' && x.charge === id ? x.amount : 0), 0);
  const charges = w.ledger.filter(
    (x): x is Extract<LedgerEntry, { type: 'charge' }> =>
      x.type === 'charge' && x.tag === of && refunded(x.id) < x.amount,
  );
  const target = charges[charges.length - 1];
  if (!target) return undefined;
  const left = target.amount - refunded(target.id);
  const amount = Math.min(left, e.refund.amount === undefined ? left : amountOf(w.ctx, w, e.refund.amount));
  const reachesAt =
    e.refund.reaches === undefined ? w.now : endOf(w.ctx, e.refund.reaches, w.now, cause.calendars ?? []);
  const id = `r${w.ledger.length + 1}`;
  const reaches = e.refund.reaches === undefined ? 'no time' : lengthText(w.ctx, e.refund.reaches);
  const when =
    e.refund.reaches === undefined
      ? 'it is back on the card at once'
      : `it reaches the card in ${reaches}, by ${longDate(reachesAt, w.ctx.zone)}`;
  w.ledger = [
    ...w.ledger,
    { type: 'refund', id, charge: target.id, tag: of, amount, at: w.now, reachesAt, reached: false },
  ];
  emit(
    w,
    'payment.refunded',
    'payment',
    `${amountText(amount, w.ctx.profile.currency)} was refunded (${of}); ${when}.`,
    {
      charge: target.id,
      tag: of,
      amount,
      reaches,
      reachesAt: new Date(reachesAt).toISOString(),
      ...causeData(cause),
    },
  );
  if (reachesAt <= w.now) reachCard(w, id);
  else schedule(w, { type: 'refund-reach', entry: id, at: reachesAt });
  return undefined;
};

export function reachCard(w: import('../state.ts').VWorld, entry: string): void {
  const r = w.ledger.find((x) => x.id === entry);
  if (r?.type !== 'refund' || r.reached) return;
  w.ledger = w.ledger.map((x) => (x.id === entry ? { ...r, reached: true } : x));
  noteHeld(w);
  emit(
    w,
    'payment.refund-reached',
    'payment',
    `The refund of ${amountText(r.amount, w.ctx.profile.currency)} (${r.tag}) reached the card.`,
    {
      charge: r.charge,
      tag: r.tag,
      amount: r.amount,
    },
  );
}
