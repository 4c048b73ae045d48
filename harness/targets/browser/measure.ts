/**
 * Seconds per customer action, browser vs JSON API, in one process against the reference shop
 * in-process: `npx node harness/targets/browser/measure.ts [rounds]` (default 10 per product).
 * Prints one line per adapter and action: mean and median seconds, and the browser's start-up.
 */
import { startShop } from '../../../fixtures/shop/server.ts';
import type { CheckoutRequest } from '../../merchant/merchant.ts';
import { startSandbox } from '../../sandbox/http/index.ts';
import { DEFAULT_EMAIL, SANDBOX_MERCHANT } from '../../sandbox/http/session.ts';
import { referenceShopAdapter, type ShopAdapter } from '../http/adapter.ts';
import { createBrowserAdapter } from './browserAdapter.ts';

const rounds = Number(process.argv[2] ?? 10);
const any = 0;
const sandbox = await startSandbox({
  ports: {
    payment: any,
    mailbox: any,
    licensing: any,
    support: any,
    control: any,
    backoffice: any,
    all: any,
    smtp: any,
  },
});
const shop = await startShop({
  sandboxUrl: sandbox.urls.all,
  smtp: { host: '127.0.0.1', port: sandbox.ports.smtp },
});
const ctx = { shopUrl: shop.url, sandboxUrl: sandbox.urls.all };

const secs = (t0: number) => (performance.now() - t0) / 1000;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return `mean ${mean.toFixed(4)} s  median ${s[Math.floor(s.length / 2)]!.toFixed(4)} s  (n=${xs.length})`;
};

async function measure(name: string, adapter: ShopAdapter): Promise<void> {
  const times: Record<'checkout' | 'orderPage' | 'entitled', number[]> = {
    checkout: [],
    orderPage: [],
    entitled: [],
  };
  for (let i = 0; i < rounds; i++)
    for (const p of SANDBOX_MERCHANT.products) {
      const req: CheckoutRequest = {
        product: p.id,
        channel: 'web',
        shipping: 'standard',
        quantity: 1,
        email: DEFAULT_EMAIL,
      };
      let t0 = performance.now();
      const placed = await adapter.checkout(req);
      times.checkout.push(secs(t0));
      if (!placed.ok) throw new Error(`${name}: checkout of ${p.id} failed: ${placed.reason}`);
      t0 = performance.now();
      await adapter.orderPage(placed.orderId);
      times.orderPage.push(secs(t0));
      t0 = performance.now();
      await adapter.entitled(p.id);
      times.entitled.push(secs(t0));
    }
  for (const [action, xs] of Object.entries(times))
    console.log(`${name.padEnd(22)} ${action.padEnd(10)} ${stats(xs)}`);
}

try {
  await measure('json', referenceShopAdapter(ctx));
  for (const trace of [true, false]) {
    const browser = createBrowserAdapter(ctx, { trace });
    const t0 = performance.now();
    await browser.orderPage('ord_warm-up'); // launches Chromium
    console.log(
      `${`browser trace=${trace}`.padEnd(22)} start-up   ${secs(t0).toFixed(3)} s (launch + first page)`,
    );
    await measure(`browser trace=${trace}`, browser);
    await browser.close();
  }
} finally {
  await shop.close();
  await sandbox.close();
}
