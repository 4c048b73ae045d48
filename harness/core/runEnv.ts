/**
 * Everything a run needs besides its world: the merchant profile (after scenario overrides),
 * the active faults, the calendars of the support channels (with fault closures applied)
 * and which systems can see each other. Built once per run, shared by every forked world.
 */
import type { BusinessCalendar } from '../clock/calendar.ts';
import type { FaultSet } from './faultSet.ts';
import type { MerchantFacts, ProductFacts, SupportChannelFacts } from './merchantFacts.ts';
import type { ShopPort, StaffPort } from './ports.ts';

export interface RunEnv {
  profile: MerchantFacts;
  faults: FaultSet;
  /** The customer's time zone (timelines and "business days" are the merchant's). */
  customerZone: string;
  currency: string;
  /** Calendar of a support channel, fault closures included. */
  calendar(channelId: string): BusinessCalendar;
  /** Whether records in system `a` are visible from system `b`. */
  canSee(from: string, system: string): boolean;
  product(id: string): ProductFacts;
  channel(id: string): SupportChannelFacts | undefined;
  /** The merchant's web site as the customer uses it: the model in `sim`, a real shop on `http`. */
  shop: ShopPort;
  /** What the merchant's staff may do about a problem, called by the support desk. */
  staff: StaffPort;
}

const money = new Map<string, { format: Intl.NumberFormat; amounts: Map<number, string> }>();
/** "$250.00". Formatting through Intl costs microseconds, and runs repeat the same few prices. */
export function formatMoney(amount: number, currency: string): string {
  let f = money.get(currency);
  if (!f) {
    f = { format: new Intl.NumberFormat('en-US', { style: 'currency', currency }), amounts: new Map() };
    money.set(currency, f);
  }
  let text = f.amounts.get(amount);
  if (text === undefined) {
    text = f.format.format(amount);
    if (f.amounts.size > 10_000) f.amounts.clear();
    f.amounts.set(amount, text);
  }
  return text;
}

/**
 * Visibility between systems: a system sees itself and every system that shares with it,
 * directly or through a chain of shares (A shares with B, B with C: C sees A's records), unless
 * a silo fault cuts a link. Sharing is one-way: two systems that both feed a third do not see
 * each other.
 */
export function visibility(
  profile: MerchantFacts,
  silos: [string, string][],
): (from: string, system: string) => boolean {
  const cut = new Set(silos.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
  const links = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (cut.has(`${a}|${b}`)) return;
    if (!links.has(a)) links.set(a, new Set());
    links.get(a)!.add(b);
  };
  for (const s of profile.systems) {
    for (const other of s.sharesWith) {
      link(s.id, other);
    }
  }
  const cache = new Map<string, boolean>();
  return (from, system) => {
    if (from === system) return true;
    const k = `${from}|${system}`;
    let v = cache.get(k);
    if (v === undefined) {
      const seen = new Set([system]);
      const queue = [system];
      while (queue.length) {
        for (const n of links.get(queue.shift()!) ?? []) {
          if (seen.has(n)) continue;
          seen.add(n);
          queue.push(n);
        }
      }
      v = seen.has(from);
      cache.set(k, v);
    }
    return v;
  };
}
