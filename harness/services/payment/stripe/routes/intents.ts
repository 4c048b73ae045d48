/**
 * The payment intent endpoints.
 */
import {
  cancelPaymentIntent,
  capturePaymentIntent,
  confirmPaymentIntent,
  createPaymentIntent,
  type PaymentIntentParams,
  updatePaymentIntent,
} from '../intents.ts';
import { page } from '../listing.ts';
import { PAGINATION, PI_CAPTURE, PI_CONFIRM, PI_CREATE, PI_UPDATE } from '../paramLists.ts';
import type { Params } from '../requestParams.ts';
import { q, ret, type StripeRoutes } from '../routeContext.ts';
import { lookup } from '../state.ts';

function piParams(q: Params): PaymentIntentParams {
  const out: PaymentIntentParams = {};
  const amount = q.int('amount');
  if (amount !== undefined) out.amount = amount;
  const currency = q.str('currency');
  if (currency !== undefined) out.currency = currency;
  for (const key of [
    'customer',
    'payment_method',
    'description',
    'receipt_email',
    'statement_descriptor',
    'setup_future_usage',
  ] as const) {
    const v = q.str(key);
    if (v !== undefined) out[key] = v;
  }
  const capture = q.oneOf('capture_method', ['automatic', 'automatic_async', 'manual'] as const);
  if (capture) out.capture_method = capture;
  const metadata = q.metadata();
  if (metadata !== undefined) out.metadata = metadata;
  const confirm = q.bool('confirm');
  if (confirm !== undefined) out.confirm = confirm;
  const types = q.list('payment_method_types');
  if (types) out.payment_method_types = types.map(String);
  return out;
}

/** The payment intents endpoints. */
export function paymentIntentRoutes(routes: StripeRoutes): void {
  routes
    .add('POST', '/v1/payment_intents', (ctx) =>
      ret(ctx, createPaymentIntent(ctx.world, ctx.env, piParams(q(ctx, PI_CREATE)))),
    )
    .add('GET', '/v1/payment_intents', (ctx) => {
      const p = q(ctx, ['created', 'customer', 'customer_account', ...PAGINATION]);
      const customer = p.str('customer');
      const all = Object.values(ctx.b.paymentIntents).filter(
        (pi) => customer === undefined || pi.customer === customer,
      );
      return ret(ctx, page(all, p, '/v1/payment_intents'));
    })
    .add('GET', '/v1/payment_intents/:id', (ctx, { id }) => {
      q(ctx, ['client_secret']);
      return ret(ctx, lookup(ctx.b, 'paymentIntents', id!));
    })
    .add('POST', '/v1/payment_intents/:id', (ctx, { id }) =>
      ret(ctx, updatePaymentIntent(ctx.world, ctx.env, id!, piParams(q(ctx, PI_UPDATE)))),
    )
    .add('POST', '/v1/payment_intents/:id/confirm', (ctx, { id }) => {
      const p = q(ctx, PI_CONFIRM);
      const pm = p.str('payment_method');
      const email = p.str('receipt_email');
      const offSession = p.bool('off_session');
      return ret(
        ctx,
        confirmPaymentIntent(ctx.world, ctx.env, id!, {
          ...(pm !== undefined ? { payment_method: pm } : {}),
          ...(email !== undefined ? { receipt_email: email } : {}),
          ...(offSession !== undefined ? { off_session: offSession } : {}),
        }),
      );
    })
    .add('POST', '/v1/payment_intents/:id/capture', (ctx, { id }) => {
      const p = q(ctx, PI_CAPTURE);
      const amount = p.int('amount_to_capture');
      return ret(
        ctx,
        capturePaymentIntent(
          ctx.world,
          ctx.env,
          id!,
          amount !== undefined ? { amount_to_capture: amount } : {},
        ),
      );
    })
    .add('POST', '/v1/payment_intents/:id/cancel', (ctx, { id }) => {
      const p = q(ctx, ['cancellation_reason']);
      const reason = p.oneOf('cancellation_reason', [
        'duplicate',
        'fraudulent',
        'requested_by_customer',
        'abandoned',
      ] as const);
      return ret(
        ctx,
        cancelPaymentIntent(ctx.world, ctx.env, id!, reason ? { cancellation_reason: reason } : {}),
      );
    });
}
