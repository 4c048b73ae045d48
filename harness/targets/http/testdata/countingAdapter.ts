/**
 * An adapter module as a team would pass with --adapter: here the reference shop's own JSON
 * adapter, counting the customer's actions into the file named by DEADEND_TEST_COUNT_FILE so a
 * test can see it was used.
 */
import { appendFileSync } from 'node:fs';
import { type AdapterFactory, referenceShopAdapter, type ShopAdapter } from '../adapter.ts';

const counting: AdapterFactory = (ctx) => {
  const inner = referenceShopAdapter(ctx);
  const file = process.env.DEADEND_TEST_COUNT_FILE;
  const note = (action: string) => {
    if (file) appendFileSync(file, `${action}\n`);
  };
  return new Proxy(inner, {
    get(target, prop: keyof ShopAdapter) {
      const value = target[prop];
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        note(String(prop));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
};

export default counting;
