/**
 * The `browser` target's adapter: the http target with a browser as the customer. Every
 * customer action drives the reference shop's HTML pages (pages.ts) in one headless Chromium
 * tab, the way a person would — fill the product page's form, read the order page, press the
 * buttons — and answers in the JSON API's terms, so the journeys and the explorer run unchanged.
 *
 * What the pages cannot do goes to the JSON API: the merchant's statement job (not a customer
 * action) and orders placed in a store or on the phone (no web form for those).
 *
 * The browser is the system Chromium (DEADEND_CHROMIUM, else /usr/bin/chromium), never a
 * downloaded one; it starts on the first action and stops on `close()`. Playwright tracing
 * records every action since the last `reset()` (the start of a run) for `saveTrace()`, and
 * `snapshotPage()` captures the page the customer is on, so a failing run can show both.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { ContactResult } from '../../core/ports.ts';
import type { CheckoutRequest } from '../../merchant/flows.ts';
import type { ShopCheckout } from '../../merchant/shopPort.ts';
import {
  type AdapterContext,
  type AdapterFactory,
  type KeptFile,
  type RunFocus,
  referenceShopAdapter,
  type ShopAdapter,
  ShopError,
} from '../http/adapter.ts';
import { pressAction } from './actionsPage.ts';
import { maskArtifactText, maskTraceZip } from './maskArtifacts.ts';
import { AccountPage, checkoutRefusal, OrderPage, PortalPage, ProductPage, SupportPage } from './pages.ts';

/** The system Chromium (Debian package `chromium`); DEADEND_CHROMIUM names another binary. */
export const CHROMIUM = process.env.DEADEND_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

/** A page's path and query: the shop's port changes from run to run, results.json must not. */
const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

/** The address the account page is looked up with before the customer has typed one at checkout. */
const FALLBACK_EMAIL = 'customer@example.net';

export interface BrowserAdapterOptions {
  /** The Chromium binary (default CHROMIUM). */
  executablePath?: string;
  /** Default true; false shows the window (needs a display). */
  headless?: boolean;
  /** Record a Playwright trace (screenshots + DOM snapshots) for saveTrace(). Default true. */
  trace?: boolean;
  /** How long one page may take to load or one control to appear. Default 15 s. */
  timeoutMs?: number;
  /**
   * A running browser to open this customer's context in (`chromium.launchServer()`'s endpoint;
   * default DEADEND_BROWSER_WS): parallel runs then share one Chromium, one context each.
   */
  wsEndpoint?: string;
}

export interface PageSnapshot {
  png: Buffer;
  url: string;
  html: string;
}

/** A ShopAdapter that is a browser: it also has to be closed, and can show what it saw. */
export interface BrowserShopAdapter extends ShopAdapter {
  /** Close the browser (a later action starts a new one). */
  close(): Promise<void>;
  /** The page the customer was last on (full-page PNG, URL, HTML), or undefined before any page. */
  snapshotPage(): Promise<PageSnapshot | undefined>;
  /**
   * Write the Playwright trace of the actions since the last reset() or saveTrace() to `path`
   * (a .zip for `npx playwright show-trace`); false when nothing was recorded or tracing is off.
   */
  saveTrace(path: string): Promise<boolean>;
  /** A run starts: the trace from here on is this run's (reset() does this too). */
  beginRun(): Promise<void>;
  /**
   * A run failed: write the last page (page.png, page.html) and the run's trace (trace.zip) into
   * `dir` (it must exist) and say what was written, with names relative to `dir`.
   */
  keep(dir: string, focus?: RunFocus): Promise<KeptFile[]>;
  /** A run passed: drop its trace. */
  discard(): Promise<void>;
}

interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

