/** Oracles about the support channels: circles between them, nowhere to complain. */
import type { TraceEvent } from '../core/trace.ts';
import { finding, indicesWhere, type Oracle, quote, str } from './oracle.ts';

export const pingPong: Oracle = {
  id: 'ping-pong',
  severity: 'medium',
  summary: 'Support channels sent the customer round in a circle (phone → store → phone).',
  description:
    'Follows the `support.redirected` events about one problem (from `data.channel` to `data.to`); ' +
    'fires once per problem when a chain of redirections, each starting where the previous one ' +
    'sent the customer, leads back to a channel already on the chain. A single redirection, or a ' +
    'chain that never comes back (phone → store → web form), does not fire it.',
  check(ctx) {
    const chains = new Map<string, { channels: string[]; idx: number[] }>();
    const done = new Set<string>();
    const out = [];
    for (const i of indicesWhere(ctx.events, (e) => e.kind === 'support.redirected')) {
      const e = ctx.events[i]!;
      const from = str(e, 'channel') ?? e.channel;
      const to = str(e, 'to');
      const problem = str(e, 'problem') ?? '';
      if (!from || !to || done.has(problem)) continue;
      let chain = chains.get(problem);
      if (!chain || chain.channels.at(-1) !== from) chain = { channels: [from], idx: [] };
      chain.idx.push(i);
      if (chain.channels.includes(to)) {
        const hops = chain.idx.map((j) => quote(ctx, ctx.events[j]!));
        out.push(
          finding(
            pingPong,
            `The customer was sent round in a circle (${[...chain.channels, to].join(' → ')}): ${hops.join('; then ')}.`,
            chain.idx,
          ),
        );
        done.add(problem);
        chains.delete(problem);
        continue;
      }
      chain.channels.push(to);
      chains.set(problem, chain);
    }
    return out;
  },
};

export const noFeedbackChannel: Oracle = {
  id: 'no-feedback-channel',
  severity: 'low',
  summary: 'The customer ran into trouble and the merchant has no feedback channel to hear of it.',
  description:
    'Fires once per run when the merchant profile has `capabilities.feedbackSurvey: false` and ' +
    'the customer got stuck at least once (`customer.stuck`). A trouble-free journey, or the same ' +
    'trouble at a merchant with a feedback survey, does not fire it.',
  check(ctx) {
    if (ctx.profile.capabilities.feedbackSurvey) return [];
    const stuck = indicesWhere(ctx.events, (e: TraceEvent) => e.kind === 'customer.stuck');
    if (stuck.length === 0) return [];
    const first = ctx.events[stuck[0]!]!;
    const more = stuck.length > 1 ? ` (stuck ${stuck.length} times in all)` : '';
    return [
      finding(
        noFeedbackChannel,
        `The customer got stuck ${quote(ctx, first)}${more}, and ${ctx.profile.name} has no feedback channel or satisfaction survey through which it would hear of it.`,
        stuck,
      ),
    ];
  },
};
