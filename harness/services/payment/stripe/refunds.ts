/**
 * Refunds of a charge, in full or in part, and money handed back when an authorisation is
 * released.
 */
import type { RunEnv } from '../../../core/runEnv.ts';
import { nextId, record, type World } from '../../../core/world.ts';
import { billingOf } from './account.ts';
import { invalidRequest } from './errors.ts';
import { money, toMajor } from './money.ts';
import { lookup, secs } from './state.ts';
import type { ChargeObject, Metadata, Refund } from './types.ts';

export interface RefundParams {
  charge?: string;
  payment_intent?: string;
  amount?: number;
  reason?: string;
  metadata?: Metadata | null;
}

/** Give money back on a charge: the world's charge and the customer's counters move with it. */
export function returnMoney(world: World, charge: ChargeObject, amount: number, why: string): void {
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded >= charge.amount;
  const modelCharge = world.charges.find((c) => c.id === charge.id);
  const major = toMajor(amount, charge.currency);
  if (modelCharge && charge.refunded) modelCharge.status = 'refunded';
  world.customer.refunded += major;
  record(world, {
    actor: 'payment',
    kind: 'payment.refunded',
    text: `${money(amount, charge.currency)} was refunded to the card (${why}).`,
    data: {
      charge: charge.id,
      amount: major,
      ...(modelCharge?.orderId ? { orderId: modelCharge.orderId } : {}),
      ...(charge.payment_intent ? { paymentIntent: charge.payment_intent } : {}),
      ...(charge.refunded ? {} : { partial: true }),
    },
  });
}

export function createRefund(world: World, env: RunEnv, p: RefundParams): Refund {
  const b = billingOf(world, env);
  let charge: ChargeObject;
  if (p.charge !== undefined) charge = lookup(b, 'charges', p.charge, 'charge');
  else if (p.payment_intent !== undefined) {
    const pi = lookup(b, 'paymentIntents', p.payment_intent, 'payment_intent');
    const latest = pi.latest_charge ? b.charges[pi.latest_charge] : undefined;
    if (!latest || pi.status !== 'succeeded')
      throw invalidRequest(
        `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`,
        'charge_not_refundable',
        'payment_intent',
      );
    charge = latest;
  } else
    throw invalidRequest(
      'One of the following params should be provided for this request: payment_intent or charge.',
      'parameter_missing',
    );
  if (charge.status !== 'succeeded' || !charge.captured)
    throw invalidRequest(
      `Charge ${charge.id} cannot be refunded: it has not succeeded.`,
      'charge_not_refundable',
      'charge',
    );
  const remaining = charge.amount_captured - charge.amount_refunded;
  if (remaining <= 0)
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, 'charge_already_refunded');
  const amount = p.amount ?? remaining;
  if (amount <= 0) throw invalidRequest('Invalid positive integer', 'parameter_invalid_integer', 'amount');
  if (amount > remaining)
    throw invalidRequest(
      `Refund amount (${money(amount, charge.currency)}) is greater than unrefunded amount on charge (${money(remaining, charge.currency)})`,
      'amount_too_large',
      'amount',
    );
  returnMoney(world, charge, amount, p.reason ? p.reason.replace(/_/g, ' ') : 'refund requested');
  const refund: Refund = {
    id: nextId(world, 're'),
    object: 'refund',
    amount,
    balance_transaction: null,
    charge: charge.id,
    created: secs(world.now),
    currency: charge.currency,
    destination_details: { card: { type: 'refund' }, type: 'card' },
    metadata: p.metadata ?? {},
    payment_intent: charge.payment_intent,
    reason: p.reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
  b.refunds[refund.id] = refund;
  return refund;
}
