/**
 * What an invoice's payment outcome does to the invoice and to its subscription.
 */
import type { RunEnv } from '../../../core/runEnv.ts';
import type { World } from '../../../core/world.ts';
import { billingOf } from './account.ts';
import { secs } from './state.ts';

export function invoicePaid(world: World, env: RunEnv, id: string): void {
  const b = billingOf(world, env);
  const invoice = b.invoices[id]!;
  invoice.status = 'paid';
  invoice.amount_paid = invoice.amount_due;
  invoice.amount_remaining = 0;
  (invoice.status_transitions as Record<string, unknown>).paid_at = secs(world.now);
  const payment = (invoice.payments as { data: Record<string, unknown>[] } | undefined)?.data[0];
  if (payment) {
    payment.status = 'paid';
    payment.amount_paid = invoice.amount_due;
  }
  const sub = b.subscriptions[invoice.subscription as string];
  if (
    sub &&
    (sub.status === 'incomplete' ||
      sub.status === 'past_due' ||
      sub.status === 'unpaid' ||
      sub.status === 'trialing')
  )
    sub.status = 'active';
}

export function invoiceFailed(world: World, env: RunEnv, id: string): void {
  const b = billingOf(world, env);
  const invoice = b.invoices[id]!;
  const sub = b.subscriptions[invoice.subscription as string];
  if (sub && invoice.billing_reason === 'subscription_cycle' && sub.status === 'active')
    sub.status = 'past_due';
}
