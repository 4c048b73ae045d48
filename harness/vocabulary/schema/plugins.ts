/**
 * Plugins (types only), registered from deadend.config.ts: what data cannot say. A YAML file
 * names a plugin by id (`plugin: my-check`, `params: { … }`) as a condition, an effect, a
 * scripted step; plugin actions are also offered to the explorer; plugin oracles read the trace.
 * Part of the open-vocabulary proposal (issue 12); index.ts is its entry. The helpers that build
 * these (`defineAction`, …) and the registry are in harness/vocabulary/plugins/.
 */
import type { z } from 'zod';
import type { Severity } from '../../core/contract.ts';
import type { TraceEvent } from '../../core/trace.ts';
import type { VocabularyHooks } from '../faults/hooks.ts';
import type { OpenMerchantProfile, OpenScenario } from './scenario.ts';
import type { Condition, Effect } from './terms.ts';

/** What a plugin may read and change in a run; the same for sim and the wire targets. */
export interface PluginWorld {
  /** Virtual time (ms since the epoch); plugins never read the wall clock. */
  readonly now: number;
  /** The customer's time zone (the scenario's), for dates a plugin writes in words. */
  readonly zone: string;
  fact(id: string): boolean;
  trait(id: string): boolean | number | string | undefined;
  /** Any condition of the algebra (`{ knows: … }`, `{ money: … }`), as YAML would write it. */
  holds(condition: Condition): boolean;
  /** An effect as YAML would write it; traced with this plugin as its cause. */
  apply(effect: Effect): void;
  /** A trace event; `kind` should be `<plugin id>.<what>` so it never collides with the world's. */
  trace(event: {
    kind: string;
    text: string;
    data?: Record<string, unknown>;
    actor?: 'customer' | 'merchant';
  }): void;
  /** A seeded stream for this run (same seed, same draws); never Math.random. */
  random(): number;
}

export interface ActionPlugin<P> {
  id: string;
  params: z.ZodType<P>;
  /** Plain words for paths and the gap report ("ask the bank to call back"). */
  label(params: P): string;
  applicable(world: PluginWorld, params: P): boolean;
  /** Why it does not apply now, in plain words, for a dead end's explanation ("the app refuses pauses on Wednesdays"). */
  why?(world: PluginWorld, params: P): string;
  /**
   * Its effects happen now (through `world.apply`); the customer is then busy for `tookMs`
   * and spends `effortMs` of their own time (default `tookMs`).
   */
  run(world: PluginWorld, params: P): { tookMs: number; effortMs?: number };
  /** The parameter sets the explorer tries (default: one, the params' defaults, if `{}` parses). */
  choices?: readonly P[];
  /** Whose action it is; staff actions are searched only when staff may help (default customer). */
  by?: 'customer' | 'staff';
  /**
   * The declared channel it is taken on (the app, a store): offered only when the profile
   * declares it, the persona uses it and it is open now, as a declared action's `on`.
   */
  on?: string;
}
export interface StepPlugin<P> {
  id: string;
  params: z.ZodType<P>;
  run(world: PluginWorld, params: P): { ok: true } | { ok: false; problem: string; what: string };
}
export interface ConditionPlugin<P> {
  id: string;
  params: z.ZodType<P>;
  holds(world: PluginWorld, params: P): boolean;
}
/** What a plugin oracle reads: the finished run's trace and what it ran against. */
export interface PluginOracleContext {
  /** Indices into this list are the `events` of a finding. */
  events: readonly TraceEvent[];
  profile: OpenMerchantProfile;
  scenario: OpenScenario;
  /** The customer's time zone. */
  zone: string;
}
export interface OraclePlugin {
  id: string;
  summary: string;
  /** Default 'medium'. */
  severity?: Severity;
  check(ctx: PluginOracleContext): { message: string; events: number[] }[];
}
export interface FaultPlugin<P> {
  /** As the built-in faults' ids: `family.what`, e.g. `courier.strike`. */
  id: string;
  summary: string;
  /** For `deadend faults` (default: the summary). */
  description?: string;
  params: z.ZodType<P>;
  /** Example use for the catalogue, e.g. `{ fault: 'courier.strike', params: { route: 'to-store' } }`. */
  example?: Record<string, unknown>;
  /** Params that name declarations, param → kind ('message kind', 'channel', 'process', …): validate checks them. */
  refs?: Record<string, string>;
  /** Its hooks into the vocabulary world, as the built-in vocabulary faults' (vocabulary/faults/hooks.ts). */
  world: VocabularyHooks<P>;
}
// biome-ignore lint/suspicious/noExplicitAny: a registry holds plugins of every parameter type
type AnyParams = any;
/** The `plugins` part of deadend.config.ts. */
export interface PluginConfig {
  actions?: ActionPlugin<AnyParams>[];
  steps?: StepPlugin<AnyParams>[];
  conditions?: ConditionPlugin<AnyParams>[];
  oracles?: OraclePlugin[];
  faults?: FaultPlugin<AnyParams>[];
}
