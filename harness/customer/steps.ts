/**
 * The customer performing the scripted steps. Each step either meets its expectation or
 * fails with the problem the customer now has (the key mail never came, the portal does not
 * know the purchase, …), which is where the recovery search starts.
 */
import { formatDuration } from '../clock/duration.ts';
import type { RunEnv } from '../core/runEnv.ts';
import { addFact, hasFact, learn, type MailMessage, nextId, record, type World } from '../core/world.ts';
import { advanceTo, type CheckoutRequest } from '../merchant/flows.ts';
import type { Problem } from '../merchant/profile.ts';
import type { ShopCheckout } from '../merchant/shopPort.ts';
import { licenceServerAnswers } from '../services/licensing/licensing.ts';
import { findMail } from '../services/mail/mailbox.ts';
import type { Journey, PlannedStep } from './journey.ts';

export interface Trouble {
  problem: Problem | 'retry';
  product: string;
  /** Plain language: what went wrong for the customer. */
  what: string;
}

export type StepResult = { ok: true } | { ok: false; trouble: Trouble };

/** A customer abandons a page that takes longer than this. */
export const PAGE_PATIENCE_MS = 60_000;

const OK: StepResult = { ok: true };
const fail = (problem: Trouble['problem'], product: string, what: string): StepResult => ({
  ok: false,
  trouble: { problem, product, what },
});

const EFFORT: Partial<Record<PlannedStep['kind'], number>> = {
  order: 10,
  install: 20,
  activate: 5,
  'log-in': 5,
  'cancel-subscription': 10,
};

export function readMessage(world: World, env: RunEnv, m: MailMessage): void {
  m.read = true;
  const order = world.orders.find((o) => o.id === m.orderId);
  record(world, {
    actor: 'customer',
    kind: 'mail.read',
    channel: 'email',
    text: `The customer read "${m.subject}"${m.folder === 'spam' ? ' in the spam folder' : ''}.`,
    data: { message: m.id, kind: m.kind },
  });
  addFact(world, `mail:${m.kind}`);
  if (m.kind === 'licence-key' && order) addFact(world, `licence:${order.product}`);
  if (m.kind === 'statement') addFact(world, 'statement');
  if (m.kind === 'order-cancelled' && order) learn(world, `order-failed:${order.product}`);
  void env;
}

/** The customer reads whatever new arrived in their inbox. */
function readInbox(world: World, env: RunEnv): void {
  for (const m of findMail(world, 'inbox')) if (!m.read) readMessage(world, env, m);
}

/**
 * Wait until `done()` or `limit`, letting everything due on the way happen and reading the
 * inbox as messages arrive. On a retry (after a recovery action) the customer does not sit
 * out the whole wait again: they look once more at what arrives and go back to recovering.
 */
function waitFor(world: World, env: RunEnv, limit: number, retry: boolean, done: () => boolean): boolean {
  readInbox(world, env);
  if (done()) return true;
  while (world.pending.length > 0 && world.pending[0]!.at <= limit) {
    advanceTo(world, env, world.pending[0]!.at);
    readInbox(world, env);
    if (done()) return true;
  }
  if (!retry) advanceTo(world, env, limit);
  return done();
}

const problemOfMail = (kind: MailMessage['kind']): Problem =>
  kind === 'shipped' ? 'missing-delivery' : kind === 'statement' ? 'missing-statement' : 'missing-mail';

/**
 * The customer places an order on the shop's checkout: a slow page makes them give up, and a
 * slip of the keyboard may change the address they type. Where the form asks for the address
 * twice, the second one is right and the shop sends the form back; the customer fixes it.
 */
export function placeOrder(world: World, env: RunEnv, req: CheckoutRequest): ShopCheckout {
  if (req.channel === 'web') {
    const slow = env.faults.hit(world, 'site', { page: 'checkout', id: nextId(world, 'page') });
    if (slow && 'latencyMs' in slow.result && slow.result.latencyMs > PAGE_PATIENCE_MS) {
      record(world, {
        actor: 'fault',
        kind: 'site.slow',
        channel: 'web',
        text: `The checkout page took ${Math.round(slow.result.latencyMs / 1000)} seconds to respond; the order could not be placed.`,
        data: { latencyMs: slow.result.latencyMs, fault: slow.label },
      });
      return { ok: false, reason: 'the checkout page was too slow' };
    }
  }
  const asksTwice = env.profile.capabilities.confirmEmailTwice;
  const typo = env.faults.hit(world, 'checkout-email', { email: req.email, id: nextId(world, 'form') });
  let res: ShopCheckout;
  if (typo && typo.result.email !== req.email) {
    if (!asksTwice)
      record(world, {
        actor: 'fault',
        kind: 'checkout.email-mistyped',
        channel: req.channel,
        text: `The customer typed ${typo.result.email} instead of ${req.email}; the shop did not ask to confirm it.`,
        data: { typed: typo.result.email, real: req.email, fault: typo.label },
      });
    res = env.shop.checkout(world, env, {
      ...req,
      email: typo.result.email,
      ...(asksTwice ? { emailConfirm: req.email } : {}),
    });
    if (res.ok || !res.emailsDiffer) return ordered(world, env, req.product, res);
  }
  res = env.shop.checkout(world, env, { ...req, ...(asksTwice ? { emailConfirm: req.email } : {}) });
  return ordered(world, env, req.product, res);
}

