/**
 * A plugin action: pause the Beanbox deliveries in the app. Data cannot say its rule — the
 * roaster plans the week's boxes on Tuesday night, so the app refuses pauses on Wednesdays and
 * Thursdays — so it is code. The explorer offers it like a declared action whenever
 * `applicable` holds, once per entry of `choices`, labelled by `label`.
 */
import { defineAction, type PluginWorld } from 'deadend';
import { z } from 'zod';

const WEEK_MS = 7 * 24 * 3_600_000;

/** The weekday of the world's virtual time in the customer's zone (never the wall clock). */
function weekday(world: PluginWorld): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: world.zone }).format(world.now);
}

export const pauseDeliveries = defineAction({
  id: 'pause-deliveries',
  on: 'app',
  params: z.strictObject({ weeks: z.number().int().min(1).max(4).default(2) }),
  choices: [{ weeks: 2 }],
  label: (p) => `pause deliveries for ${p.weeks} weeks in the app`,
  applicable: (world) =>
    world.fact('subscribed') && !world.fact('paused') && !['Wednesday', 'Thursday'].includes(weekday(world)),
  run: (world, p) => {
    world.apply({ set: 'paused' });
    world.trace({
      kind: 'pause-deliveries.paused',
      text: `Beanbox paused the deliveries for ${p.weeks} weeks.`,
      data: { weeks: p.weeks, until: world.now + p.weeks * WEEK_MS },
      actor: 'customer',
    });
    return { tookMs: 3 * 60_000 };
  },
});
