/**
 * The browser presses an open-vocabulary merchant's account buttons (`[data-action=…]`) and
 * answers what the JSON API answers for the same world: refused with the same words while the
 * account is locked, done with the same instant the effects land once it is not.
 * `npm run test:browser-target`; skipped without the system Chromium (fails under CI=true).
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningShop, startShop } from '../../../fixtures/shop/server.ts';
import { cloneWorld, createWorld, type VWorld } from '../../vocabulary/world/index.ts';
import { referenceShopAdapter, type ShopAdapter } from '../http/adapter.ts';
import { vocabularyRouter } from '../http/vocabularyApi.ts';
import { FREE_PORTS, type RunningSandbox, startSandbox } from '../sandbox/index.ts';
import { toySetup } from '../testdata/openToy.ts';
import { type BrowserShopAdapter, browserAdapter, CHROMIUM } from './browserAdapter.ts';

const run = existsSync(CHROMIUM) || process.env.CI === 'true' ? describe : describe.skip;

let sandbox: RunningSandbox;
let shop: RunningShop;
let json: ShopAdapter;
let browser: BrowserShopAdapter;
let start: VWorld;

beforeAll(async () => {
  sandbox = await startSandbox({ ports: FREE_PORTS, routers: [vocabularyRouter] });
  shop = await startShop({
    sandboxUrl: sandbox.urls.all,
    smtp: { host: '127.0.0.1', port: sandbox.ports.smtp },
  });
  const ctx = { shopUrl: shop.url, sandboxUrl: sandbox.urls.all };
  json = referenceShopAdapter(ctx);
  browser = browserAdapter(ctx);
  start = createWorld(toySetup());
});
afterAll(async () => {
  await browser?.close();
  await shop?.close();
  await sandbox?.close();
});

/** The same action by both customers, each on a fresh copy of the same world. */
async function both(actionId: string, facts: Record<string, true>) {
  const answer = async (a: ShopAdapter) => {
    const w = cloneWorld(start);
    w.facts = facts;
    sandbox.session.openWorld = w;
    const r = await a.performAction!(actionId);
    return { r, facts: { ...w.facts } };
  };
  return { json: await answer(json), browser: await answer(browser) };
}

run('browser customer on an open-vocabulary account page', () => {
  it('a greyed-out action: refused with the words the JSON API gives', async () => {
    const { json: j, browser: b } = await both('sign-in', { locked: true, member: true });
    expect(j.r.ok).toBe(false);
    expect(b).toEqual(j);
  });

  it('a button pressed: done, the effects at the same instant, the world changed alike', async () => {
    const { json: j, browser: b } = await both('sign-in', { member: true });
    expect(j.r.ok).toBe(true);
    expect(b).toEqual(j);
    expect(b.facts['signed-in']).toBe(true);
  });
});
