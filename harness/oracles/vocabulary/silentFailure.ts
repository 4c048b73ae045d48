/**
 * silent-failure over declared facts (design §2.8): a customer-relevant fact changed without the
 * customer doing it, and nothing *pushed* the news to her within 24 hours. Telling is push (a
 * message delivered where she looks, a `tell` by the business); finding out is pull (a page she
 * looked at, a sign-in routine of hers, a staff answer to her own question) and does not count.
 */
import type { TraceEvent } from '../../core/trace.ts';
import type { Cause, MessagePlace } from '../../vocabulary/events.ts';
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

/** How long a change may go untold before it counts as silent (the seed oracle's bound). */
export const SILENCE_BOUND_MS = 24 * 3_600_000;

/** Places the customer looks in; spam, quarantine and nowhere are not. */
const SEEN: ReadonlySet<MessagePlace> = new Set(['inbox', 'phone', 'app', 'post']);

const SUPPORT_KINDS = new Set([
  'support.contacted',
  'support.resolved',
  'support.redirected',
  'support.unresolved',
]);

interface Change {
  i: number;
  t: number;
  fact: string;
  set: boolean;
  cause: Partial<Cause>;
}

function processActor(ctx: VocabularyOracleContext, id: string | undefined): string | undefined {
  return ctx.loaded.profile.processes.find((p) => p.id === id)?.actor;
}

/** A change the customer did not bring about: a business process or a fault, never an action. */
function unbidden(ctx: VocabularyOracleContext, c: Partial<Cause>): boolean {
  if (c.given || c.byCustomer) return false;
  // A staff action runs on the customer's own contact: she asked for it and hears the answer.
  if (c.action) return false;
  return !(c.process && processActor(ctx, c.process) === 'customer');
}

function changes(ctx: VocabularyOracleContext): Change[] {
  const relevant = new Set(ctx.loaded.profile.facts.filter((f) => f.customerRelevant).map((f) => f.id));
  const out: Change[] = [];
  ctx.events.forEach((e, i) => {
    const d = data(e, 'fact.set') ?? data(e, 'fact.cleared');
    if (!d?.fact || !relevant.has(d.fact) || !unbidden(ctx, d)) return;
    out.push({ i, t: e.t, fact: d.fact, set: e.kind === 'fact.set', cause: d });
  });
  return out;
}

const causeKey = (c: Partial<Cause>) => `${c.process ?? ''}|${c.fault ?? ''}`;

