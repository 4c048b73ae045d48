/**
 * Stripe's test cards and tokens: card numbers, brands, and the declines each one causes.
 */

export type Decline =
  | 'generic_decline'
  | 'insufficient_funds'
  | 'lost_card'
  | 'stolen_card'
  | 'expired_card'
  | 'incorrect_cvc'
  | 'incorrect_zip'
  | 'processing_error';

interface TestCard {
  brand: string;
  funding: 'credit' | 'debit' | 'prepaid';
  decline?: Decline;
  /** Only charges fail (attaching works): Stripe's 4000000000000341. */
  failsOnCharge?: boolean;
  line1?: 'fail';
  zip?: 'fail';
  /** The CVC check fails when a CVC is given (Stripe's 4000000000000101). */
  cvc?: 'fail';
}

/** Stripe's documented test card numbers the sandbox knows; any other valid number succeeds. */
export const TEST_CARDS: Readonly<Record<string, TestCard>> = {
  '4242424242424242': { brand: 'visa', funding: 'credit' },
  '4000056655665556': { brand: 'visa', funding: 'debit' },
  '5555555555554444': { brand: 'mastercard', funding: 'credit' },
  '378282246310005': { brand: 'amex', funding: 'credit' },
  '4000000000000002': { brand: 'visa', funding: 'credit', decline: 'generic_decline' },
  '4000000000009995': { brand: 'visa', funding: 'credit', decline: 'insufficient_funds' },
  '4000000000009987': { brand: 'visa', funding: 'credit', decline: 'lost_card' },
  '4000000000009979': { brand: 'visa', funding: 'credit', decline: 'stolen_card' },
  '4000000000000069': { brand: 'visa', funding: 'credit', decline: 'expired_card' },
  '4000000000000127': { brand: 'visa', funding: 'credit', decline: 'incorrect_cvc' },
  '4000000000000119': { brand: 'visa', funding: 'credit', decline: 'processing_error' },
  '4000000000000341': { brand: 'visa', funding: 'credit', decline: 'generic_decline', failsOnCharge: true },
  '4000000000000010': { brand: 'visa', funding: 'credit', line1: 'fail', zip: 'fail' },
  '4000000000000028': { brand: 'visa', funding: 'credit', line1: 'fail' },
  '4000000000000036': { brand: 'visa', funding: 'credit', zip: 'fail' },
  '4000000000000101': { brand: 'visa', funding: 'credit', cvc: 'fail' },
};

/** Stripe's test payment method and token ids: `pm_card_<name>`, `tok_<name>` (TEST_CARD_NAMES). */
export const TEST_PAYMENT_METHOD = /^(?:pm_card_|tok_)(.+)$/;

/** Stripe's test payment methods and tokens (`pm_card_<name>`, `tok_<name>`) by card number. */
export const TEST_CARD_NAMES: Readonly<Record<string, string>> = {
  visa: '4242424242424242',
  visa_debit: '4000056655665556',
  mastercard: '5555555555554444',
  amex: '378282246310005',
  chargeDeclined: '4000000000000002',
  chargeDeclinedInsufficientFunds: '4000000000009995',
  chargeDeclinedLostCard: '4000000000009987',
  chargeDeclinedStolenCard: '4000000000009979',
  // The names Stripe's testing docs give the declining PaymentMethods today.
  visa_chargeDeclined: '4000000000000002',
  visa_chargeDeclinedInsufficientFunds: '4000000000009995',
  visa_chargeDeclinedLostCard: '4000000000009987',
  visa_chargeDeclinedStolenCard: '4000000000009979',
  chargeDeclinedExpiredCard: '4000000000000069',
  chargeDeclinedIncorrectCvc: '4000000000000127',
  chargeDeclinedProcessingError: '4000000000000119',
  chargeCustomerFail: '4000000000000341',
  avsFail: '4000000000000010',
  avsLine1Fail: '4000000000000028',
  avsZipFail: '4000000000000036',
  cvcCheckFail: '4000000000000101',
};

export const DECLINES: Record<Decline, { code: string; message: string; param?: string; model: string }> = {
  generic_decline: { code: 'card_declined', message: 'Your card was declined.', model: 'card declined' },
  insufficient_funds: {
    code: 'card_declined',
    message: 'Your card has insufficient funds.',
    model: 'card declined (insufficient funds)',
  },
  lost_card: {
    code: 'card_declined',
    message: 'Your card was declined.',
    model: 'card declined (lost card)',
  },
  stolen_card: {
    code: 'card_declined',
    message: 'Your card was declined.',
    model: 'card declined (stolen card)',
  },
  expired_card: {
    code: 'expired_card',
    message: 'Your card has expired.',
    param: 'exp_month',
    model: 'card expired',
  },
  incorrect_cvc: {
    code: 'incorrect_cvc',
    message: "Your card's security code is incorrect.",
    param: 'cvc',
    model: 'card security code does not match',
  },
  incorrect_zip: {
    code: 'incorrect_zip',
    message: "Your card's zip code is incorrect.",
    param: 'address_zip',
    model: 'billing address does not match the card',
  },
  processing_error: {
    code: 'processing_error',
    message: 'An error occurred while processing your card. Try again in a little bit.',
    model: 'payment provider timed out',
  },
};

/** The Luhn check every real card number passes. */
export function luhn(pan: string): boolean {
  let sum = 0;
  for (let i = 0; i < pan.length; i++) {
    let d = pan.charCodeAt(pan.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function brandOf(pan: string): string {
  if (pan.startsWith('4')) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(pan)) return 'mastercard';
  if (/^3[47]/.test(pan)) return 'amex';
  if (/^6(011|5)/.test(pan)) return 'discover';
  return 'unknown';
}

export function cardFor(pan: string): TestCard {
  return TEST_CARDS[pan] ?? { brand: brandOf(pan), funding: 'credit' };
}
