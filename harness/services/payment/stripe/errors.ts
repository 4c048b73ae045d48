/**
 * Payment API errors in Stripe's shape (`{ error: … }`) with their HTTP status.
 */
import type { StripeErrorBody } from './types.ts';

/** A payment API error with Stripe's shape and HTTP status. */
export class BillingError extends Error {
  readonly status: number;
  readonly body: StripeErrorBody;

  constructor(status: number, body: StripeErrorBody) {
    super(body.message);
    this.name = 'BillingError';
    this.status = status;
    this.body = body;
  }
}

export const DOCS = 'https://stripe.com/docs/error-codes';

export function invalidRequest(message: string, code?: string, param?: string, status = 400): BillingError {
  return new BillingError(status, {
    type: 'invalid_request_error',
    ...(code ? { code, doc_url: `${DOCS}/${code.replace(/_/g, '-')}` } : {}),
    message,
    ...(param ? { param } : {}),
  });
}
