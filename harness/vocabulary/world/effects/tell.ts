import { tell as tellCustomer } from '../knowledge.ts';
import type { EffectHandler } from './types.ts';

/** The customer learns that the fact holds; a fact that does not hold now is not told. */
export const tell: EffectHandler<'tell'> = (w, e, cause) => {
  if (w.facts[e.tell]) tellCustomer(w, e.tell, cause);
  return undefined;
};
