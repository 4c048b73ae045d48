/** Oracles about what the customer was (not) told: silence, contradictions, zombie notices. */
import { dataOf, type TraceEvent } from '../core/trace.ts';
import {
  finding,
  indicesWhere,
  type Oracle,
  type OracleContext,
  productName,
  quote,
  str,
  when,
} from './oracle.ts';

/** How long a failure may go unannounced before it counts as silent. */
export const SILENCE_BOUND_MS = 24 * 3_600_000;

/** Mail kinds that are routine for an order and do not tell the customer about a failure. */
const ROUTINE_MAIL = new Set(['order-confirmation', 'shipped', 'licence-key', 'renewed', 'renewal-reminder']);

function isFailure(e: TraceEvent): boolean {
  return (
    dataOf(e, 'order.cancelled')?.notified === false ||
    e.kind === 'order.lost-in-transit' ||
    e.kind === 'payment.failed'
  );
}

/** A customer-facing message about the order (a non-routine mail, or staff saying something about it). */
function tellsAbout(e: TraceEvent, orderId: string): boolean {
  if (str(e, 'orderId') !== orderId) return false;
  if (e.kind === 'mail.sent') return !ROUTINE_MAIL.has(str(e, 'kind') ?? '');
  return e.actor === 'support';
}

function failureLabel(e: TraceEvent): string {
  if (e.kind === 'order.cancelled') return 'was cancelled';
  if (e.kind === 'order.lost-in-transit') return `was lost${str(e, 'hop') ? ` at the ${str(e, 'hop')}` : ''}`;
  return 'failed to be paid';
}

export const silentFailure: Oracle = {
  id: 'silent-failure',
  severity: 'high',
  summary: 'An order was cancelled, lost or not paid, and nobody told the customer within 24 hours.',
  description:
    'Fires for an `order.cancelled` event with `notified: false`, an `order.lost-in-transit` or a ' +
    '`payment.failed` event when, within 24 hours after it, no message about that order reached ' +
    'the customer: no e-mail other than the routine ones (confirmation, shipped, key, renewal) and ' +
    'no statement by support staff. A cancellation with `notified: true`, or one followed by an ' +
    '"order cancelled" e-mail, does not fire it.',
  check(ctx) {
    const out = [];
    const { events } = ctx;
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      if (!isFailure(e)) continue;
      const orderId = str(e, 'orderId');
      let told = false;
      for (let j = i + 1; j < events.length && events[j]!.t <= e.t + SILENCE_BOUND_MS; j++)
        if (orderId !== undefined && tellsAbout(events[j]!, orderId)) told = true;
      if (told) continue;
      const what = orderId ? `Order ${orderId}` : 'A payment';
      out.push(
        finding(
          silentFailure,
          `${what} ${failureLabel(e)} ${quote(ctx, e)}, and no message about it was sent to the customer in the next 24 hours.`,
          [i],
        ),
      );
    }
    return out;
  },
};

/** The reason a customer-facing statement gives for an order's cancellation, if it gives one. */
function statedReason(e: TraceEvent): { orderId: string; reason: string; who: string } | undefined {
  const orderId = str(e, 'orderId');
  if (!orderId || e.data?.status !== 'cancelled') return undefined;
  if (e.kind === 'customer.order-page') {
    const shown = str(e, 'shown');
    if (!shown) return undefined;
    const at = shown.indexOf('cancelled: ');
    return {
      orderId,
      reason: at >= 0 ? shown.slice(at + 'cancelled: '.length) : shown,
      who: 'the order page',
    };
  }
  if (e.kind === 'support.explained') {
    const said = str(e, 'said');
    return said ? { orderId, reason: said, who: `${e.channel ?? 'support'} support` } : undefined;
  }
  return undefined;
}

const normalise = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[.!\s]+$/, '');

export const inconsistentReasons: Oracle = {
  id: 'inconsistent-reasons',
  severity: 'medium',
  summary: 'The customer was given different reasons for the same cancellation on different channels.',
  description:
    'Collects every customer-facing statement of why an order was cancelled — the order page ' +
    '(`customer.order-page`, the reason in `data.shown`) and support staff (`support.explained`, ' +
    '`data.said`) — and fires once per order when two of them give different reasons. Statements ' +
    'that agree, or statements about different orders, do not fire it.',
  check(ctx) {
    const byOrder = new Map<string, { i: number; reason: string; who: string }[]>();
    ctx.events.forEach((e, i) => {
      const s = statedReason(e);
      if (!s) return;
      const list = byOrder.get(s.orderId) ?? [];
      if (!list.some((x) => normalise(x.reason) === normalise(s.reason))) list.push({ i, ...s });
      byOrder.set(s.orderId, list);
    });
    const out = [];
    for (const [orderId, list] of byOrder) {
      if (list.length < 2) continue;
      const told = list.map(
        (s) => `on ${quoteWhen(ctx, ctx.events[s.i]!)} ${s.who} told the customer "${s.reason}"`,
      );
      out.push(
        finding(
          inconsistentReasons,
          `The customer was given ${list.length} different reasons for the cancellation of order ${orderId}: ${told.join('; ')}.`,
          list.map((s) => s.i),
        ),
      );
    }
    return out;
  },
};

/** `2026-03-02 16:00 UTC (web)`. */
function quoteWhen(ctx: OracleContext, e: TraceEvent): string {
  return `${when(ctx, e)}${e.channel ? ` (${e.channel})` : ''}`;
}

export const zombieNotice: Oracle = {
  id: 'zombie-notice',
  severity: 'low',
  summary: 'Renewal reminders kept coming for a subscription that was already cancelled.',
  description:
    'Fires once per subscription for the `mail.sent` events of kind `renewal-reminder` whose ' +
    '`data.subscriptionStatus` is `cancelled`. Reminders for active subscriptions do not fire it.',
  check(ctx) {
    const bySub = new Map<string, number[]>();
    indicesWhere(
      ctx.events,
      (e) =>
        e.kind === 'mail.sent' &&
        str(e, 'kind') === 'renewal-reminder' &&
        str(e, 'subscriptionStatus') === 'cancelled',
    ).forEach((i) => {
      const sub = str(ctx.events[i]!, 'subscription') ?? '?';
      bySub.set(sub, [...(bySub.get(sub) ?? []), i]);
    });
    return [...bySub].map(([sub, idx]) => {
      const first = ctx.events[idx[0]!]!;
      const more =
        idx.length > 1
          ? ` — ${idx.length} reminders in all, the last on ${quoteWhen(ctx, ctx.events[idx.at(-1)!]!)}`
          : '';
      return finding(
        zombieNotice,
        `Subscription ${sub}${str(first, 'product') ? ` (${productName(ctx, str(first, 'product'))})` : ''} was already cancelled, yet the customer was sent a renewal reminder ${quote(ctx, first)}${more}.`,
        idx,
      );
    });
  },
};
