/**
 * broken-promise (new, design §2.6, §2.8): a commitment a channel gave was not recorded where it
 * must be kept (its `recordedIn` record in that system) while it was due, or not kept by its due
 * time. The world judges both at the due time (`commitment.due`); this quotes the words.
 */
import type { TraceEvent } from '../../core/trace.ts';
import {
  at,
  data,
  eventsOf,
  finding,
  instantOf,
  names,
  type VocabularyOracle,
  type VocabularyOracleContext,
} from './context.ts';

/** Whether the record was written into (or copied to) the system between `from` and `to`. */
function recordedBetween(
  events: readonly TraceEvent[],
  record: string,
  system: string,
  from: number,
  to: number,
): boolean {
  return events.some((e, i) => {
    if (i < from || e.t > to) return false;
    const w = data(e, 'record.written');
    const c = data(e, 'record.copied');
    return (w?.record === record && w.system === system) || (c?.record === record && c.to === system);
  });
}

/** The due time the world wrote on the promise (ISO, or a local time in the customer's zone). */
function dueOf(ctx: VocabularyOracleContext, due: string | undefined): number | undefined {
  if (!due) return undefined;
  return /(Z|[+-]\d\d:\d\d)$/.test(due) ? Date.parse(due) : instantOf(ctx, due);
}

export const brokenPromise: VocabularyOracle = {
  id: 'broken-promise',
  severity: 'high',
  summary: 'A promise made to the customer was not recorded where it must be kept, or not kept.',
  description:
    'Fires for every `commitment.given` whose commitment was not recorded — its `recordedIn` record ' +
    'absent from that system from the moment it was given until it was due — or not kept (its ' +
    '`keptWhen` false at the due time). It quotes the channel, the promise’s words and the missing ' +
    'record with its system. A promise recorded in time and kept does not fire it; one not yet due ' +
    'when the run ends is not judged.',
  check(ctx) {
    const n = names(ctx);
    const dues = eventsOf(ctx.events, 'commitment.due');
    const out = [];
    for (const { i, e, d } of eventsOf(ctx.events, 'commitment.given')) {
      const decl = ctx.loaded.profile.commitments.find((c) => c.id === d.commitment);
      const due = dues.find((x) => x.i > i && x.d.commitment === d.commitment);
      const dueAt = due?.e.t ?? dueOf(ctx, d.due);
      const last = ctx.events.at(-1)?.t ?? e.t;
      if (dueAt === undefined || (!due && dueAt > last)) continue;
      const { record, in: system } = decl?.recordedIn ?? { record: undefined, in: undefined };
      const recorded =
        due?.d.recorded ?? (record && system ? recordedBetween(ctx.events, record, system, i, dueAt) : true);
      const kept = due?.d.kept ?? true;
      if (recorded && kept) continue;
      const words = d.says ?? decl?.says ?? d.commitment ?? 'a promise';
      const broken = [
        recorded ? undefined : `it was never recorded in ${n.system(system)} (no ${record} there)`,
        kept ? undefined : 'it was not kept',
      ].filter((x) => x !== undefined);
      out.push(
        finding(
          brokenPromise,
          `${n.channel(d.channel ?? e.channel)} promised the customer “${words}” on ${at(ctx, e.t)}; by the time it was due, ${at(ctx, dueAt)}, ${broken.join(' and ')}.`,
          due ? [i, due.i] : [i],
        ),
      );
    }
    return out;
  },
};
