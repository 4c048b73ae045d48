import { partyOf } from '../channels.ts';
import { emit } from '../log.ts';
import type { EffectHandler } from './types.ts';

/** Staff send the customer to another channel instead of helping (traced as support.redirected). */
export const redirect: EffectHandler<'redirect'> = (w, e, cause) => {
  const channel = cause.channel ?? '';
  const from = w.ctx.channels.get(channel)?.name ?? channel;
  const to = w.ctx.channels.get(e.redirect)?.name ?? e.redirect;
  emit(
    w,
    'support.redirected',
    'support',
    `${from} sent the customer to ${to}.`,
    {
      contact: cause.contact?.id ?? '',
      channel,
      party: partyOf(w, channel),
      problem: cause.contact?.problem ?? '',
      to: e.redirect,
      tells: [],
    },
    channel || undefined,
  );
  return undefined;
};
