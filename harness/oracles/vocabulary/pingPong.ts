/**
 * ping-pong over declared channels (design §2.8): a channel sends the customer, about one
 * problem, to a channel that had already sent them away about it. Generalises the seed oracle's
 * circle (phone → store → phone) to any path back (chat → store → post → chat → store).
 */
import { at, eventsOf, finding, names, type VocabularyOracle } from './context.ts';

export const pingPong: VocabularyOracle = {
  id: 'ping-pong',
  severity: 'medium',
  summary: 'Support channels sent the customer round in a circle (phone → store → phone).',
  description:
    'Over a declared vocabulary: follows the `support.redirected` events per problem and fires ' +
    'once per problem when a channel sends the customer to a channel that had already sent the customer ' +
    'away about that problem (chat → store → post → chat → store fires at the second “go to the ' +
    'store”). It names both channels as declared. A single redirection, a chain that never leads ' +
    'back, or a channel that helps on the second visit (a voucher instead of a redirection) does not ' +
    'fire it.',
  check(ctx) {
    const n = names(ctx);
    const out = [];
    /** problem → channel → the redirection by which that channel sent them away. */
    const sentAway = new Map<string, Map<string, number>>();
    const chains = new Map<string, number[]>();
    const done = new Set<string>();
    for (const { i, e, d } of eventsOf(ctx.events, 'support.redirected')) {
      const from = d.channel ?? e.channel;
      const problem = d.problem ?? '';
      if (!from || !d.to || done.has(problem)) continue;
      const away = sentAway.get(problem) ?? new Map<string, number>();
      const chain = [...(chains.get(problem) ?? []), i];
      chains.set(problem, chain);
      const earlier = away.get(d.to);
      if (earlier !== undefined) {
        const hops = chain.map((j) => {
          const h = eventsOf([ctx.events[j]!], 'support.redirected')[0]!.d;
          return `${n.channel(h.channel ?? ctx.events[j]!.channel)} sent the customer to ${n.channel(h.to)} on ${at(ctx, ctx.events[j]!.t)}`;
        });
        out.push(
          finding(
            pingPong,
            `The customer was sent round in a circle about “${problemWords(ctx, problem)}”: ${n.channel(from)} sent them back to ${n.channel(d.to)}, which had already sent them away about it (${hops.join('; then ')}).`,
            chain,
          ),
        );
        done.add(problem);
        continue;
      }
      if (!away.has(from)) away.set(from, i);
      sentAway.set(problem, away);
    }
    return out;
  },
};

function problemWords(ctx: Parameters<VocabularyOracle['check']>[0], id: string): string {
  return ctx.loaded.profile.problems.find((p) => p.id === id)?.says ?? id;
}
