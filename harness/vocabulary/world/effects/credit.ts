import { causeData, emit } from '../log.ts';
import { amountOf } from '../money.ts';
import { amountText } from '../words.ts';
import type { EffectHandler } from './types.ts';

export const credit: EffectHandler<'credit'> = (w, e, cause) => {
  const amount = amountOf(w.ctx, w, e.credit.amount);
  const { tag, as } = e.credit;
  w.ledger = [...w.ledger, { type: 'credit', id: `k${w.ledger.length + 1}`, tag, amount, at: w.now, as }];
  emit(
    w,
    'payment.credited',
    'payment',
    `The customer was credited ${amountText(amount, w.ctx.profile.currency)} (${tag}, ${as}).`,
    {
      tag,
      amount,
      as,
      ...causeData(cause),
    },
  );
  return undefined;
};
