import { describe, expect, it } from 'vitest';
import { cloneWorld, emptyWorld } from '../../../core/world.ts';
import type { Billing } from './types.ts';
import { ownBilling } from './worldSlice.ts';

const billing = (): Billing =>
  ({
    customers: { cus_1: { id: 'cus_1', email: 'a@example.net' } },
    declineOn: { avs: false, cvc: false },
  }) as never;

describe('billing state of forked worlds', () => {
  it('is shared until one side changes it, and a change never reaches the other', () => {
    const parent = { ...emptyWorld(0, 'a@example.net'), billing: billing() };
    const child = cloneWorld(parent);
    expect(child.billing).toBe(parent.billing); // no copy per child
    ownBilling(child)!.declineOn.avs = true;
    expect(parent.billing.declineOn.avs).toBe(false);
    expect(child.billing!.declineOn.avs).toBe(true);
    // The parent, still marked shared, copies before its own change: the child keeps its value.
    const sibling = cloneWorld(parent);
    ownBilling(parent)!.declineOn.cvc = true;
    expect(sibling.billing!.declineOn.cvc).toBe(false);
    expect(child.billing!.declineOn.cvc).toBe(false);
  });

  it('a world that shares nothing changes its billing in place', () => {
    const w = { ...emptyWorld(0, 'a@example.net'), billing: billing() };
    const b = w.billing;
    expect(ownBilling(w)).toBe(b);
  });
});
