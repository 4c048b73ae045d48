/**
 * zombie-notice over declared message kinds (design §2.8): a message about a subscription, an
 * account or an order, sent after that subscription, account or order was cancelled or deleted.
 *
 * The vocabulary has no declaration that says "this fact ends the account", so the facts mark it
 * by their ids, as teams name them: a fact whose id has the word cancelled, deleted, closed,
 * terminated or ended ends the subject its id names (order-cancelled, trial-cancelled,
 * data-deleted), or the subject of the messages that tell of it. The message announcing the end
 * itself (one that `tells` the fact) is not a zombie.
 */
import type { TraceEvent } from '../../core/trace.ts';
import {
  at,
  data,
  finding,
  listOf,
  names,
  str,
  type VocabularyOracle,
  type VocabularyOracleContext,
} from './context.ts';

type Subject = 'order' | 'account' | 'subscription';

const ENDING = /(^|-)(cancelled|canceled|deleted|closed|terminated|ended)(-|$)/;
const SUBJECT_WORDS: [RegExp, Subject][] = [
  [/(^|-)(order|orders|parcel|booking)(-|$)/, 'order'],
  [/(^|-)(account|data|profile|login)(-|$)/, 'account'],
  [/(^|-)(subscription|trial|plan|membership|renewal|licence|license)(-|$)/, 'subscription'],
];

/** The subjects a fact's being true ends; empty for a fact that ends nothing. */
export function endedSubjects(ctx: VocabularyOracleContext, fact: string): Set<Subject> {
  const out = new Set<Subject>();
  if (!ENDING.test(fact)) return out;
  for (const [words, subject] of SUBJECT_WORDS) if (words.test(fact)) out.add(subject);
  if (out.size === 0)
    for (const m of ctx.loaded.profile.messages)
      if (m.tells.includes(fact) && m.about !== 'other') out.add(m.about);
  return out;
}

function aboutOf(ctx: VocabularyOracleContext, e: TraceEvent): string | undefined {
  const d = data(e, 'message.sent');
  return d?.about ?? ctx.loaded.profile.messages.find((m) => m.id === d?.message)?.about;
}

export const zombieNotice: VocabularyOracle = {
  id: 'zombie-notice',
  severity: 'low',
  summary: 'Notices kept coming about a subscription, account or order that was already cancelled.',
  description:
    'Over a declared vocabulary: fires once per ending (a fact such as `order-cancelled`, ' +
    '`trial-cancelled` or `data-deleted` becoming true) for the `message.sent` events whose kind is ' +
    '`about` the subject it ended, sent while the fact held. The notice of the ending itself (a kind ' +
    'that `tells` the fact), or a message about another subject, does not fire it.',
  check(ctx) {
    const n = names(ctx);
    const out = [];
    const { events } = ctx;
    for (let i = 0; i < events.length; i++) {
      const set = data(events[i]!, 'fact.set');
      if (!set?.fact) continue;
      const fact = set.fact;
      const subjects = endedSubjects(ctx, fact);
      if (subjects.size === 0) continue;
      const zombies: number[] = [];
      for (let j = i + 1; j < events.length; j++) {
        const e = events[j]!;
        if (e.kind === 'fact.cleared' && str(e.data?.fact) === fact) break;
        const sent = data(e, 'message.sent');
        if (!sent || (sent.tells ?? []).includes(fact)) continue;
        if (subjects.has(aboutOf(ctx, e) as Subject)) zombies.push(j);
      }
      const first = zombies[0];
      if (first === undefined) continue;
      const kinds = [...new Set(zombies.map((j) => n.message(str(events[j]!.data?.message))))];
      const more =
        zombies.length > 1
          ? ` — ${zombies.length} in all, the last on ${at(ctx, events[zombies.at(-1)!]!.t)}`
          : '';
      out.push(
        finding(
          zombieNotice,
          `${n.fact(fact)} became true on ${at(ctx, events[i]!.t)}, yet the customer was still sent ${listOf(kinds)} about that ${listOf([...subjects])} on ${at(ctx, events[first]!.t)}${more}.`,
          [i, ...zombies],
        ),
      );
    }
    return out;
  },
};
