/**
 * The virtual-time event loop. Services and the merchant put events on the world's queue
 * (`schedule`) and register, at module load, the handler for their event types (`onDue`):
 * mail arriving (services/mail), parcels arriving (services/orders), renewals and reminders
 * (merchant/flows), provider subscription periods (the Stripe emulator). `advanceTo` lets time
 * pass, handling due events in queue order (time, then scheduling order), so a run's history
 * does not depend on which module registered first.
 */
import type { RunEnv } from './runEnv.ts';
import type { PendingEvent, World } from './world.ts';

export { schedule } from './world.ts';

export type DueHandler = (world: World, env: RunEnv, ev: PendingEvent) => void;

const handlers = new Map<PendingEvent['type'], DueHandler>();

/** Register the handler of one event type; a second, different handler for it is a bug. */
export function onDue(type: PendingEvent['type'], handler: DueHandler): void {
  const known = handlers.get(type);
  if (known && known !== handler) throw new Error(`two handlers for the due event "${type}"`);
  handlers.set(type, handler);
}

export function handleDue(world: World, env: RunEnv, ev: PendingEvent): void {
  const handler = handlers.get(ev.type);
  // Every event type is registered by the module that schedules it, so a missing one is a bug.
  if (!handler) throw new Error(`no handler registered for the due event "${ev.type}"`);
  handler(world, env, ev);
}

/** Let virtual time pass to `t`, handling everything that falls due on the way. */
export function advanceTo(world: World, env: RunEnv, t: number): void {
  while (world.pending.length > 0 && world.pending[0]!.at <= t) {
    const ev = world.pending.shift()!;
    if (ev.at > world.now) world.now = ev.at;
    handleDue(world, env, ev);
  }
  if (t > world.now) world.now = t;
}
