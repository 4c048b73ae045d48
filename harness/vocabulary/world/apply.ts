/** Applying a list of effects at w.now, in order; an effect may end the list (payment timeout). */
import type { Effect } from '../schema/index.ts';
import { type EffectKind, effectHandlers } from './effects/index.ts';
import type { CauseRef, VWorld } from './state.ts';

export function applyEffects(w: VWorld, effects: readonly Effect[], cause: CauseRef): void {
  for (const effect of effects) {
    const kind = Object.keys(effect)[0] as EffectKind;
    const handler = effectHandlers[kind] as (w: VWorld, e: Effect, c: CauseRef) => 'stop' | undefined;
    if (handler(w, effect, cause) === 'stop') return;
  }
}
