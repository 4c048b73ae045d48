/**
 * Secrets never reach a report: `maskResults` runs once on the results before any reporter formats
 * them (see `writeReports` and the `reporters` registry in reporter.ts).
 *
 * - card numbers: any run of 13–19 digits, with or without spaces or dashes between them, keeps only
 *   its last four digits: `4242 4242 4242 4242` → `•••• 4242`. No Luhn check: a mistyped card number
 *   is a secret too. (An epoch-milliseconds timestamp written into a sentence is masked as well; the
 *   `at` field and numbers are left alone.)
 * - licence keys: the value of any field named `key`, `licenceKey` or `licenseKey`, and any key-shaped
 *   string (three or more dash-separated groups of 4–5 upper-case letters or digits, with at least one
 *   letter and one digit: `CVL7-9F3K-QQ2M-X4HD`; `2025-1224-0042` is an order number, not a key), keep only their last four characters: `••••-••••-••••-X4HD`.
 *
 * Fields that must stay usable are left as they are: `replay` (a shell command), `at`, `file`,
 * `timezone`.
 */

const BULLET = '•';

/** 13–19 digits, optionally separated by single spaces or dashes, not part of a longer digit run. */
const CARD = /(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])/g;
/** `XXXX-XXXX-XXXX(-XXXX…)` made of upper-case letters and digits. */
const KEY_SHAPED = /(?<![\w-])[A-Z0-9]{4,5}(?:-[A-Z0-9]{4,5}){2,}(?![\w-])/g;

const KEY_FIELDS = new Set(['key', 'licenceKey', 'licenseKey']);
const CARD_FIELDS = /^(card|cardNumber|pan)$/i;
const UNMASKED_FIELDS = new Set(['replay', 'at', 'file', 'timezone']);

/** Masks card numbers and key-shaped strings inside free text. */
export function maskText(text: string): string {
  if (!/\d/.test(text)) return text;
  return text
    .replace(CARD, (match) => `${BULLET.repeat(4)} ${match.replace(/\D/g, '').slice(-4)}`)
    .replace(KEY_SHAPED, (match) => (/\d/.test(match) && /[A-Z]/.test(match) ? maskKey(match) : match));
}

/**
 * Masks a secret except its last four characters, keeping separators so the shape stays readable:
 * `CVL7-9F3K-QQ2M-X4HD` → `••••-••••-••••-X4HD`, `abcdef123456` → `••••••••3456`.
 */
export function maskKey(secret: string): string {
  const chars = [...secret];
  const isAlnum = (c: string) => /[\p{L}\p{N}]/u.test(c);
  // Four characters or fewer are hidden whole; an already masked value is left as it is.
  if (chars.filter(isAlnum).length <= 4) return secret.includes(BULLET) ? secret : BULLET.repeat(4);
  let keep = 4;
  for (let i = chars.length - 1; i >= 0; i--) {
    if (!isAlnum(chars[i] ?? '')) continue;
    if (keep > 0) keep--;
    else chars[i] = BULLET;
  }
  return chars.join('');
}

function maskValue(value: unknown, key: string | undefined): unknown {
  if (typeof value === 'string') {
    if (key !== undefined && UNMASKED_FIELDS.has(key)) return value;
    if (key !== undefined && KEY_FIELDS.has(key)) return maskKey(value);
    return maskText(value);
  }
  if (typeof value === 'number') {
    if (key !== undefined && CARD_FIELDS.test(key) && Number.isInteger(value) && String(value).length >= 13) {
      return `${BULLET.repeat(4)} ${String(value).slice(-4)}`;
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => maskValue(item, undefined));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] =
        KEY_FIELDS.has(k) && v !== null && typeof v !== 'object' ? maskKey(String(v)) : maskValue(v, k);
    }
    return out;
  }
  return value;
}

/**
 * A deep copy of the value with every secret masked. Key order is kept, so the masked results
 * serialize as deterministically as the original. Idempotent.
 */
export function maskResults<T>(results: T): T {
  return maskValue(results, undefined) as T;
}
