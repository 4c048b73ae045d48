/**
 * Oracles read a finished run's trace and report findings: things that went wrong for the
 * customer whatever the outcome (a silent cancellation, a circle between channels, …). They
 * never change the world. Each finding quotes the events that triggered it, in plain language,
 * and lists their indices in the run's trace.
 */

import { formatInstant } from '../clock/instant.ts';
import type { Finding, Severity } from '../core/contract.ts';
import { formatMoney } from '../core/runEnv.ts';
import type { DataKey, TraceEvent } from '../core/trace.ts';
import type { MerchantProfile, Product } from '../merchant/profile.ts';

export interface OracleContext {
  /** The run's final trace; indices are positions in `RunResult.trace`. */
  events: readonly TraceEvent[];
  profile: MerchantProfile;
  /** The products of the run's merchant. */
  products: readonly Product[];
  /** The customer's time zone, for the times quoted in messages (default: UTC). */
  zone?: string;
}

export interface Oracle {
  /** Stable kebab-case id, used in `expect: … findings:` and in reports. */
  id: string;
  severity: Severity;
  /** One line: what it detects. */
  summary: string;
  /** A paragraph for docs/oracles.md: what fires it, what does not. */
  description: string;
  check(ctx: OracleContext): Finding[];
}

/**
 * `Wed 24 Dec 2025 17:30 EST` in the customer's time zone (the timeline's), or
 * `2026-03-02 16:00 UTC` when the context has none — minute precision is what a process owner reads.
 */
export function when(ctx: Pick<OracleContext, 'zone'>, e: TraceEvent): string {
  if (ctx.zone) return formatInstant(e.t, ctx.zone, 'long');
  return `${new Date(e.t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `on Wed 24 Dec 2025 17:30 EST (email): “The shop sent …”` — an event quoted for a message. */
export function quote(ctx: Pick<OracleContext, 'zone'>, e: TraceEvent): string {
  return `on ${when(ctx, e)}${e.channel ? ` (${e.channel})` : ''}: “${e.text.replace(/\.$/, '')}”`;
}

export function str(e: TraceEvent, key: DataKey): string | undefined {
  const v = e.data?.[key];
  return typeof v === 'string' ? v : undefined;
}

export function num(e: TraceEvent, key: DataKey): number | undefined {
  const v = e.data?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function productName(ctx: OracleContext, id: string | undefined): string {
  return ctx.products.find((p) => p.id === id)?.name ?? id ?? 'the product';
}

export function money(ctx: OracleContext, amount: number): string {
  return formatMoney(amount, ctx.profile.currency);
}

export function finding(oracle: Oracle, message: string, events: number[]): Finding {
  return { oracle: oracle.id, severity: oracle.severity, message, events: [...events].sort((a, b) => a - b) };
}

/** Indices of the events matching `pred`, in trace order. */
export function indicesWhere(events: readonly TraceEvent[], pred: (e: TraceEvent) => boolean): number[] {
  const out: number[] = [];
  events.forEach((e, i) => {
    if (pred(e)) out.push(i);
  });
  return out;
}
