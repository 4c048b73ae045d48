/**
 * The PluginWorld a plugin sees, built over whatever world runs the scenario (the vocabulary
 * world in sim, the same world behind a wire target). The world hands over a PluginHost — the
 * few operations a plugin may use — and gets back the narrow, documented surface: a plugin
 * cannot reach the world's data, only read facts and traits, test conditions, apply effects,
 * trace, and draw from a seeded stream.
 */
import seedrandom from 'seedrandom';
import type { Condition, Effect, PluginWorld } from '../schema/index.ts';

/** What a world provides so plugins can run in it. */
export interface PluginHost {
  readonly now: number;
  readonly zone: string;
  fact(id: string): boolean;
  trait(id: string): boolean | number | string | undefined;
  holds(condition: Condition): boolean;
  /** Applies an effect at now, traced with the plugin as its cause. */
  apply(effect: Effect, cause: { plugin: string }): void;
  /** Appends a trace event at now (the host adds afterOutcome when due). */
  trace(event: {
    kind: string;
    text: string;
    data: Record<string, unknown>;
    actor: 'customer' | 'merchant';
  }): void;
  /** Adds to the customer's effort (a plugin action taken by the explorer); absent: not counted. */
  spend?(effortMs: number): void;
  /** The run's seed key (RunSetup.seedKey). */
  readonly seedKey: string;
  /**
   * What tells this moment of the run apart (e.g. now and the trace length): the draws of a
   * plugin are a pure function of the seed, the plugin, this and the draw's number in the call,
   * so forked worlds need not carry a random stream along (as core/faultSet.ts's draws).
   */
  readonly moment: string;
}

/** The world as the plugin `pluginId` sees it, for one call (one condition test, one run). */
export function createPluginWorld(host: PluginHost, pluginId: string): PluginWorld {
  let draws = 0;
  return {
    get now() {
      return host.now;
    },
    get zone() {
      return host.zone;
    },
    fact: (id) => host.fact(id),
    trait: (id) => host.trait(id),
    holds: (condition) => host.holds(condition),
    apply: (effect) => host.apply(effect, { plugin: pluginId }),
    trace: (event) =>
      host.trace({
        kind: event.kind,
        text: event.text,
        data: { ...(event.data ?? {}), plugin: pluginId },
        actor: event.actor ?? 'merchant',
      }),
    random: () => seedrandom(`${host.seedKey}|plugin:${pluginId}|${host.moment}|${draws++}`)(),
  };
}
