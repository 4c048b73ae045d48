/**
 * The browser target's adapter against the reference shop in-process (sandbox + shop on free
 * ports): every customer action in Chromium answers what the JSON API answers for the same
 * action. `npm run test:browser-target` (vitest.browser.config.ts; ~10-20 s, so not part of the
 * fast `npm test`). Uses the system Chromium (DEADEND_CHROMIUM, else /usr/bin/chromium); without
 * it the suite is skipped, and fails under CI=true.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningShop, startShop } from '../../../fixtures/shop/server.ts';
import type { CheckoutRequest } from '../../merchant/flows.ts';
import type { MerchantProfile } from '../../merchant/profile.ts';
import { referenceShopAdapter, type ShopAdapter } from '../http/adapter.ts';
import { FREE_PORTS, type RunningSandbox, startSandbox } from '../sandbox/index.ts';
import { DEFAULT_EMAIL, SANDBOX_MERCHANT } from '../sandbox/session.ts';
import { type BrowserShopAdapter, browserAdapter, CHROMIUM } from './browserAdapter.ts';

const haveChromium = existsSync(CHROMIUM);
const onCI = process.env.CI === 'true';
const missing = `Chromium is not installed at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set DEADEND_CHROMIUM). The browser target's tests cannot run without it.`;
if (!haveChromium && !onCI) console.warn(`Browser target tests skipped: ${missing}`);

interface Rig {
  sandbox: RunningSandbox;
  shop: RunningShop;
  json: ShopAdapter;
  browser: BrowserShopAdapter;
  close(): Promise<void>;
}

async function rig(merchant?: MerchantProfile): Promise<Rig> {
  const sandbox = await startSandbox({
    ...(merchant ? { merchant } : {}),
    ports: FREE_PORTS,
  });
  const shop = await startShop({
    sandboxUrl: sandbox.urls.all,
    smtp: { host: '127.0.0.1', port: sandbox.ports.smtp },
  });
  const ctx = { shopUrl: shop.url, sandboxUrl: sandbox.urls.all };
  const browser = browserAdapter(ctx);
  return {
    sandbox,
    shop,
    json: referenceShopAdapter(ctx),
    browser,
    close: async () => {
      await browser.close();
      await shop.close();
      await sandbox.close();
    },
  };
}

const order = (product: string, more: Partial<CheckoutRequest> = {}): CheckoutRequest => ({
  product,
  channel: 'web',
  shipping: 'standard',
  quantity: 1,
  email: DEFAULT_EMAIL,
  ...more,
});

describe.skipIf(!haveChromium && !onCI)('browser target adapter', () => {
  beforeAll(() => {
    if (!haveChromium) throw new Error(`CI=true: ${missing}`);
  });

  describe('the sandbox merchant', () => {
    let r: Rig;
    beforeAll(async () => {
      r = await rig();
    }, 30_000);
    afterAll(async () => {
      await r?.close();
    });

    it('checks out every kind of product, and the order page says what the JSON API says', async () => {
      for (const p of SANDBOX_MERCHANT.products) {
        const viaJson = await r.json.checkout(order(p.id));
        const viaBrowser = await r.browser.checkout(order(p.id));
        expect(viaJson).toMatchObject({ ok: true });
        expect(viaBrowser).toEqual({ ok: true, orderId: expect.any(String) });
        if (!viaBrowser.ok || !viaJson.ok) continue;
        const page = await r.browser.orderPage(viaBrowser.orderId);
        expect(page).toEqual(await r.json.orderPage(viaBrowser.orderId));
        expect(page?.shown).toContain(p.name);
        // The same request over either channel makes the same order.
        const a = (await r.json.orderPage(viaJson.orderId))!;
        expect({ ...page, shown: page?.shown.replace(viaBrowser.orderId, '#') }).toEqual({
          ...a,
          shown: a.shown.replace(viaJson.orderId, '#'),
        });
      }
    });

    it('sends the form fields: rush delivery and a quantity price the order like the API', async () => {
      const req = order('mug', { shipping: 'rush', quantity: 3 });
      const a = await r.json.checkout(req);
      const b = await r.browser.checkout(req);
      if (!a.ok || !b.ok) throw new Error('both checkouts should succeed');
      const world = r.sandbox.session.world;
      const pick = (id: string) => {
        const o = world.orders.find((x) => x.id === id)!;
        return { price: o.price, shipping: o.shipping, email: o.email, channel: o.channel };
      };
      expect(pick(b.orderId)).toEqual(pick(a.orderId));
      expect(pick(b.orderId)).toMatchObject({ shipping: 'rush', price: 3 * 20 });
    });

    it('knows no unknown order', async () => {
      expect(await r.json.orderPage('ord_nope')).toBeUndefined();
      expect(await r.browser.orderPage('ord_nope')).toBeUndefined();
    });

    it('asks the portal the way the API does, and cannot cancel or resend where the shop does not offer it', async () => {
      for (const p of SANDBOX_MERCHANT.products)
        expect(await r.browser.entitled(p.id), p.id).toBe(await r.json.entitled(p.id));
      expect(await r.browser.entitled('club')).toBe(true);
      expect(await r.browser.cancelSubscription('guard')).toBe(await r.json.cancelSubscription('guard'));
      const placed = await r.browser.checkout(order('app'));
      if (!placed.ok) throw new Error('checkout failed');
      expect(await r.browser.resend(placed.orderId, 'licence-key')).toBe(false);
      expect(await r.browser.changeEmail(placed.orderId, 'other@example.net')).toBe(false);
    });

    it('fills in the support form; the desk answers as it does through the API, product or not', async () => {
      const contacts = () => r.sandbox.session.world.contacts;
      const before = contacts().length;
      const viaBrowser = await r.browser.contactSupport('chat', 'missing-mail', 'app');
      expect(contacts()).toHaveLength(before + 1);
      expect(contacts().at(-1)).toMatchObject({
        channel: 'chat',
        problem: 'missing-mail',
        result: viaBrowser,
      });
      const viaJson = await r.json.contactSupport('chat', 'missing-mail', 'app');
      expect(viaBrowser).toBe(viaJson);
      expect(await r.browser.contactSupport('chat', 'missing-statement', '')).toBe(
        await r.json.contactSupport('chat', 'missing-statement', ''),
      );
    });

    it('orders placed in a store go to the API (no web form for them)', async () => {
      const placed = await r.browser.checkout(order('club', { channel: 'store' }));
      if (!placed.ok) throw new Error('checkout failed');
      expect(r.sandbox.session.world.orders.find((o) => o.id === placed.orderId)?.channel).toBe('store');
    });

    it('captures the page the customer is on and the trace of the run', async () => {
      await r.browser.orderPage('ord_nope');
      await r.browser.entitled('club');
      const shot = await r.browser.snapshotPage();
      expect(shot?.png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(shot?.url).toBe(`${r.shop.url}/portal/club`);
      expect(shot?.html).toContain('data-testid="portal-answer"');
      const zip = join(mkdtempSync(join(tmpdir(), 'deadend-trace-')), 'trace.zip');
      expect(await r.browser.saveTrace(zip)).toBe(true);
      expect(readFileSync(zip).subarray(0, 2).toString()).toBe('PK');
    });

    it('keeps a failed run: the last page and the run trace in a folder', async () => {
      await r.browser.beginRun();
      await r.browser.orderPage('ord_nope');
      const dir = mkdtempSync(join(tmpdir(), 'deadend-keep-'));
      const kept = await r.browser.keep(dir);
      expect(kept.map((k) => [k.file, k.contentType])).toEqual([
        ['page.png', 'image/png'],
        ['page.html', 'text/html'],
        ['trace.zip', 'application/zip'],
      ]);
      expect(readFileSync(join(dir, 'page.html'), 'utf8')).toContain('No order ord_nope.');
      await r.browser.discard();
    });
  });

  describe('a merchant whose site offers everything', () => {
    let r: Rig;
    beforeAll(async () => {
      r = await rig({
        ...SANDBOX_MERCHANT,
        capabilities: {
          ...SANDBOX_MERCHANT.capabilities,
          confirmEmailTwice: true,
          resendConfirmation: true,
          downloadFromOrderPage: true,
          changeEmailAfterOrder: true,
          cancelOnline: true,
        },
      });
    }, 30_000);
    afterAll(async () => {
      await r?.close();
    });

    it('catches two different addresses the way the API does', async () => {
      const req = order('app', { email: 'cutsomer@example.net', emailConfirm: DEFAULT_EMAIL });
      const viaBrowser = await r.browser.checkout(req);
      expect(viaBrowser).toEqual(await r.json.checkout(req));
      expect(viaBrowser).toMatchObject({ ok: false, emailsDiffer: true });
    });

    it('shows the licence key, resends it and corrects the address', async () => {
      const placed = await r.browser.checkout(order('app'));
      if (!placed.ok) throw new Error('checkout failed');
      const page = await r.browser.orderPage(placed.orderId);
      expect(page?.key).toEqual(expect.any(String));
      expect(page).toEqual(await r.json.orderPage(placed.orderId));
      expect(await r.browser.resend(placed.orderId, 'licence-key')).toBe(true);
      expect(await r.browser.changeEmail(placed.orderId, 'right@example.net')).toBe(true);
      expect((await r.json.orderPage(placed.orderId))?.email).toBe('right@example.net');
      expect(await r.browser.resend('ord_nope', 'licence-key')).toBe(false);
    });

    it('cancels a subscription on the account page', async () => {
      const placed = await r.browser.checkout(order('guard'));
      if (!placed.ok) throw new Error('checkout failed');
      expect(await r.browser.cancelSubscription('guard')).toBe(true);
      expect(r.sandbox.session.world.subscriptions.every((s) => s.status === 'cancelled')).toBe(true);
      expect(await r.json.cancelSubscription('guard')).toBe(true);
    });
  });
});
