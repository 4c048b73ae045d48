import { schedule } from '../queue.ts';
import { endOf } from '../time.ts';
import type { EffectHandler } from './types.ts';

/** Puts a parcel on a route: each hop is reached after its `takes` (in its party's calendar). */
export const ship: EffectHandler<'ship'> = (w, e, cause) => {
  const route = w.ctx.routes.get(e.ship.route);
  const first = route?.hops[0];
  if (!first) return undefined;
  const calendar = first.party ? w.ctx.parties.get(first.party)?.calendar : undefined;
  schedule(w, {
    type: 'hop',
    route: e.ship.route,
    hop: 0,
    delivered: e.ship.delivered,
    cause,
    at: endOf(w.ctx, first.takes, w.now, [calendar]),
  });
  return undefined;
};
