/**
 * The customer's recovery repertoire: what a stuck customer can try, each with its own time
 * and effort, and only where the merchant offers it. Self-service actions come first; staff
 * contacts make an outcome "recovered-with-help".
 */

import type { RunEnv } from '../core/runEnv.ts';
import { addFact, learn, record, type World } from '../core/world.ts';
import { advanceTo, keyMessageKind } from '../merchant/flows.ts';
import { findMail } from '../services/mail/mailbox.ts';
import { latestOrder } from '../services/orders/orders.ts';
import type { Journey } from './journey.ts';
import { placeOrder, readMessage, type Trouble } from './steps.ts';

export interface RecoveryAction {
  id: string;
  /** What the customer does, for people: "Look in the spam folder". */
  label: string;
  /** True when the action involves the merchant's staff. */
  staff: boolean;
  apply(world: World, env: RunEnv, trouble: Trouble): void;
}

const DAY = 86_400_000;
const REORDER_LABEL = 'Order again';
const mailProblems = new Set(['missing-mail', 'missing-statement', 'missing-delivery']);
const orderProblems = new Set(['missing-mail', 'missing-delivery', 'order-cancelled']);

const lookInSpam: RecoveryAction = {
  id: 'look-in-spam',
  label: 'Look in the spam folder',
  staff: false,
  apply(world, env) {
    world.customer.effortMinutes += 5;
    const found = findMail(world, 'spam').filter((m) => !m.read);
    record(world, {
      actor: 'customer',
      kind: 'customer.checked-spam',
      channel: 'email',
      text: found.length
        ? `The customer looked in the spam folder and found ${found.length} message(s).`
        : 'The customer looked in the spam folder: nothing there.',
      data: { found: found.length },
    });
    for (const m of found) readMessage(world, env, m);
  },
};

const resendConfirmation: RecoveryAction = {
  id: 'resend-confirmation',
  label: 'Ask the web site to resend the confirmation',
  staff: false,
  apply(world, env, trouble) {
    world.customer.effortMinutes += 5;
    const order = latestOrder(world, trouble.product);
    if (!order) return;
    record(world, {
      actor: 'customer',
      kind: 'customer.resend',
      channel: 'web',
      text: 'The customer asked the web site to resend the confirmation.',
      data: { orderId: order.id },
    });
    env.shop.resend(world, env, order.id, keyMessageKind(env, order));
  },
};

const openOrderPage: RecoveryAction = {
  id: 'open-order-page',
  label: 'Open the order page',
  staff: false,
  apply(world, env, trouble) {
    world.customer.effortMinutes += 5;
    const order = latestOrder(world, trouble.product);
    if (!order) return;
    const page = env.shop.orderPage(world, env, order.id);
    if (!page) return;
    record(world, {
      actor: 'customer',
      kind: 'customer.order-page',
      channel: 'web',
      text: `The customer opened the order page: ${page.shown}.`,
      data: { orderId: order.id, status: page.status, shown: page.shown },
    });
    if (page.status === 'cancelled') learn(world, `order-failed:${order.product}`);
    if (page.email !== world.customer.email) learn(world, `wrong-email:${order.id}`);
    if (page.key) {
      addFact(world, `licence:${order.product}`);
      record(world, {
        actor: 'customer',
        kind: 'licence.downloaded',
        channel: 'web',
        text: `The customer downloaded ${env.product(order.product).name} and its key from the order page.`,
        data: { orderId: order.id, key: page.key },
      });
    }
  },
};

const changeEmail: RecoveryAction = {
  id: 'change-email',
  label: 'Correct the e-mail address on the order',
  staff: false,
  apply(world, env, trouble) {
    world.customer.effortMinutes += 10;
    const order = latestOrder(world, trouble.product);
    if (!order) return;
    world.customer.knows = world.customer.knows.filter((k) => k !== `wrong-email:${order.id}`);
    record(world, {
      actor: 'customer',
      kind: 'customer.email-changed',
      channel: 'web',
      text: `The customer corrected the e-mail address on order ${order.id}.`,
      data: { orderId: order.id },
    });
    env.shop.changeEmail(world, env, order.id, world.customer.email);
  },
};

const statementFromAccount: RecoveryAction = {
  id: 'download-statement',
  label: 'Download the statement from the account page',
  staff: false,
  apply(world) {
    world.customer.effortMinutes += 5;
    addFact(world, 'statement');
    record(world, {
      actor: 'customer',
      kind: 'customer.statement-downloaded',
      channel: 'web',
      text: 'The customer downloaded the statement from the account page.',
      data: {},
    });
  },
};

function reorder(journey: Journey): RecoveryAction {
  return {
    id: 'reorder',
    label: REORDER_LABEL,
    staff: false,
    apply(world, env, trouble) {
      world.customer.effortMinutes += 10;
      const p = env.product(trouble.product);
      world.customer.knows = world.customer.knows.filter((k) => k !== `order-failed:${p.id}`);
      const standardArrives = world.now + (p.shippingDays ?? 5) * DAY;
      const shipping = p.kind === 'physical' && standardArrives > journey.deadline ? 'rush' : 'standard';
      record(world, {
        actor: 'customer',
        kind: 'customer.order',
        channel: 'web',
        text: `The customer ordered ${p.name} again${shipping === 'rush' ? ' with rush delivery' : ''}.`,
        data: { product: p.id, again: true },
      });
      placeOrder(world, env, {
        product: p.id,
        channel: 'web',
        shipping,
        quantity: 1,
        email: world.customer.email,
      });
    },
  };
}

