/**
 * Dates and amounts in the words a dead end's frontier uses: "Monday 16 March 2026 at 09:00".
 * English names are fixed (not Intl) so the bytes are the same on every machine, as in
 * harness/clock/instant.ts; quoted names (a channel's, a message's) are never re-cased.
 */
import { amountText, longDate, longDateTime } from '../../vocabulary/world/words.ts';

/** "Wednesday 18 March 2026". */
export const dayWords = longDate;

/** "Monday 16 March 2026 at 09:00". */
export const instantWords = longDateTime;

/** "£119", "€180.50"; other currencies as "119 CHF". */
export const moneyWords = amountText;

/** Ends a sentence with a full stop, leaving its first word as written (a quoted name). */
export const period = (s: string): string => (/[.!?]$/.test(s) ? s : `${s}.`);

/** One of deadend's own sentences: capitalised. Never for text that starts with a quoted name. */
export const ownSentence = (s: string): string => period(s.charAt(0).toUpperCase() + s.slice(1));
