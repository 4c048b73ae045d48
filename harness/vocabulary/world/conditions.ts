/**
 * The condition algebra (design §1): fact, not, all, any, trait, capability, open, visible,
 * knows, has, money, plugin — evaluated in a world at its `now`.
 */
import { holdsPluginCondition } from '../plugins/calls.ts';
import { NO_PLUGINS } from '../plugins/registry.ts';
import type { Condition } from '../schema/index.ts';
import { channelOpen } from './channels.ts';
import { amountOf, chargeCount, moneyTotals } from './money.ts';
import { pluginHost } from './pluginHost.ts';
import { visible } from './records.ts';
import type { VWorld } from './state.ts';

/**
 * Conditions a plugin registry does not provide but code may add (tests, later built-ins),
 * looked up before the run's plugins: id → holds(world, params).
 */
export const conditionPlugins = new Map<string, (w: VWorld, params: Record<string, unknown>) => boolean>();

export function holds(w: VWorld, c: Condition): boolean {
  if ('fact' in c) return w.facts[c.fact] === true;
  if ('not' in c) return !holds(w, c.not);
  if ('all' in c) return c.all.every((x) => holds(w, x));
  if ('any' in c) return c.any.some((x) => holds(w, x));
  if ('trait' in c) return traitHolds(w, c);
  if ('capability' in c) return w.ctx.profile.capabilities[c.capability] === true;
  if ('open' in c) return channelOpen(w, c.open, w.now);
  if ('visible' in c) return visible(w, c.visible.record, c.visible.on);
  if ('knows' in c) return w.known[c.knows] !== undefined;
  if ('has' in c) {
    const { message, via } = c.has;
    return w.messages.some((m) => m.seen && m.message === message && (via === undefined || m.via === via));
  }
  if ('money' in c) return moneyHolds(w, c.money);
  const local = conditionPlugins.get(c.plugin);
  if (local) return local(w, c.params ?? {});
  return holdsPluginCondition(w.ctx.setup.loaded.plugins ?? NO_PLUGINS, c, pluginHost(w));
}

export function traitValue(w: VWorld, id: string): boolean | number | string | undefined {
  return w.ctx.persona.traits[id] ?? w.ctx.traits.get(id)?.default;
}

function traitHolds(w: VWorld, c: Extract<Condition, { trait: string }>): boolean {
  const value = traitValue(w, c.trait);
  if (c.atLeast !== undefined || c.atMost !== undefined) {
    if (typeof value !== 'number') return false;
    return (c.atLeast === undefined || value >= c.atLeast) && (c.atMost === undefined || value <= c.atMost);
  }
  return value === (c.is ?? true);
}

function moneyHolds(w: VWorld, m: Extract<Condition, { money: unknown }>['money']): boolean {
  const totals = moneyTotals(w);
  const within = (value: number, b: { atMost?: unknown; atLeast?: unknown } | undefined) => {
    if (!b) return true;
    const bounds = b as { atMost?: Parameters<typeof amountOf>[2]; atLeast?: Parameters<typeof amountOf>[2] };
    if (bounds.atMost !== undefined && value > amountOf(w.ctx, w, bounds.atMost) + 1e-9) return false;
    if (bounds.atLeast !== undefined && value < amountOf(w.ctx, w, bounds.atLeast) - 1e-9) return false;
    return true;
  };
  if (!within(totals.net, m.net) || !within(totals.held, m.held)) return false;
  if (m.charges) {
    const n = chargeCount(w, m.charges.tag);
    if (m.charges.atLeast !== undefined && n < m.charges.atLeast) return false;
    if (m.charges.atMost !== undefined && n > m.charges.atMost) return false;
  }
  return true;
}
