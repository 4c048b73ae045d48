/** lost-in-transit over declared routes: a shipment lost at a hop, named with the hop's party. */
import { at, eventsOf, finding, names, type VocabularyOracle } from './context.ts';

export const lostInTransit: VocabularyOracle = {
  id: 'lost-in-transit',
  severity: 'high',
  summary: 'An order or a parcel was lost between two systems or on its way.',
  description:
    'Over a declared vocabulary: fires for every `parcel.lost` event and names the route, the hop ' +
    'where the parcel disappeared and the party that held it then (the hop’s `party`, by its name: ' +
    '“at the carrier-hub hop, ParcelNet”). A parcel that is delivered, however late, does not fire it.',
  check(ctx) {
    const n = names(ctx);
    return eventsOf(ctx.events, 'parcel.lost').map(({ i, e, d }) => {
      const hop = ctx.loaded.profile.routes.find((r) => r.id === d.route)?.hops.find((h) => h.id === d.hop);
      const party = n.party(d.party ?? hop?.party);
      return finding(
        lostInTransit,
        `The parcel on route ${d.route ?? '?'} was lost at the ${d.hop ?? 'unknown'} hop${party ? `, held by ${party}` : ''}, on ${at(ctx, e.t)}.`,
        [i],
      );
    });
  },
};