export function createBrowserAdapter(
  ctx: AdapterContext,
  opts: BrowserAdapterOptions = {},
): BrowserShopAdapter {
  const base = ctx.shopUrl.replace(/\/$/, '');
  const api = referenceShopAdapter(ctx);
  const executablePath = opts.executablePath ?? CHROMIUM;
  const tracing = opts.trace ?? true;
  const timeout = opts.timeoutMs ?? 15_000;
  let session: Promise<Session> | undefined;
  let visited = false;
  /** Whether the current trace chunk holds anything (an action since it started). */
  let traced = false;
  /** The address the customer last typed at checkout: the account page is looked up with it. */
  let email: string | undefined;

  async function launch(): Promise<Session> {
    const { chromium } = await playwright();
    let browser: Browser;
    const wsEndpoint = opts.wsEndpoint ?? process.env.DEADEND_BROWSER_WS;
    try {
      browser = wsEndpoint
        ? await chromium.connect(wsEndpoint)
        : await chromium.launch({
            executablePath,
            headless: opts.headless ?? true,
            args: [...CHROMIUM_ARGS],
          });
    } catch (e) {
      throw new ShopError(
        `The browser target could not start Chromium at ${executablePath} (install it with \`apt-get install -y chromium\`, or set DEADEND_CHROMIUM): ${(e as Error).message.split('\n')[0]}`,
      );
    }
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      context.setDefaultTimeout(timeout);
      context.setDefaultNavigationTimeout(timeout);
      if (tracing) {
        await context.tracing.start({ screenshots: true, snapshots: true });
        await context.tracing.startChunk();
      }
      return { browser, context, page: await context.newPage() };
    } catch (e) {
      await browser.close();
      throw e;
    }
  }

  const open = (): Promise<Session> => {
    session ??= launch().catch((e) => {
      session = undefined;
      throw e;
    });
    return session;
  };

  /** One thing at a time in the one tab: actions, resets, snapshots and trace saves queue up. */
  let queue: Promise<unknown> = Promise.resolve();
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = queue.then(fn);
    queue = run.catch(() => undefined);
    return run;
  }

  /** Drop the trace recorded so far (if any) and record afresh. */
  async function freshTrace(s: Promise<Session>): Promise<void> {
    if (!tracing || !traced) return;
    const { context } = await s;
    await context.tracing.stopChunk();
    await context.tracing.startChunk();
    traced = false;
  }

  /** A customer action; a Playwright failure (a timeout, a missing control) becomes a ShopError naming it. */
  function serial<T>(what: string, fn: (page: Page) => Promise<T>): Promise<T> {
    return exclusive(async () => {
      const { page } = await open();
      visited = true;
      traced = true;
      try {
        return await fn(page);
      } catch (e) {
        if (e instanceof ShopError) throw e;
        throw new ShopError(`browser ${what} (at ${page.url()}): ${(e as Error).message.split('\n')[0]}`);
      }
    });
  }

  /** A page that is neither there nor missing: the shop or the sandbox behind it failed. */
  async function broken(page: Page, what: string, status: number): Promise<never> {
    const text = ((await page.locator('body').textContent()) ?? '').replace(/\s+/g, ' ').trim();
    throw new ShopError(`${what} answered ${status}: ${text.slice(0, 300)}`);
  }

  async function checkoutInBrowser(page: Page, req: CheckoutRequest): Promise<ShopCheckout> {
    const product = new ProductPage(page, base, req.product);
    const landed = await product.goto();
    if (landed.status !== 200) return broken(page, `GET /products/${req.product}`, landed.status);
    email = req.email;
    const out = await product.placeOrder({
      email: req.email,
      ...(req.emailConfirm !== undefined ? { emailConfirm: req.emailConfirm } : {}),
      shipping: req.shipping,
      quantity: req.quantity,
    });
    if (out.placed) return { ok: true, orderId: out.orderId };
    if ('invalid' in out)
      return { ok: false, reason: `the browser would not send the form (${out.invalid})` };
    const reason = out.error === undefined ? undefined : checkoutRefusal(out.error);
    if (out.status === 422 && reason !== undefined)
      return /two e-mail addresses differ/.test(reason)
        ? { ok: false, reason, emailsDiffer: true }
        : { ok: false, reason };
    if (out.status === 422 && out.error !== undefined)
      throw new ShopError(`the shop refused the checkout request: ${out.error}`);
    throw new ShopError(`POST /checkout answered ${out.status}: ${out.text.slice(0, 300)}`);
  }

  /** Open an order's page; undefined when the shop does not know the order. */
  async function orderPageOf(page: Page, orderId: string): Promise<OrderPage | undefined> {
    const p = new OrderPage(page, base, orderId);
    const landed = await p.goto();
    if (landed.status === 404) return undefined;
    if (landed.status !== 200) return broken(page, `GET /orders/${orderId}`, landed.status);
    return p;
  }

  const adapter: BrowserShopAdapter = {
    checkout(req) {
      // Only a web order has a form; the store's till and the phone line use the JSON API.
      if (req.channel !== 'web') return api.checkout(req);
      return serial('checkout', (page) => checkoutInBrowser(page, req));
    },

    orderPage(orderId) {
      return serial('orderPage', async (page) => (await orderPageOf(page, orderId))?.read());
    },

    // The page's one button sends the order's key message (the licence key for a licence, else the
    // confirmation) whatever `kind` says: the customer agent asks for no other (keyMessageKind).
    resend(orderId, _kind) {
      return serial('resend', async (page) => {
        const p = await orderPageOf(page, orderId);
        if (!p || !(await p.canResend())) return false;
        const landed = await p.resend();
        if ('invalid' in landed) return false;
        if (landed.status !== 200) return broken(page, `POST /orders/${orderId}/resend`, landed.status);
        return (await p.notice())?.startsWith('We sent it again') === true;
      });
    },

    changeEmail(orderId, newEmail) {
      return serial('changeEmail', async (page) => {
        const p = await orderPageOf(page, orderId);
        if (!p || !(await p.canChangeEmail())) return false;
        const landed = await p.changeEmail(newEmail);
        if ('invalid' in landed) return false;
        if (landed.status !== 200) return broken(page, `POST /orders/${orderId}/email`, landed.status);
        return (await p.notice())?.startsWith('Updated') === true;
      });
    },

    cancelSubscription(product) {
      return serial('cancelSubscription', async (page) => {
        const account = new AccountPage(page, base);
        const landed = await account.goto();
        if (landed.status !== 200) return broken(page, 'GET /account', landed.status);
        const shown = await account.lookUp(email ?? FALLBACK_EMAIL);
        if ('invalid' in shown) return false;
        if (shown.status !== 200) return broken(page, 'GET /account', shown.status);
        if (!(await account.canCancel(product))) return false;
        const done = await account.cancel(product);
        if ('invalid' in done) return false;
        if (done.status !== 200)
          return broken(page, `POST /account/subscriptions/${product}/cancel`, done.status);
        return (await account.notice()) === 'Your subscription is cancelled.';
      });
    },

    entitled(product) {
      return serial('entitled', async (page) => {
        const portal = new PortalPage(page, base, product);
        const landed = await portal.goto();
        if (landed.status === 404) return false;
        if (landed.status !== 200) return broken(page, `GET /portal/${product}`, landed.status);
        return portal.letsIn();
      });
    },

    // The merchant's job, not something the customer does in the browser.
    sendStatement(to) {
      return api.sendStatement(to);
    },

    contactSupport(channel, problem, product) {
      return serial('contactSupport', async (page) => {
        const form = new SupportPage(page, base);
        const landed = await form.goto();
        if (landed.status !== 200) return broken(page, 'GET /support', landed.status);
        const sent = await form.contact({ channel, problem, product });
        if ('invalid' in sent)
          throw new ShopError(`the browser would not send the support form (${sent.invalid})`);
        if (sent.status !== 200) return broken(page, 'POST /support', sent.status);
        const result = await form.result();
        if (!result) throw new ShopError('the support page gave no answer');
        return result as ContactResult;
      });
    },

    // Open-vocabulary merchants: the account page's buttons; the support form about a declared
    // problem has no page yet (the seed form lists the seed problems), so it goes to the JSON API.
    performAction(actionId) {
      return serial('performAction', (page) => pressAction(page, base, actionId));
    },
    contactAbout(channel, problem) {
      return api.contactAbout!(channel, problem);
    },

    /** A new run: forget the customer's cookies and start the trace afresh. */
    async reset() {
      email = undefined;
      const s = session;
      if (!s) return;
      await exclusive(async () => {
        await (await s).context.clearCookies();
        await freshTrace(s);
      });
    },

    async beginRun() {
      const s = session;
      if (s) await exclusive(() => freshTrace(s));
    },

    async keep(dir, focus) {
      const kept: KeptFile[] = [];
      const orderPath = focus?.orderId ? `/orders/${encodeURIComponent(focus.orderId)}` : undefined;
      // Where a stuck customer looks: the page of their latest order, as the run ended (the
      // harness restored the sandbox to that moment). First, so the report shows it first.
      const shot = await adapter.snapshotPage();
      if (orderPath && shot && pathOf(shot.url) !== orderPath) {
        const png = await serial('keep', async (page) => {
          const p = await orderPageOf(page, focus!.orderId!);
          return p ? page.screenshot({ fullPage: true, type: 'png' }) : undefined;
        });
        if (png) {
          writeFileSync(join(dir, 'order.png'), png);
          kept.push({
            name: `order page as the run ended (${orderPath})`,
            file: 'order.png',
            contentType: 'image/png',
          });
        }
      }
      // The last page the search left the tab on: one branch of what the customer tried.
      if (shot) {
        writeFileSync(join(dir, 'page.png'), shot.png);
        writeFileSync(join(dir, 'page.html'), maskArtifactText(shot.html));
        const path = pathOf(shot.url);
        kept.push(
          {
            name:
              path === orderPath
                ? `order page as the run ended (${path})`
                : `last page the customer saw while trying (${path})`,
            file: 'page.png',
            contentType: 'image/png',
          },
          { name: 'the same page (HTML)', file: 'page.html', contentType: 'text/html' },
        );
      }
      if (await adapter.saveTrace(join(dir, 'trace.zip')))
        kept.push({
          name: 'Playwright trace (npx playwright show-trace)',
          file: 'trace.zip',
          contentType: 'application/zip',
        });
      return kept;
    },

    async discard() {
      const s = session;
      if (s) await exclusive(() => freshTrace(s));
    },

    async close() {
      const s = session;
      session = undefined;
      visited = false;
      traced = false;
      if (!s) return;
      await queue;
      const { browser } = await s.catch(() => ({ browser: undefined }));
      await browser?.close();
    },

    snapshotPage() {
      const s = session;
      if (!s || !visited) return Promise.resolve(undefined);
      return exclusive(async (): Promise<PageSnapshot | undefined> => {
        const { page } = await s;
        if (page.url() === 'about:blank') return undefined;
        // The explorer may have left the tab on another branch's page: show this page as the
        // sandbox stands now (the harness restores the run's final world first). Pages that
        // answered a form post are not reloaded: that would post the form again.
        if (!/\/(checkout|support)$/.test(new URL(page.url()).pathname)) await page.reload();
        return {
          png: await page.screenshot({ fullPage: true, type: 'png' }),
          url: page.url(),
          html: await page.content(),
        };
      });
    },

    saveTrace(path) {
      const s = session;
      if (!s || !tracing) return Promise.resolve(false);
      return exclusive(async () => {
        const { context } = await s;
        await context.tracing.stopChunk({ path });
        // Masked before the harness names the file: nothing unmasked is ever kept.
        maskTraceZip(path);
        await context.tracing.startChunk();
        traced = false;
        return true;
      });
    },
  };
  return adapter;
}

