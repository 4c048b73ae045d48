import { strike } from '../faults.ts';
import { causeData, emit } from '../log.ts';
import { amountOf, noteHeld } from '../money.ts';
import { amountText } from '../words.ts';
import type { EffectHandler } from './types.ts';

/** Charges the card; payment.timeout may make the shop give up (the rest of the list is dropped). */
export const charge: EffectHandler<'charge'> = (w, e, cause) => {
  const { tag } = e.charge;
  const amount = amountOf(w.ctx, w, e.charge.amount);
  const id = `c${w.ledger.length + 1}`;
  const hit = strike(w, 'payment.charge', { tag, amount, id });
  const currency = w.ctx.profile.currency;
  const product =
    'price' in Object(e.charge.amount) ? (e.charge.amount as { price: string }).price : undefined;
  const charged = !hit || hit.result.charged;
  if (charged) {
    w.ledger = [...w.ledger, { type: 'charge', id, tag, amount, at: w.now }];
    noteHeld(w);
    emit(w, 'payment.charged', 'payment', `The card was charged ${amountText(amount, currency)} (${tag}).`, {
      charge: id,
      tag,
      amount,
      currency,
      ...(product ? { product } : {}),
      ...causeData(cause),
    });
  }
  if (!hit) return undefined;
  emit(
    w,
    'payment.timeout',
    'fault',
    `The payment provider did not answer in time; the shop gave up${charged ? ', but the card was charged' : ''} (${hit.label}).`,
    { tag, fault: hit.label, charged },
  );
  return 'stop';
};
