/**
 * The reference shop's adapter, but the shop "goes away" at the 12th checkout: the run must
 * stop with a plain message and still report the runs that finished before.
 */
import { type AdapterFactory, referenceShopAdapter, ShopError } from '../adapter.ts';

const breaking: AdapterFactory = (ctx) => {
  const inner = referenceShopAdapter(ctx);
  let checkouts = 0;
  return {
    ...inner,
    async checkout(req) {
      checkouts++;
      if (checkouts >= 12) throw new ShopError('the shop went away (test adapter)');
      return inner.checkout(req);
    },
  };
};

export default breaking;