/** The browser target's AdapterFactory (also the default export, for `--adapter`). */
export const browserAdapter: (ctx: AdapterContext) => BrowserShopAdapter = (ctx) => createBrowserAdapter(ctx);

export default browserAdapter satisfies AdapterFactory;

/**
 * One Chromium for several parallel runs: `--target browser --workers N` starts it once and each
 * worker's customer opens its own context in it (through DEADEND_BROWSER_WS).
 */
/** @playwright/test is an optional peer dependency: imported when the browser target starts. */
async function playwright(): Promise<{ chromium: typeof import('@playwright/test').chromium }> {
  try {
    const { chromium } = await import('@playwright/test');
    return { chromium };
  } catch {
    throw new ShopError(
      'the browser target needs the package @playwright/test: install it with `npm install -D @playwright/test`.',
    );
  }
}

export async function launchSharedBrowser(
  executablePath = CHROMIUM,
): Promise<{ wsEndpoint: string; close(): Promise<void> }> {
  const { chromium } = await playwright();
  let server: Awaited<ReturnType<typeof chromium.launchServer>>;
  try {
    server = await chromium.launchServer({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
  } catch (e) {
    throw new ShopError(
      `The browser target could not start Chromium at ${executablePath} (install it with \`apt-get install -y chromium\`, or set DEADEND_CHROMIUM): ${(e as Error).message.split('\n')[0]}`,
    );
  }
  return { wsEndpoint: server.wsEndpoint(), close: () => server.close() };
}
