import { describe, expect, it } from 'vitest';
import { FormError, parseForm } from './params.ts';

describe('form encoding (Stripe’s bracket notation)', () => {
  it('nests objects and indexed arrays, and appends with []', () => {
    expect(
      parseForm(
        'amount=2000&metadata[order_id]=ord%201&items[0][price]=price_a&items[1][price_data][recurring][interval]=month&items[1][quantity]=2&expand[]=customer&expand[]=latest_charge&email=a%2Bb%40x.y&name=Pat+Doe',
      ),
    ).toEqual({
      amount: '2000',
      metadata: { order_id: 'ord 1' },
      items: [{ price: 'price_a' }, { price_data: { recurring: { interval: 'month' } }, quantity: '2' }],
      expand: ['customer', 'latest_charge'],
      email: 'a+b@x.y',
      name: 'Pat Doe',
    });
  });

  it('reads what the stripe SDK sends: indexed expand, empty values', () => {
    expect(parseForm('expand[0]=latest_charge&expand[1]=payment_method&metadata=')).toEqual({
      expand: ['latest_charge', 'payment_method'],
      metadata: '',
    });
  });

  it('refuses a key that is both a value and a hash', () => {
    expect(() => parseForm('card=x&card[number]=4242')).toThrow(FormError);
  });
});
