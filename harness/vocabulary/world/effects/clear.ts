import { clearFact } from '../facts.ts';
import type { EffectHandler } from './types.ts';

export const clear: EffectHandler<'clear'> = (w, e, cause) => {
  clearFact(w, e.clear, cause);
  return undefined;
};
