import { causeData, emit } from '../log.ts';
import { amountOf } from '../money.ts';
import { amountText } from '../words.ts';
import type { EffectHandler } from './types.ts';

export const fee: EffectHandler<'fee'> = (w, e, cause) => {
  const amount = amountOf(w.ctx, w, e.fee.amount);
  const { payer, to, why } = e.fee;
  w.ledger = [...w.ledger, { type: 'fee', id: `f${w.ledger.length + 1}`, amount, payer, at: w.now, why }];
  const whom = to ? ` to ${w.ctx.parties.get(to)?.name ?? to}` : '';
  emit(
    w,
    'fee.charged',
    'payment',
    `The ${payer} paid a ${why} of ${amountText(amount, w.ctx.profile.currency)}${whom}.`,
    {
      amount,
      payer,
      ...(to ? { to } : {}),
      why,
      ...causeData(cause),
    },
  );
  return undefined;
};
