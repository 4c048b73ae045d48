/**
 * A plugin oracle: a charge for a box while the deliveries were paused. It reads the run's
 * trace — the plugin action's own `pause-deliveries.paused` event and the world's
 * `payment.charged` events — and quotes the dates in the customer's zone.
 */
import { defineOracle } from 'deadend';

export const chargedWhilePaused = defineOracle({
  id: 'charged-while-paused',
  summary: 'The customer was charged for a delivery while deliveries were paused.',
  severity: 'high',
  check: ({ events, zone }) => {
    const day = (t: number) =>
      new Intl.DateTimeFormat('en-GB', {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        timeZone: zone,
      }).format(t);
    const pauses = events.flatMap((e, i) =>
      e.kind === 'pause-deliveries.paused' ? [{ i, from: e.t, until: Number(e.data?.until) }] : [],
    );
    return events.flatMap((e, i) => {
      if (e.kind !== 'payment.charged') return [];
      const pause = pauses.find((p) => e.t >= p.from && e.t < p.until);
      if (!pause) return [];
      return [
        {
          message: `Beanbox charged for the box on ${day(e.t)} although the deliveries were paused until ${day(pause.until)}.`,
          events: [pause.i, i],
        },
      ];
    });
  },
});
