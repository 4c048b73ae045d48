import { setFact } from '../facts.ts';
import type { EffectHandler } from './types.ts';

export const set: EffectHandler<'set'> = (w, e, cause) => {
  setFact(w, e.set, cause);
  return undefined;
};
