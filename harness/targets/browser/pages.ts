/**
 * Page objects for the reference shop's HTML (fixtures/shop/pages.ts): what a customer sees and
 * does in a browser, one class per page, every control found by its data-testid. The browser
 * target's adapter (browserAdapter.ts) drives them; they know the markup, it knows the journeys.
 */
import type { Locator, Page, Response } from '@playwright/test';
import type { OrderPage as OrderPageView } from '../../merchant/shopPort.ts';

/** What a page answered: its HTTP status and URL after any redirect. */
export interface Landed {
  status: number;
  url: URL;
}

/** The bits of the DOM the page objects read (the project compiles without lib.dom). */
interface FieldLike {
  name: string;
  value: string;
  validationMessage: string;
}
interface FormLike {
  checkValidity(): boolean;
  querySelector(selector: string): FieldLike | null;
}

/** The document a navigation ends on: the main frame's last response that is not a redirect. */
const isFinalDocument = (page: Page) => (r: Response) =>
  r.request().isNavigationRequest() &&
  r.frame() === page.mainFrame() &&
  (r.status() < 300 || r.status() >= 400);

/** Open a page of the shop. */
export async function open(page: Page, base: string, path: string): Promise<Landed> {
  const res = await page.goto(new URL(path, base).href, { waitUntil: 'load' });
  return { status: res?.status() ?? 0, url: new URL(page.url()) };
}

/**
 * Press a form's submit button and wait until the page it leads to (after a redirect) has loaded.
 * A form the browser itself refuses (a required field left empty, an address it finds invalid)
 * goes nowhere: that is `{ invalid }` with the browser's message, not a wait for a page that
 * never comes.
 */
export async function submit(page: Page, button: Locator): Promise<Landed | { invalid: string }> {
  const invalid = await button.evaluate((b) => {
    const form = (b as unknown as { form: FormLike | null }).form;
    if (!form || form.checkValidity()) return undefined;
    const bad = form.querySelector(':invalid');
    return `${bad?.name ?? 'a field'}: ${bad?.validationMessage ?? 'invalid'}`;
  });
  if (invalid !== undefined) return { invalid };
  const response = page.waitForResponse(isFinalDocument(page));
  const committed = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() });
  await button.click();
  const [res] = await Promise.all([response, committed]);
  await page.waitForLoadState('load');
  return { status: res.status(), url: new URL(page.url()) };
}

/** The text of an element, or undefined where the page has none (one round trip, no waiting). */
function textOf(l: Locator): Promise<string | undefined> {
  return l.evaluateAll((els) => (els.length > 0 ? (els[0]!.textContent ?? '') : undefined));
}

/** An element with a data-testid, as read in one go by `testIds`. */
export interface TestIdElement {
  text: string;
  /** Its `data-status`, where it has one. */
  status?: string;
}

/** Every element of the page that has a data-testid (the first of each id), in one round trip. */
export async function testIds(page: Page): Promise<Map<string, TestIdElement>> {
  const rows = await page.locator('[data-testid]').evaluateAll((els) =>
    els.map((e) => {
      const el = e as unknown as { dataset: Record<string, string | undefined>; textContent: string | null };
      return [el.dataset.testid ?? '', el.textContent ?? '', el.dataset.status ?? null] as const;
    }),
  );
  const found = new Map<string, TestIdElement>();
  for (const [id, text, status] of rows)
    if (!found.has(id)) found.set(id, status === null ? { text } : { text, status });
  return found;
}

