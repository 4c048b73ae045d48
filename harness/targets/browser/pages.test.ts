import { describe, expect, it } from 'vitest';
import { checkoutRefusal, shownOf, statusOf } from './pages.ts';

describe('the reference shop pages, read back in the JSON API terms', () => {
  it('turns the order status line into shown and status', () => {
    expect(shownOf('Order ord_1 (App) is confirmed.')).toBe('order ord_1 (App) is confirmed');
    expect(statusOf('order ord_1 (App) is confirmed')).toBe('confirmed');
    expect(statusOf('order ord_1 (Mug) is delivered')).toBe('delivered');
    expect(statusOf('order ord_2 (Mug) is still "processing"')).toBe('lost');
    expect(statusOf('order ord_3 (Mug) was cancelled: out of stock.')).toBe('cancelled');
    expect(shownOf('Order ord_3 (Mug) was cancelled: out of stock..')).toBe(
      'order ord_3 (Mug) was cancelled: out of stock.',
    );
    expect(() => statusOf('nothing to see')).toThrow(/names no order status/);
  });

  it('finds the reason in the checkout alert', () => {
    expect(checkoutRefusal('Your order could not be placed: Your card was declined..')).toBe(
      'Your card was declined.',
    );
    expect(checkoutRefusal('Your order could not be placed: the two e-mail addresses differ.')).toBe(
      'the two e-mail addresses differ',
    );
    expect(checkoutRefusal('quantity must be a whole number from 1.')).toBeUndefined();
  });
});