function contactChannel(channelId: string): RecoveryAction {
  return {
    id: `contact:${channelId}`,
    label: contactLabel(channelId),
    staff: true,
    apply(world, env, trouble) {
      env.shop.contactSupport(
        world,
        env,
        channelId,
        trouble.problem as Exclude<Trouble['problem'], 'retry'>,
        trouble.product,
      );
    },
  };
}

function contactLabel(channelId: string): string {
  return `Contact the shop (${channelId.replace(/[-_.]+/g, ' ')})`;
}

const LABELS = new Map<string, string>(
  [lookInSpam, resendConfirmation, openOrderPage, changeEmail, statementFromAccount].map((a) => [
    a.id,
    a.label,
  ]),
);

/** The plain-language name of a recovery action id as it appears in a run's `path`. */
export function actionLabel(id: string): string {
  if (id.startsWith('contact:')) return contactLabel(id.slice('contact:'.length));
  if (id === 'reorder') return REORDER_LABEL;
  if (id === waitAndRetry.id) return waitAndRetry.label;
  if (id === tryAgain.id) return tryAgain.label;
  return LABELS.get(id) ?? id.replace(/[-_.:]+/g, ' ');
}

/** Wait for the next thing that will change: a message, a parcel, the end of a fault. */
export function nextChange(world: World, env: RunEnv): number | undefined {
  let t = world.pending[0]?.at;
  for (const f of env.faults.active) {
    if (f.from > world.now && (t === undefined || f.from < t)) t = f.from;
    if (f.until > world.now && f.until !== Number.POSITIVE_INFINITY && (t === undefined || f.until < t))
      t = f.until;
  }
  return t;
}

const waitAndRetry: RecoveryAction = {
  id: 'wait',
  label: 'Wait and look again',
  staff: false,
  apply(world, env) {
    const t = nextChange(world, env);
    if (t !== undefined) advanceTo(world, env, t);
  },
};

/** Try the failed step again (the explorer re-runs it after the action): a declined card, a slow page. */
const tryAgain: RecoveryAction = {
  id: 'try-again',
  label: 'Try again',
  staff: false,
  apply() {},
};

/** The actions open to this customer now, for this trouble. */
export function availableActions(
  world: World,
  env: RunEnv,
  journey: Journey,
  trouble: Trouble,
  withStaff: boolean,
): RecoveryAction[] {
  const caps = env.profile.capabilities;
  const out: RecoveryAction[] = [];
  const hasOrder = latestOrder(world, trouble.product) !== undefined;
  if (nextChange(world, env) !== undefined) out.push(waitAndRetry);
  if (trouble.problem === 'retry') out.push(tryAgain);
  else {
    if (
      mailProblems.has(trouble.problem) &&
      journey.checksSpam &&
      findMail(world, 'spam').some((m) => !m.read)
    )
      out.push(lookInSpam);
    if (hasOrder && caps.orderTracking && orderProblems.has(trouble.problem)) out.push(openOrderPage);
    if (hasOrder && caps.resendConfirmation && trouble.problem === 'missing-mail')
      out.push(resendConfirmation);
    if (
      hasOrder &&
      caps.changeEmailAfterOrder &&
      world.customer.knows.some((k) => k.startsWith('wrong-email:'))
    )
      out.push(changeEmail);
    if (trouble.problem === 'missing-statement' && caps.accountStatements) out.push(statementFromAccount);
    if (world.customer.knows.includes(`order-failed:${trouble.product}`)) out.push(reorder(journey));
    if (withStaff) {
      const sentTo = world.customer.sentTo[trouble.problem];
      for (const c of env.profile.support) {
        if (!journey.channels.includes(c.kind)) continue;
        if (sentTo !== undefined && c.id !== sentTo) continue;
        out.push(contactChannel(c.id));
      }
    }
  }
  return out;
}

/** Which missing capabilities would have given a self-service way out of this trouble. */
export function missingSelfService(env: RunEnv, trouble: Trouble): string[] {
  const caps = env.profile.capabilities;
  const missing: string[] = [];
  if (trouble.problem === 'missing-mail') {
    if (!caps.resendConfirmation) missing.push('no way to resend the confirmation');
    if (!caps.downloadFromOrderPage && env.product(trouble.product).kind === 'licence')
      missing.push('no download from the order page');
    if (!caps.changeEmailAfterOrder) missing.push('no way to correct the e-mail address');
  }
  if (
    (trouble.problem === 'missing-delivery' || trouble.problem === 'order-cancelled') &&
    !caps.orderTracking
  )
    missing.push('no order tracking');
  if (trouble.problem === 'missing-statement' && !caps.accountStatements)
    missing.push('no statements on the account page');
  if (trouble.problem === 'unwanted-renewal' && !caps.cancelOnline) missing.push('no way to cancel online');
  return missing;
}
