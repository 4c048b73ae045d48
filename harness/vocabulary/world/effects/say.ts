import { emit } from '../log.ts';
import type { EffectHandler } from './types.ts';

/**
 * Staff (or a page) state a reason: the channel's `explains` words, else the reason's own
 * `says`. The subject is what the statement is about: the action's or process's id.
 */
export const say: EffectHandler<'say'> = (w, e, cause) => {
  const channel = cause.channel ?? '';
  const words = w.ctx.channels.get(channel)?.explains[e.say] ?? w.ctx.reasons.get(e.say)?.says ?? e.say;
  const who = channel ? (w.ctx.channels.get(channel)?.name ?? channel) : w.ctx.profile.name;
  emit(
    w,
    'support.said',
    channel ? 'support' : 'merchant',
    `${who} gave the reason: ${words}.`,
    { channel, reason: e.say, said: words, subject: cause.process ?? cause.action ?? 'journey' },
    channel || undefined,
  );
  return undefined;
};
