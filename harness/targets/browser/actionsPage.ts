/**
 * The account page of an open-vocabulary merchant (fixtures/shop/actionPages.ts) as a customer
 * uses it: press the button `[data-action=<id>]`; an action the page shows greyed out
 * (`[data-unavailable=<id>]`) says why it cannot be done now.
 */
import type { Page } from '@playwright/test';
import type { ActionAnswer } from '../http/adapter.ts';
import { ShopError } from '../http/adapter.ts';
import { open, submit } from './pages.ts';

/** The page's instant (`data-now-ms`), or the effects' (`data-effects-at`) after a press. */
async function instant(page: Page, selector: string, attribute: string): Promise<number | undefined> {
  const l = page.locator(selector);
  if ((await l.count()) === 0) return undefined;
  const v = await l.first().getAttribute(attribute);
  return v === null ? undefined : Number(v);
}

export async function pressAction(page: Page, base: string, actionId: string): Promise<ActionAnswer> {
  const landed = await open(page, base, '/account');
  if (landed.status !== 200) throw new ShopError(`GET /account answered ${landed.status}`);
  const button = page.locator(`[data-action="${actionId}"]`);
  if ((await button.count()) === 0) {
    const unavailable = page.locator(`[data-unavailable="${actionId}"] small`);
    if ((await unavailable.count()) === 0)
      throw new ShopError(`the account page has no action ${actionId}, not even greyed out`);
    const why = ((await unavailable.first().textContent()) ?? '').trim();
    return { ok: false, why, effectsAt: (await instant(page, '[data-now-ms]', 'data-now-ms')) ?? 0 };
  }
  const sent = await submit(page, button.first());
  if ('invalid' in sent) throw new ShopError(`the browser would not send ${actionId} (${sent.invalid})`);
  if (sent.status !== 200) throw new ShopError(`POST /actions/${actionId} answered ${sent.status}`);
  const error = page.getByTestId('error');
  if ((await error.count()) > 0) {
    const why = ((await error.first().textContent()) ?? '').trim();
    return { ok: false, why, effectsAt: (await instant(page, '[data-now-ms]', 'data-now-ms')) ?? 0 };
  }
  const effectsAt = await instant(page, '[data-effects-at]', 'data-effects-at');
  if (effectsAt === undefined)
    throw new ShopError(`the page after ${actionId} does not say when it takes effect`);
  return { ok: true, effectsAt };
}
