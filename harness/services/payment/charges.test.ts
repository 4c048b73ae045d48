import { describe, expect, it } from 'vitest';
import { events, sandbox } from '../../engine/testdata/sandbox.ts';
import { authorise, CARD_LAST4, refund } from './charges.ts';

describe('payment', () => {
  it('charges the card and adds the amount to what the customer spent', () => {
    const { env, world } = sandbox();
    const auth = authorise(world, env, 42.5, { orderId: 'ord_x' });
    expect(auth.failure).toBeUndefined();
    expect(auth.charge).toMatchObject({
      amount: 42.5,
      status: 'succeeded',
      last4: CARD_LAST4,
      orderId: 'ord_x',
    });
    expect(world.charges).toEqual([auth.charge]);
    expect(world.customer.spent).toBe(42.5);
    expect(events(world, 'payment.charged')[0]!.text).toBe('The card (•••• 4242) was charged $42.50.');
  });

  it.each([
    ['payment.declined', 'declined', 'card declined'],
    ['payment.timeout', 'timeout', 'payment provider timed out'],
  ])('%s fails the charge and takes no money', (fault, failure, message) => {
    const { env, world } = sandbox({ faults: [{ fault }] });
    const auth = authorise(world, env, 10, {});
    expect(auth.charge.status).toBe('failed');
    expect(auth.charge.failure).toBe(failure);
    expect(auth.failure?.message).toBe(message);
    expect(auth.fault).toBe(fault);
    expect(world.customer.spent).toBe(0);
    expect(events(world, 'payment.failed')[0]!.text).toBe(`The payment of $10.00 failed: ${message}.`);
  });

  it.each([
    ['payment.avs-mismatch', 'avs-mismatch', 'billing address does not match the card'],
    ['payment.cvc-mismatch', 'cvc-mismatch', 'card security code does not match'],
  ])('%s takes the money but reports the failed check', (fault, failure, message) => {
    const { env, world } = sandbox({ faults: [{ fault }] });
    const auth = authorise(world, env, 10, {});
    expect(auth.charge.status).toBe('succeeded');
    expect(auth.failure).toEqual({ failure, message });
    expect(world.customer.spent).toBe(10);
    expect(events(world, 'payment.check-failed')[0]!.text).toContain(`the issuer reported: ${message}`);
  });

  it('refunds a succeeded charge once and updates the money refunded', () => {
    const { env, world } = sandbox();
    const { charge } = authorise(world, env, 30, {});
    refund(world, env, charge, 'changed my mind');
    refund(world, env, charge, 'again');
    expect(charge.status).toBe('refunded');
    expect(world.customer.refunded).toBe(30);
    expect(world.customer.spent).toBe(30);
    const refunds = events(world, 'payment.refunded');
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.text).toBe('$30.00 was refunded to the card (changed my mind).');
  });

  it('never refunds a failed charge', () => {
    const { env, world } = sandbox({ faults: [{ fault: 'payment.declined' }] });
    const { charge } = authorise(world, env, 30, {});
    refund(world, env, charge, 'nothing to refund');
    expect(charge.status).toBe('failed');
    expect(world.customer.refunded).toBe(0);
    expect(events(world, 'payment.refunded')).toEqual([]);
  });

  it('formats amounts in the merchant currency', () => {
    const { env, world } = sandbox();
    const euro = { ...env, currency: 'EUR' };
    authorise(world, euro, 1234.5, {});
    expect(events(world, 'payment.charged')[0]!.text).toContain('€1,234.50');
  });
});
