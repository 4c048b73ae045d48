/** ISO 4217 currency codes, from the runtime's own table (Intl), in Stripe's lower case. */
const CURRENCIES: ReadonlySet<string> = new Set(
  Intl.supportedValuesOf('currency').map((c) => c.toLowerCase()),
);

/** Whether `code` is a currency (`usd`, `EUR`); `xyz` is not. */
export function isCurrency(code: string): boolean {
  return CURRENCIES.has(code.toLowerCase());
}
