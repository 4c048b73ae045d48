/**
 * stale-address (new, design §2.8): a message carrying a secret or personal data went to an
 * address that is not, or no longer, the customer's — the former one after `changedAt`, or one
 * that is none of hers (a typo). unverified-secret's family; both may fire.
 */
import type { TraceEvent } from '../../core/trace.ts';
import type { VocabularyEventMap } from '../../vocabulary/events.ts';
import {
  at,
  eventsOf,
  finding,
  instantOf,
  names,
  type VocabularyOracle,
  type VocabularyOracleContext,
} from './context.ts';

type Sent = Partial<VocabularyEventMap['message.sent']>;

const CARRIED: Record<string, string> = { secret: 'a secret', 'personal-data': 'personal data' };

/** Why the address was not hers at that moment, or undefined when it was. */
function notHers(ctx: VocabularyOracleContext, e: TraceEvent, d: Sent): string | undefined {
  const addresses = ctx.loaded.scenario.customer.addresses;
  const own = d.medium ? addresses[d.medium as keyof typeof addresses] : undefined;
  if (own && d.to !== undefined) {
    if (d.to === own.current) return undefined;
    if (d.to === own.former) {
      const changed = instantOf(ctx, own.changedAt);
      if (changed !== undefined && e.t < changed) return undefined;
      return `the customer’s former address${changed !== undefined ? `, replaced on ${at(ctx, changed)}` : ''}`;
    }
    return 'an address that is none of the customer’s';
  }
  // No address of hers on this medium to compare with: the world's judgement at sending.
  if (d.owner === 'former') return 'the customer’s former address';
  if (d.owner === 'unknown') return 'an address that is none of the customer’s';
  return undefined;
}

export const staleAddress: VocabularyOracle = {
  id: 'stale-address',
  severity: 'high',
  summary: 'A secret or personal data was sent to an address that is not, or no longer, the customer’s.',
  description:
    'Fires for every `message.sent` of a kind that `carries` a secret or personal data whose ' +
    'address is the customer’s `former` one (from its `changedAt` on) or none of the addresses the ' +
    'scenario gives them for that medium (a typo, someone else’s): the code, the invoice, the ' +
    'statement went to whoever holds that address now. It names the message kind, the address and ' +
    'what it carried. The same message to their current address, or to the former one before they ' +
    'changed it, does not fire it.',
  check(ctx) {
    const n = names(ctx);
    const out = [];
    for (const { i, e, d } of eventsOf(ctx.events, 'message.sent')) {
      const carried = (d.carries ?? []).filter((c) => CARRIED[c]);
      if (carried.length === 0) continue;
      const why = notHers(ctx, e, d);
      if (!why) continue;
      out.push(
        finding(
          staleAddress,
          `The message ${n.message(d.message)}, which carries ${carried.map((c) => CARRIED[c]).join(' and ')}, was sent by ${n.channel(d.via)} to ${d.to ?? 'an address'} on ${at(ctx, e.t)}: ${why}.`,
          [i],
        ),
      );
    }
    return out;
  },
};
