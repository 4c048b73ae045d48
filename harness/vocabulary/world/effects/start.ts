import { startProcess } from '../processes.ts';
import type { EffectHandler } from './types.ts';

export const start: EffectHandler<'start'> = (w, e, cause) => {
  startProcess(w, e.start, cause);
  return undefined;
};
