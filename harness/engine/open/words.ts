/**
 * Dates and amounts in the words a dead end's frontier uses: "Monday 16 March 2026 at 09:00".
 * English names are fixed (not Intl) so the bytes are the same on every machine, as in
 * harness/clock/instant.ts; quoted names (a channel's, a message's) are never re-cased.
 */
import { timeZone, wallClock } from '../../clock/wallClock.ts';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const pad = (n: number) => String(n).padStart(2, '0');

/** "Wednesday 18 March 2026". */
export function dayWords(t: number, zone: string): string {
  const w = wallClock(t, timeZone(zone));
  return `${WEEKDAYS[w.weekday - 1]} ${w.day} ${MONTHS[w.month - 1]} ${w.year}`;
}

/** "Monday 16 March 2026 at 09:00". */
export function instantWords(t: number, zone: string): string {
  const w = wallClock(t, timeZone(zone));
  return `${dayWords(t, zone)} at ${pad(w.hour)}:${pad(w.minute)}`;
}

/** "£119", "€180.50"; other currencies as "119 CHF". */
export function moneyWords(amount: number, currency: string): string {
  const symbol: Record<string, string> = { GBP: '£', EUR: '€', USD: '$' };
  const n = Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
  const s = symbol[currency];
  return s ? `${s}${n}` : `${n} ${currency}`;
}

/** Ends a sentence with a full stop, leaving its first word as written (a quoted name). */
export const period = (s: string): string => (/[.!?]$/.test(s) ? s : `${s}.`);

/** One of deadend's own sentences: capitalised. Never for text that starts with a quoted name. */
export const ownSentence = (s: string): string => period(s.charAt(0).toUpperCase() + s.slice(1));
