/** The customer at the shop's checkout: the order step and the reorder recovery both place orders here. */
import type { RunEnv } from '../../core/runEnv.ts';
import { addFact, nextId, record, type World } from '../../core/world.ts';
import type { CheckoutRequest } from '../../merchant/flows.ts';
import type { ShopCheckout } from '../../merchant/shopPort.ts';

/** A customer abandons a page that takes longer than this. */
export const PAGE_PATIENCE_MS = 60_000;

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
