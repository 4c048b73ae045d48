/** unverified-secret over declared message kinds: a message that `carries: secret` to an unverified address. */
import { at, eventsOf, finding, names, type VocabularyOracle } from './context.ts';

export const unverifiedSecret: VocabularyOracle = {
  id: 'unverified-secret',
  severity: 'high',
  summary: 'A secret (licence key, code, link) was sent to an address nobody had verified.',
  description:
    'Over a declared vocabulary: fires for every `message.sent` of a kind that `carries: secret` ' +
    'and whose address nobody verified (`unverified: true`): a typo hands the secret to a stranger. ' +
    'The same message to a verified address does not fire it; a secret to a former address is ' +
    '`stale-address` (both may fire).',
  check(ctx) {
    const n = names(ctx);
    return eventsOf(ctx.events, 'message.sent')
      .filter(({ d }) => d.unverified === true && (d.carries ?? []).includes('secret'))
      .map(({ i, e, d }) =>
        finding(
          unverifiedSecret,
          `A secret, ${n.message(d.message)}, was sent by ${n.channel(d.via)} to ${d.to ?? 'an address'}, which nobody had verified, on ${at(ctx, e.t)}.`,
          [i],
        ),
      );
  },
};
