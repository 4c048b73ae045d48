/** overcharge over declared products: a charge above the product's listed price. */
import { at, eventsOf, finding, money, type VocabularyOracle } from './context.ts';

/** Amounts within half a cent are equal. */
const EPSILON = 0.005;

export const overcharge: VocabularyOracle = {
  id: 'overcharge',
  severity: 'high',
  summary: 'The customer was charged more than the listed price.',
  description:
    'Over a declared vocabulary: fires for every `payment.charged` for a product (the charge names ' +
    'it, or its tag is a product id) whose amount exceeds that product’s listed `price`. A charge ' +
    'at the listed price, or one that is not for a product (postage, a fee), does not fire it.',
  check(ctx) {
    const products = ctx.loaded.profile.products;
    const out = [];
    for (const { i, e, d } of eventsOf(ctx.events, 'payment.charged')) {
      const product = products.find((p) => p.id === (d.product ?? d.tag));
      if (!product || d.amount === undefined || d.amount <= product.price + EPSILON) continue;
      out.push(
        finding(
          overcharge,
          `The customer was charged ${money(ctx, d.amount)} for ${product.name} (${d.tag}), ${money(ctx, d.amount - product.price)} more than the listed ${money(ctx, product.price)}, on ${at(ctx, e.t)}.`,
          [i],
        ),
      );
    }
    return out;
  },
};
