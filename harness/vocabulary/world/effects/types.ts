import type { Effect } from '../../schema/index.ts';
import type { CauseRef, VWorld } from '../state.ts';

/** The effect kinds: the first key of an effect object. */
export type EffectKind = Exclude<
  Effect extends infer E ? (E extends Effect ? keyof E & string : never) : never,
  'params'
>;
export type EffectOf<K extends string> = Extract<Effect, Record<K, unknown>>;

/**
 * One effect kind's semantics: applied at w.now with its cause. 'stop' ends the list it is
 * in (a payment timeout: the rest of the action does not happen).
 */
export type EffectHandler<K extends string> = (
  w: VWorld,
  effect: EffectOf<K>,
  cause: CauseRef,
) => 'stop' | undefined;