/** Shared by every page of the shop: the alert and the notice of the layout. */
export class ShopPage {
  readonly page: Page;
  readonly base: string;
  constructor(page: Page, base: string) {
    this.page = page;
    this.base = base;
  }
  /** The red alert (`role=alert`), e.g. "Your order could not be placed: …". */
  error(): Promise<string | undefined> {
    return textOf(this.page.getByTestId('error'));
  }
  /** The blue notice (`role=status`), e.g. "We sent it again to …". */
  notice(): Promise<string | undefined> {
    return textOf(this.page.getByTestId('notice'));
  }
  /** The page body as text, for a page the objects do not know (a 404, a 5xx body). */
  async bodyText(): Promise<string> {
    return ((await this.page.locator('body').textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }
}

export interface CheckoutInput {
  email: string;
  /** The address typed again; the form's second field gets `email` when this is not given. */
  emailConfirm?: string;
  shipping?: 'standard' | 'rush';
  quantity?: number;
}

export type CheckoutOutcome =
  | { placed: true; orderId: string }
  | { placed: false; status: number; error?: string; text: string }
  | { placed: false; invalid: string };

/** `/products/:id`: the checkout form. */
export class ProductPage extends ShopPage {
  readonly product: string;
  constructor(page: Page, base: string, product: string) {
    super(page, base);
    this.product = product;
  }

  goto(): Promise<Landed> {
    return open(this.page, this.base, `/products/${encodeURIComponent(this.product)}`);
  }

  /** Whether the form asks for the address a second time. */
  async asksEmailTwice(): Promise<boolean> {
    return (await this.page.getByTestId('email-confirm').count()) > 0;
  }

  /** Fill the form in (only the fields it has) and place the order. */
  async placeOrder(input: CheckoutInput): Promise<CheckoutOutcome> {
    const p = this.page;
    await p.getByTestId('email').fill(input.email);
    if (await this.asksEmailTwice())
      await p.getByTestId('email-confirm').fill(input.emailConfirm ?? input.email);
    if (input.shipping && (await p.getByTestId('shipping').count()) > 0)
      await p.getByTestId('shipping').selectOption(input.shipping);
    if (input.quantity !== undefined && (await p.getByTestId('quantity').count()) > 0)
      await p.getByTestId('quantity').fill(String(input.quantity));
    const landed = await submit(p, p.getByTestId('place-order'));
    if ('invalid' in landed) return { placed: false, invalid: landed.invalid };
    const m = /^\/orders\/([^/]+)$/.exec(landed.url.pathname);
    if (landed.status < 300 && m) return { placed: true, orderId: decodeURIComponent(m[1]!) };
    const error = await this.error();
    return {
      placed: false,
      status: landed.status,
      ...(error !== undefined ? { error } : {}),
      text: await this.bodyText(),
    };
  }
}

/** The reason in the product page's alert "Your order could not be placed: REASON.", if it is one. */
export function checkoutRefusal(alert: string): string | undefined {
  const m = /^Your order could not be placed: ([\s\S]*)\.$/.exec(alert.trim());
  return m?.[1];
}

/** `/orders/:id`: what the shop says about an order, the licence key, resend and change-email. */
export class OrderPage extends ShopPage {
  readonly orderId: string;
  constructor(page: Page, base: string, orderId: string) {
    super(page, base);
    this.orderId = orderId;
  }

  goto(): Promise<Landed> {
    return open(this.page, this.base, `/orders/${encodeURIComponent(this.orderId)}`);
  }

  /** The status line as shown, e.g. "Order ord_1 (App) is confirmed." */
  async statusText(): Promise<string> {
    return (await textOf(this.page.getByTestId('order-status'))) ?? '';
  }

  /** `data-status` on the status line, where the shop renders one. */
  async statusAttribute(): Promise<string | undefined> {
    const l = this.page.getByTestId('order-status');
    return (await l.count()) > 0 ? ((await l.first().getAttribute('data-status')) ?? undefined) : undefined;
  }

  async email(): Promise<string> {
    return (await textOf(this.page.getByTestId('order-email'))) ?? '';
  }

  licenceKey(): Promise<string | undefined> {
    return textOf(this.page.getByTestId('licence-key'));
  }

  async canResend(): Promise<boolean> {
    return (await this.page.getByTestId('resend').count()) > 0;
  }

  async canChangeEmail(): Promise<boolean> {
    return (await this.page.getByTestId('change-email').count()) > 0;
  }

  /** Press "Resend the confirmation e-mail"; the notice says what happened. */
  async resend(): Promise<Landed | { invalid: string }> {
    return submit(this.page, this.page.getByTestId('resend'));
  }

  /** Correct the address and press "Update and resend". */
  async changeEmail(email: string): Promise<Landed | { invalid: string }> {
    await this.page.getByTestId('new-email').fill(email);
    return submit(this.page, this.page.getByTestId('change-email'));
  }

  /** What the page shows, in the JSON API's terms (`OrderPage` of shopPort.ts). */
  async read(): Promise<OrderPageView> {
    const on = await testIds(this.page);
    const line = on.get('order-status');
    if (!line) throw new Error(`The order page of ${this.orderId} has no order-status.`);
    const shown = shownOf(line.text);
    const status = (line.status ?? statusOf(shown)) as OrderPageView['status'];
    const key = on.get('licence-key')?.text;
    return { shown, status, email: on.get('order-email')?.text ?? '', ...(key ? { key } : {}) };
  }
}

/** The status line back into the shop's own words: "Order … is confirmed." → "order … is confirmed". */
export function shownOf(line: string): string {
  const s = line.trim().replace(/\.$/, '');
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/**
 * The order's status from what the page says (describeOrder in harness/merchant/flows.ts):
 * "… was cancelled: …", "… is still "processing"" (a lost order), else "… is STATUS".
 */
export function statusOf(shown: string): string {
  if (/^order \S+ \(.*\) was cancelled: /s.test(shown)) return 'cancelled';
  if (/ is still "processing"$/.test(shown)) return 'lost';
  const m = / is ([a-z-]+)$/.exec(shown);
  if (!m) throw new Error(`The order page says "${shown}", which names no order status.`);
  return m[1]!;
}

/** `/account?email=…`: the customer's orders, cancel buttons and the statement link. */
export class AccountPage extends ShopPage {
  goto(email?: string): Promise<Landed> {
    return open(this.page, this.base, email ? `/account?email=${encodeURIComponent(email)}` : '/account');
  }

  /** Type the address into the lookup form and show the orders. */
  async lookUp(email: string): Promise<Landed | { invalid: string }> {
    await this.page.getByTestId('account-email').fill(email);
    return submit(this.page, this.page.getByTestId('show-account'));
  }

  /** The order table: id, product name and status per row. */
  async orders(): Promise<{ id: string; product: string; status: string }[]> {
    const rows = await this.page.getByTestId('order-row').all();
    return Promise.all(
      rows.map(async (r) => {
        const cells = (await r.locator('td').allTextContents()).map((t) => t.trim());
        return { id: cells[0] ?? '', product: cells[1] ?? '', status: cells[2] ?? '' };
      }),
    );
  }

  async canCancel(product: string): Promise<boolean> {
    return (await this.page.getByTestId(`cancel-${product}`).count()) > 0;
  }

  /** Press "Cancel my … subscription". */
  cancel(product: string): Promise<Landed | { invalid: string }> {
    return submit(this.page, this.page.getByTestId(`cancel-${product}`));
  }

  /** The statement link's address, where the page has one. */
  async statementHref(): Promise<string | undefined> {
    const l = this.page.getByTestId('statement');
    if ((await l.count()) === 0) return undefined;
    const href = await l.first().getAttribute('href');
    return href ? new URL(href, this.base).href : undefined;
  }
}

/** `/portal/:product`: the member portal lets the customer in, or does not know them. */
export class PortalPage extends ShopPage {
  readonly product: string;
  constructor(page: Page, base: string, product: string) {
    super(page, base);
    this.product = product;
  }

  goto(): Promise<Landed> {
    return open(this.page, this.base, `/portal/${encodeURIComponent(this.product)}`);
  }

  async answer(): Promise<string> {
    return (await textOf(this.page.getByTestId('portal-answer'))) ?? '';
  }

  /** "Welcome: your … is active." */
  async letsIn(): Promise<boolean> {
    return (await this.answer()).startsWith('Welcome');
  }
}

/** `/support`: the contact form. */
export class SupportPage extends ShopPage {
  goto(): Promise<Landed> {
    return open(this.page, this.base, '/support');
  }

  /** The channels the form offers, as option values. */
  channels(): Promise<string[]> {
    return this.page
      .getByTestId('support-channel')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as unknown as FieldLike).value));
  }

  /** Pick channel, problem and product and send the form; the answer (or the alert) tells the outcome. */
  async contact(input: {
    channel: string;
    problem: string;
    product: string;
  }): Promise<Landed | { invalid: string }> {
    const p = this.page;
    await p.getByTestId('support-channel').selectOption(input.channel);
    await p.getByTestId('support-problem').selectOption(input.problem);
    await p.getByTestId('support-product').selectOption(input.product);
    return submit(p, p.getByTestId('contact'));
  }

  answer(): Promise<string | undefined> {
    return textOf(this.page.getByTestId('support-answer'));
  }

  /** What the desk made of it (`resolved`, `redirected`, …), from the answer's data-result. */
  async result(): Promise<string | undefined> {
    const answer = this.page.getByTestId('support-answer');
    if ((await answer.count()) === 0) return undefined;
    return (await answer.getAttribute('data-result')) ?? undefined;
  }
}