/** One step of a process (or one fault) may change several facts at once: one finding for it. */
function groups(list: Change[]): Change[][] {
  const byKey = new Map<string, Change[]>();
  for (const c of list) {
    const key = `${c.t}|${causeKey(c.cause)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), c]);
  }
  return [...byKey.values()];
}

interface Sent {
  i: number;
  t: number;
  id: string;
  message: string;
  tells: string[];
  ours: boolean;
  place?: MessagePlace;
  seenAt?: number;
  seenIdx?: number;
}

/** Every message sent, with where it ended up and when it first reached a place she looks at. */
function sentMessages(events: readonly TraceEvent[]): Map<string, Sent> {
  const sent = new Map<string, Sent>();
  events.forEach((e, i) => {
    const s = data(e, 'message.sent');
    if (s?.id) {
      sent.set(s.id, {
        i,
        t: e.t,
        id: s.id,
        message: s.message ?? '',
        tells: s.tells ?? [],
        ours: s.owner === undefined || s.owner === 'current',
      });
      return;
    }
    const m = sent.get(str(e.data?.id) ?? '');
    if (!m) return;
    if (e.kind === 'message.spam-foldered') m.place = 'spam';
    else if (e.kind === 'message.quarantined') m.place = 'quarantine';
    const place = data(e, 'message.delivered')?.place ?? data(e, 'message.shown')?.place;
    if (e.kind === 'message.delivered' && place) m.place = place;
    const reached =
      m.ours && ((e.kind === 'message.delivered' && place && SEEN.has(place)) || e.kind === 'message.shown');
    if (reached && m.seenAt === undefined) {
      m.seenAt = e.t;
      m.seenIdx = i;
    }
  });
  return sent;
}

/** A `customer.told` the business pushed, not one she pulled by looking or asking. */
function pushed(ctx: VocabularyOracleContext, i: number): boolean {
  const e = ctx.events[i]!;
  const d = data(e, 'customer.told') ?? {};
  if (d.given || d.byCustomer || d.action || d.contact) return false;
  if (d.process) return processActor(ctx, d.process) !== 'customer';
  // Without a cause, a told on a channel that answered a contact at that moment is that answer.
  if (!d.channel) return true;
  return !ctx.events.some(
    (o) => o.t === e.t && SUPPORT_KINDS.has(o.kind) && str(o.data?.channel) === d.channel,
  );
}

interface Verdict {
  told: boolean;
  /** Tellers sent (or suppressed) while the fact stood, and never seen: what the finding quotes. */
  unseen: Sent[];
  suppressed: { i: number; t: number; message: string; fault?: string }[];
  /** The first time she found out by herself (a page, a question), for the finding's last line. */
  pulled?: { i: number; t: number; channel?: string };
}

function verdict(ctx: VocabularyOracleContext, c: Change, sent: Map<string, Sent>, until: number): Verdict {
  const { events } = ctx;
  const bound = c.t + SILENCE_BOUND_MS;
  let told = false;
  const unseen: Sent[] = [];
  for (const m of sent.values()) {
    if (!m.tells.includes(c.fact) || m.t < c.t || m.i >= until) continue;
    if (m.seenAt !== undefined && m.seenAt <= bound) told = true;
    if (m.seenAt === undefined) unseen.push(m);
  }
  const suppressed: Verdict['suppressed'] = [];
  let pulled: Verdict['pulled'];
  for (let i = 0; i < until; i++) {
    const e = events[i]!;
    if (e.t < c.t) continue;
    const sup = data(e, 'message.suppressed');
    if (sup?.message && ctx.loaded.profile.messages.find((m) => m.id === sup.message)?.tells.includes(c.fact))
      suppressed.push({ i, t: e.t, message: sup.message, fault: sup.fault });
    const d = data(e, 'customer.told');
    if (d?.fact !== c.fact || i < c.i) continue;
    if (pushed(ctx, i)) told ||= e.t <= bound;
    else pulled ??= { i, t: e.t, channel: d.channel };
  }
  return { told, unseen, suppressed, pulled };
}

const PLACE_WORDS: Partial<Record<MessagePlace, string>> = {
  spam: 'in the spam folder',
  quarantine: 'in quarantine',
  nowhere: 'nowhere',
};

function describeUnseen(ctx: VocabularyOracleContext, v: Verdict): string[] {
  const n = names(ctx);
  const out: string[] = [];
  const byKind = new Map<string, Sent[]>();
  for (const m of v.unseen) byKind.set(m.message, [...(byKind.get(m.message) ?? []), m]);
  for (const [kind, list] of byKind) {
    const where = [
      ...new Set(
        list.map((m) =>
          !m.ours
            ? 'at an address that is not the customer’s'
            : m.place
              ? PLACE_WORDS[m.place]
              : 'never delivered',
        ),
      ),
    ].filter(Boolean);
    out.push(
      `${n.message(kind)} was sent on ${listOf(list.map((m) => at(ctx, m.t)))}${where.length ? ` and ended up ${listOf(where as string[])}` : ''}, unseen`,
    );
  }
  for (const s of v.suppressed)
    out.push(
      `${n.message(s.message)}, due on ${at(ctx, s.t)}, was never sent${s.fault ? ` (${s.fault})` : ''}`,
    );
  return out;
}

function causeWords(ctx: VocabularyOracleContext, c: Partial<Cause>): string {
  const p = ctx.loaded.profile.processes.find((x) => x.id === c.process);
  if (p) return `The process “${p.label}” (${p.id})`;
  if (c.fault) return `The fault ${c.fault}`;
  return 'A change nobody asked for';
}

function changeWords(ctx: VocabularyOracleContext, list: Change[]): string {
  const n = names(ctx);
  const made = (set: boolean) => list.filter((c) => c.set === set).map((c) => n.fact(c.fact));
  const parts = [];
  if (made(true).length) parts.push(`made ${listOf(made(true))} true`);
  if (made(false).length) parts.push(`made ${listOf(made(false))} false`);
  return parts.join(' and ');
}

export const silentFailure: VocabularyOracle = {
  id: 'silent-failure',
  severity: 'high',
  summary: 'Something that matters to the customer changed, and nobody told them within 24 hours.',
  description:
    'Over a declared vocabulary: fires when a `customerRelevant` fact is set or cleared by a ' +
    'business process or a fault (never by an action: the customer’s own, or staff acting on their ' +
    'contact) and, within 24 hours, no message whose `tells` names the fact was delivered to a ' +
    'place the customer sees (their own inbox — not spam or quarantine — their phone, the app, ' +
    'their post) and the business told them nothing (`tell` by a business process). Finding out by ' +
    'looking (a page in `shownOn`, a sign-in routine) or by asking staff is pull, not telling. One ' +
    'finding per process step or fault that changed such facts; it quotes every message that would ' +
    'have told of them and was sent but never seen, with its dates, and any that a fault suppressed.',
  check(ctx) {
    const sent = sentMessages(ctx.events);
    const all = changes(ctx);
    const out = [];
    for (const group of groups(all)) {
      const silent = group
        .map((c) => {
          // What was sent about this change stops at the fact's next change, whoever made it.
          const next = ctx.events.findIndex(
            (e, j) =>
              j > c.i && (e.kind === 'fact.set' || e.kind === 'fact.cleared') && str(e.data?.fact) === c.fact,
          );
          return { c, v: verdict(ctx, c, sent, next < 0 ? ctx.events.length : next) };
        })
        .filter((x) => !x.v.told);
      if (silent.length === 0) continue;
      const first = silent[0]!.c;
      const details = silent.flatMap(({ c, v }) => {
        const lines = describeUnseen(ctx, v);
        const tellers = ctx.loaded.profile.messages.filter((m) => m.tells.includes(c.fact));
        if (lines.length === 0)
          lines.push(
            tellers.length === 0
              ? `no message declared tells of ${c.fact}`
              : `no message that tells of ${c.fact} was sent`,
          );
        return lines;
      });
      const pulls = silent.map((x) => x.v.pulled).filter((p) => p !== undefined);
      const pull = pulls.sort((a, b) => a.i - b.i)[0];
      const found = pull
        ? ` The customer found out only by looking or asking, on ${at(ctx, pull.t)}${pull.channel ? ` (${names(ctx).channel(pull.channel)})` : ''}.`
        : '';
      out.push(
        finding(
          silentFailure,
          `${causeWords(ctx, first.cause)} ${changeWords(
            ctx,
            silent.map((x) => x.c),
          )} on ${at(ctx, first.t)}, and nobody told the customer within 24 hours: ${details.join('; ')}.${found}`,
          [
            ...silent.map((x) => x.c.i),
            ...silent.flatMap((x) => [...x.v.unseen.map((m) => m.i), ...x.v.suppressed.map((s) => s.i)]),
          ],
        ),
      );
    }
    return out;
  },
};
