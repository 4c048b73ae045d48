import { sendMessage } from '../messages.ts';
import type { EffectHandler } from './types.ts';

export const send: EffectHandler<'send'> = (w, e, cause) => {
  sendMessage(w, e.send.message, e.send.via, e.send.to, cause);
  return undefined;
};
