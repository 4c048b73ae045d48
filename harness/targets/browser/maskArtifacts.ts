/**
 * Card numbers out of the files a failed browser run keeps: the last page's HTML and the
 * Playwright trace, whose network log, form bodies and DOM snapshots carry what the customer
 * saw and sent (`card=4242+4242+4242+4242`). Every text entry of trace.zip is masked the way
 * reports are (`•••• 4242`) and the archive written again, before anyone can pick it up.
 * Screenshots stay as they are: pixels are not searched.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { maskText } from '../../core/contract.ts';
import { luhn } from '../../services/index.ts';

/**
 * 13–19 digits, separated or not by what a page, a form body or a URL puts between them
 * (space, dash, `+`, `%20`).
 */
const CARD_LIKE = /(?<![\d.])\d(?:(?:[ -]|\+|%20)?\d){12,18}(?!\d)/g;

/**
 * Card numbers in `text` masked, also in URL-encoded form bodies. An unseparated run is a card
 * number only when it passes the Luhn check and is not a JSON number (a trace's `wallTime`):
 * the trace must stay readable by `npx playwright show-trace`.
 */
export function maskCardNumbers(text: string): string {
  return text.replace(CARD_LIKE, (m: string, at: number) => {
    const digits = m.replace(/%20/g, '').replace(/\D/g, '');
    if (digits.length < 13 || digits.length > 19) return m;
    if (digits.length === m.length && (text[at - 1] === ':' || text[at + m.length] === '.' || !luhn(digits)))
      return m;
    return `•••• ${digits.slice(-4)}`;
  });
}

/** A file's text masked as reports mask theirs (card numbers, licence keys). */
export function maskArtifactText(html: string): string {
  return maskText(maskCardNumbers(html));
}

/** Whether bytes are text (UTF-8 without NUL): what is masked in an archive. */
function asText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Rewrite a trace.zip with every text entry's card numbers masked. */
export function maskTraceZip(path: string): void {
  const entries = unzipSync(readFileSync(path));
  const out: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(entries)) {
    const text = asText(bytes);
    const masked = text === undefined ? undefined : maskCardNumbers(text);
    out[name] = masked === undefined || masked === text ? bytes : strToU8(masked);
  }
  writeFileSync(path, zipSync(out, { level: 6 }));
}
