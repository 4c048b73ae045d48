/**
 * What the payment router needs beyond the handlers: which answers count as refused before the
 * endpoint executed (they leave no effect and store no idempotent result), and the expandable
 * fields that are not ids of stored objects (a charge's `refunds`, any `balance_transaction`).
 */

import type { ApiResponse } from '../../../core/wire.ts';
import type { Billing } from './types.ts';

/**
 * Stripe's validation failures: a 400 or 404 `invalid_request_error` (a bad or unknown
 * parameter, an unknown id, an expand that cannot be expanded). Card errors (402) and
 * failures while executing are results: they keep their effects and their idempotency key.
 */
export function rejectedBeforeExecuting(r: ApiResponse): boolean {
  if (r.status !== 400 && r.status !== 404) return false;
  const error = (r.body as { error?: { type?: string } } | undefined)?.error;
  return error?.type === 'invalid_request_error';
}

/** A charge's balance transaction, derived from the charge (the sandbox keeps no ledger). */
function balanceTransaction(b: Billing, id: string): Record<string, unknown> | undefined {
  const charge = b.charges[`ch_${id.slice('txn_'.length)}`];
  if (!charge) return undefined;
  const { amount, created } = charge;
  return {
    id,
    object: 'balance_transaction',
    amount,
    available_on: created,
    created,
    currency: charge.currency,
    description: charge.description ?? null,
    exchange_rate: null,
    fee: 0,
    fee_details: [],
    net: amount,
    reporting_category: 'charge',
    source: charge.id,
    status: 'available',
    type: 'charge',
  };
}

/**
 * The value of `field` of `obj` when expanded, for fields the stored objects do not hold as ids;
 * undefined when the field is not one of them.
 */
export function virtualExpansion(b: Billing, obj: Record<string, unknown>, field: string): unknown {
  if (field === 'balance_transaction' && typeof obj[field] === 'string')
    return balanceTransaction(b, obj[field] as string);
  if (field === 'refunds' && obj.object === 'charge' && typeof obj.id === 'string') {
    const data = Object.values(b.refunds).filter((r) => r.charge === obj.id);
    return {
      object: 'list',
      data: data.reverse(),
      has_more: false,
      total_count: data.length,
      url: `/v1/charges/${obj.id}/refunds`,
    };
  }
  return undefined;
}
