import { givePromise } from '../commitments.ts';
import type { EffectHandler } from './types.ts';

export const promise: EffectHandler<'promise'> = (w, e, cause) => {
  givePromise(w, e.promise, cause);
  return undefined;
};
