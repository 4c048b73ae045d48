/**
 * Records and who can see them (design §2.1): a system sees its own copies and those of the
 * systems that share with it (transitively, one-way), unless a systems.silo cuts a link. A
 * sync process copies a value when it runs, so another system's copy can be stale.
 */
import type { Context } from './context.ts';
import { strike } from './faults.ts';
import type { VWorld } from './state.ts';

/** The systems whose records `system` sees live: itself and every system sharing into it. */
export function sourcesOf(ctx: Context, system: string): string[] {
  const seen = [system];
  for (let i = 0; i < seen.length; i++) {
    const target = seen[i]!;
    for (const s of ctx.systems.values()) {
      if (seen.includes(s.id) || !s.sharesWith.includes(target)) continue;
      if (ctx.silos.has(`${s.id}|${target}`)) continue;
      seen.push(s.id);
    }
  }
  return seen;
}

/** The systems a channel (its `sees`) or a system (itself) looks records up in. */
export function systemsSeenBy(ctx: Context, on: string): string[] {
  const channel = ctx.channels.get(on);
  return channel ? channel.sees : [on];
}

/** Whether `on` (a channel or a system) can see a copy of the record. */
export function visible(w: VWorld, record: string, on: string): boolean {
  return systemsSeenBy(w.ctx, on).some((s) => copyIn(w, record, s) !== undefined);
}

/** The copy of `record` that `system` sees (its own, else the latest shared into it). */
export function copyIn(w: VWorld, record: string, system: string): { value: string; at: number } | undefined {
  const own = w.records[system]?.[record];
  if (own) return own;
  let best: { value: string; at: number } | undefined;
  for (const source of sourcesOf(w.ctx, system)) {
    const copy = w.records[source]?.[record];
    if (copy && (!best || copy.at > best.at)) best = copy;
  }
  return best;
}

/** Reading the record through `system` (a send's address, a sync's source): record.stale applies. */
export function readRecord(w: VWorld, record: string, system: string): string | undefined {
  const copy = copyIn(w, record, system);
  if (!copy) return undefined;
  const hit = strike(w, 'record.read', { record, system, id: `${record}@${system}` });
  return hit ? hit.result.holds : copy.value;
}

/** A record's value before anything is written: a flag is present, an address is the current one. */
export function defaultValue(ctx: Context, record: string): string {
  const kind = ctx.records.get(record)?.value ?? 'flag';
  return kind === 'address' ? 'current' : kind === 'flag' ? 'yes' : '';
}

export function writeRecord(w: VWorld, record: string, system: string, value: string): void {
  w.records = { ...w.records, [system]: { ...(w.records[system] ?? {}), [record]: { value, at: w.now } } };
}
