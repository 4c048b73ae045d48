/**
 * The payment provider's account as a slice of the world (`world.billing`): absent in `sim`
 * runs until a flow first uses the provider, and shared copy-on-write between a world and the
 * forks the explorer makes of it.
 */
import { registerSlice, type World } from '../../../core/world.ts';
import type { Billing } from './types.ts';

declare module '../../../core/world.ts' {
  interface WorldSlices {
    /**
     * The payment provider's account objects (customers, payment intents, provider-side
     * subscriptions) when the sandbox serves its payment API; absent in `sim` runs.
     */
    billing?: Billing;
  }
}

/** Worlds whose `billing` object another world may also hold. */
const sharedBilling = new WeakSet<World>();

registerSlice({
  key: 'billing',
  // Copy-on-write: parent and child share the provider's account until one of them changes
  // it (ownBilling), so a state's cost does not grow with the size of that account.
  clone(billing, from, to) {
    sharedBilling.add(from);
    sharedBilling.add(to);
    return billing;
  },
  // No stateKey: what the account holds shows in the world's orders, charges, subscriptions
  // and the customer's facts, which the key already has.
});

/** The world's billing state, copied first if another world shares it: call before changing it. */
export function ownBilling(w: World): Billing | undefined {
  if (w.billing && sharedBilling.has(w)) {
    w.billing = structuredClone(w.billing);
    sharedBilling.delete(w);
  }
  return w.billing;
}
