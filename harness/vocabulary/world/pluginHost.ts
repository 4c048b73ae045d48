/** The PluginHost (vocabulary/plugins) this world gives plugins: read, test, apply, trace. */
import type { PluginHost } from '../plugins/pluginWorld.ts';
import { applyEffects } from './apply.ts';
import { holds, traitValue } from './conditions.ts';
import { emit } from './log.ts';
import type { VWorld } from './state.ts';

export function pluginHost(w: VWorld): PluginHost {
  return {
    now: w.now,
    zone: w.ctx.zone,
    fact: (id) => w.facts[id] === true,
    trait: (id) => traitValue(w, id),
    holds: (c) => holds(w, c),
    apply: (effect, cause) => applyEffects(w, [effect], { action: cause.plugin }),
    trace: (e) => {
      // Plugin events are free-form; they share the trace with the declared kinds.
      emit(w, e.kind as 'fact.set', e.actor, e.text, e.data as never);
    },
    spend: (ms) => {
      w.effortMs += ms;
    },
    seedKey: w.ctx.setup.seedKey,
    moment: `${w.now}|${w.trace?.length ?? 0}`,
  };
}
