/**
 * Amounts in the API's minor units, their limits per currency, and their wording.
 */
import { formatMoney } from '../../../core/runEnv.ts';
import { isCurrency } from './currency.ts';
import { invalidRequest } from './errors.ts';

export const ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);

/** Minor units (what the API speaks) to the major units of the model's money counters. */
/** Major units (dollars) to the API's minor units (cents); zero-decimal currencies as they are. */
export function toMinor(amount: number, currency: string): number {
  return ZERO_DECIMAL.has(currency.toLowerCase()) ? Math.round(amount) : Math.round(amount * 100);
}

export function toMajor(amount: number, currency: string): number {
  return ZERO_DECIMAL.has(currency) ? amount : amount / 100;
}

export function money(amount: number, currency: string): string {
  return formatMoney(toMajor(amount, currency), currency.toUpperCase());
}

const MIN_AMOUNT: Record<string, number> = {
  usd: 50,
  eur: 50,
  gbp: 30,
  cad: 50,
  aud: 50,
  chf: 50,
  jpy: 50,
  sek: 300,
  nok: 300,
  dkk: 250,
};

const MAX_AMOUNT = 99_999_999;

export function checkAmount(amount: number, currency: string, param = 'amount'): void {
  const min = MIN_AMOUNT[currency] ?? 50;
  if (amount < min)
    throw invalidRequest(
      `Amount must be at least ${money(min, currency)} ${currency}`,
      'amount_too_small',
      param,
    );
  if (amount > MAX_AMOUNT)
    throw invalidRequest(
      `Amount must be no more than ${money(MAX_AMOUNT, currency)}`,
      'amount_too_large',
      param,
    );
}

export function checkCurrency(currency: string | undefined, param = 'currency'): string {
  if (currency === undefined)
    throw invalidRequest(`Missing required param: ${param}.`, 'parameter_missing', param);
  const c = currency.toLowerCase();
  if (!/^[a-z]{3}$/.test(c) || !isCurrency(c))
    throw invalidRequest(`Invalid currency: ${currency}.`, 'parameter_invalid_empty', param);
  return c;
}
