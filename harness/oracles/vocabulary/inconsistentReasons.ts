/**
 * inconsistent-reasons over declared channels (design §2.8): per subject (an order, the account),
 * the reasons staff or a page stated (`support.said`) differ from one channel to another.
 */
import {
  at,
  eventsOf,
  finding,
  names,
  type VocabularyOracle,
  type VocabularyOracleContext,
} from './context.ts';

/** The subject in words: a process's or action's label when the world names one by its id. */
function subjectWords(ctx: VocabularyOracleContext, subject: string): string {
  const p = ctx.loaded.profile;
  const label =
    p.processes.find((x) => x.id === subject)?.label ?? p.actions.find((x) => x.id === subject)?.label;
  if (label) return `“${label}” (${subject})`;
  return subject ? `the ${subject}` : 'the same thing';
}

const normalise = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[.!\s]+$/, '');

export const inconsistentReasons: VocabularyOracle = {
  id: 'inconsistent-reasons',
  severity: 'medium',
  summary: 'The customer was given different reasons for the same thing on different channels.',
  description:
    'Over a declared vocabulary: collects the `support.said` events (a channel’s `explains` words ' +
    'for a reason, a page’s shown reason) per subject — statements of one reason id are about one ' +
    'subject — and fires once per subject when two channels ' +
    'gave different words. The same words everywhere, different words on one channel, or reasons ' +
    'about different subjects do not fire it.',
  check(ctx) {
    const n = names(ctx);
    // One reason id said on two channels is one subject too, whatever action or step said it.
    const subjectOfReason = new Map<string, string>();
    const bySubject = new Map<string, { i: number; channel: string; said: string }[]>();
    for (const { i, e, d } of eventsOf(ctx.events, 'support.said')) {
      const channel = d.channel ?? e.channel;
      if (!channel || !d.said) continue;
      const subject = (d.reason && subjectOfReason.get(d.reason)) || d.subject || '';
      if (d.reason && !subjectOfReason.has(d.reason)) subjectOfReason.set(d.reason, subject);
      const list = bySubject.get(subject) ?? [];
      if (!list.some((x) => normalise(x.said) === normalise(d.said!)))
        list.push({ i, channel, said: d.said });
      bySubject.set(subject, list);
    }
    const out = [];
    for (const [subject, list] of bySubject) {
      if (new Set(list.map((x) => x.channel)).size < 2) continue;
      const told = list.map(
        (s) => `on ${at(ctx, ctx.events[s.i]!.t)} ${n.channel(s.channel)} said “${s.said}”`,
      );
      out.push(
        finding(
          inconsistentReasons,
          `The customer was given ${list.length} different reasons about ${subjectWords(ctx, subject)}: ${told.join('; ')}.`,
          list.map((s) => s.i),
        ),
      );
    }
    return out;
  },
};
