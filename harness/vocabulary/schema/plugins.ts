/**
 * Plugins (types only), registered from deadend.config.ts.
 * Part of the open-vocabulary proposal (issue 12); index.ts is its entry.
 */
import type { z } from 'zod';
import type { Effect } from './terms.ts';

// ── plugins (types only): registered from deadend.config.ts ───────────────────────────────

/** What a plugin may read and change in a run; the same for sim and the wire targets. */
export interface PluginWorld {
  readonly now: number;
  fact(id: string): boolean;
  trait(id: string): boolean | number | string | undefined;
  apply(effect: Effect): void;
  trace(event: { kind: string; text: string; data?: Record<string, unknown> }): void;
  /** A seeded stream for this run; never Math.random. */
  random(): number;
}

export interface ActionPlugin<P> {
  id: string;
  params: z.ZodType<P>;
  label(params: P): string;
  applicable(world: PluginWorld, params: P): boolean;
  run(world: PluginWorld, params: P): { tookMs: number; effortMs?: number };
}
export interface StepPlugin<P> {
  id: string;
  params: z.ZodType<P>;
  run(world: PluginWorld, params: P): { ok: true } | { ok: false; problem: string; what: string };
}
export interface OraclePlugin {
  id: string;
  summary: string;
  check(ctx: { events: readonly { kind: string; at: number; data?: Record<string, unknown> }[] }): {
    message: string;
    events: number[];
  }[];
}
export interface FaultPlugin<P> {
  id: string;
  summary: string;
  params: z.ZodType<P>;
  /** Hooks by the service family they perturb, as the built-in catalogue's. */
  hooks: Record<string, (params: P, occurrence: Record<string, unknown>) => unknown>;
}
export interface DeadendConfig {
  plugins?: {
    actions?: ActionPlugin<never>[];
    steps?: StepPlugin<never>[];
    oracles?: OraclePlugin[];
    faults?: FaultPlugin<never>[];
  };
}
