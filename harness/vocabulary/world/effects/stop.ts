import { stopProcess } from '../processes.ts';
import type { EffectHandler } from './types.ts';

export const stop: EffectHandler<'stop'> = (w, e, cause) => {
  stopProcess(w, e.stop, cause);
  return undefined;
};