function ordered(world: World, env: RunEnv, product: string, res: ShopCheckout): ShopCheckout {
  if (!res.ok) return res;
  addFact(world, `ordered:${product}`);
  if (env.product(product).kind === 'subscription') addFact(world, `active:${product}`);
  return res;
}

export function runStep(
  world: World,
  env: RunEnv,
  _journey: Journey,
  step: PlannedStep,
  retry = false,
): StepResult {
  world.customer.effortMinutes += EFFORT[step.kind] ?? 0;
  const product = step.product;
  switch (step.kind) {
    case 'order': {
      const name = env.product(product).name;
      record(world, {
        actor: 'customer',
        kind: 'customer.order',
        channel: step.orderChannel,
        text: `The customer ordered ${name} (${step.orderChannel}).`,
        data: { product },
      });
      const res = placeOrder(world, env, {
        product,
        channel: step.orderChannel ?? 'web',
        shipping: step.shipping ?? 'standard',
        quantity: step.quantity ?? 1,
        email: world.customer.email,
      });
      return res.ok ? OK : fail('retry', product, `the order could not be placed: ${res.reason}`);
    }
    case 'await-mail':
    case 'await-statement': {
      const kind = step.mailKind!;
      if (step.kind === 'await-statement') env.shop.sendStatement(world, env, world.customer.email);
      const got = waitFor(world, env, world.now + step.waitMs!, retry, () =>
        step.provides.every((f) => hasFact(world, f)),
      );
      return got
        ? OK
        : fail(
            problemOfMail(kind),
            product,
            `the ${kind} e-mail did not arrive within ${formatDuration(step.waitMs!)}`,
          );
    }
    case 'await-delivery': {
      const limit = step.by ?? world.now + (step.waitMs ?? 0);
      const failed = () => world.customer.knows.includes(`order-failed:${product}`);
      const got = waitFor(world, env, limit, retry, () => hasFact(world, `delivered:${product}`) || failed());
      if (got && !failed()) return OK;
      return failed()
        ? fail(
            'order-cancelled',
            product,
            `the shop wrote that the ${env.product(product).name} order was cancelled`,
          )
        : fail('missing-delivery', product, `${env.product(product).name} was not delivered in time`);
    }
    case 'install': {
      if (!hasFact(world, `licence:${product}`))
        return fail('missing-mail', product, 'there is no licence key to install with');
      if (!licenceServerAnswers(world, env, 'download', product))
        return fail('retry', product, 'the download failed');
      addFact(world, `installed:${product}`);
      record(world, {
        actor: 'customer',
        kind: 'licence.installed',
        text: `The customer installed ${env.product(product).name} with the licence key.`,
        data: { product },
      });
      return OK;
    }
    case 'activate': {
      const p = env.product(product);
      // A licence is activated with its key, like an install: no key, no activation.
      if (p.kind === 'licence' && !hasFact(world, `licence:${product}`))
        return fail('missing-mail', product, 'there is no licence key to activate with');
      const portal = p.fulfilledBy ?? 'web-store';
      if (!env.shop.entitled(world, env, product)) {
        record(world, {
          actor: 'merchant',
          kind: 'activation.refused',
          channel: 'web',
          text: `The ${portal} said the customer was not in the system.`,
          data: { product, portal },
        });
        return fail('entitlement-missing', product, `the ${portal} did not know the ${p.name} purchase`);
      }
      addFact(world, `active:${product}`);
      record(world, {
        actor: 'customer',
        kind: 'membership.activated',
        channel: 'web',
        text: `The customer activated ${p.name}.`,
        data: { product },
      });
      return OK;
    }
    case 'log-in': {
      const hit = env.faults.hit(world, 'site', { page: 'login', id: `login:${world.now}` });
      if (hit && 'fails' in hit.result) {
        record(world, {
          actor: 'fault',
          kind: 'site.login-failed',
          channel: 'web',
          text: 'The login page rejected the customer’s valid password.',
          data: { fault: hit.label },
        });
        return fail('cannot-log-in', product, 'the customer could not log in');
      }
      addFact(world, 'logged-in');
      return OK;
    }
    case 'contact-support': {
      const result = env.shop.contactSupport(world, env, step.channel!, step.about!, product);
      if (result === 'resolved') {
        addFact(world, `resolved:${step.about}`);
        return OK;
      }
      return fail(step.about!, product, `${step.channel} support did not resolve it (${result})`);
    }
    case 'cancel-subscription': {
      if (!env.shop.cancelSubscription(world, env, product))
        return fail('unwanted-renewal', product, 'subscriptions cannot be cancelled online');
      addFact(world, `cancelled:${product}`);
      record(world, {
        actor: 'customer',
        kind: 'subscription.cancelled',
        channel: 'web',
        text: `The customer cancelled ${env.product(product).name} online.`,
        data: { product },
      });
      return OK;
    }
    case 'wait':
      advanceTo(world, env, world.now + step.waitMs!);
      return OK;
  }
}

export function isDone(world: World, step: PlannedStep): boolean {
  return step.provides.length > 0 && step.provides.every((f) => hasFact(world, f));
}
