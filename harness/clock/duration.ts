/**
 * Durations as scenario authors write them ("2 business days", "PT4H", "1h30m") and as
 * reports print them ("2 hours 30 minutes").
 *
 * Business durations stay symbolic: how long "2 business days" lasts depends on the calendar
 * and the moment it starts, so only a BusinessCalendar can turn one into an instant.
 */

import { excerpt } from '../input/excerpt.ts';

export type DurationSpec =
  | { kind: 'elapsed'; ms: number }
  | { kind: 'business-days'; days: number }
  | { kind: 'business-hours'; hours: number };

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

const ACCEPTED_FORMS =
  'ISO-8601 (PT4H, P2D, P1W, P1DT2H30M), short forms (45s, 30m, 4h, 2d, 1w, 1h30m) ' +
  'or phrases (90 minutes, 1 hour, 3 days, 2 weeks, 2 business days, 4 business hours)';

export class DurationError extends Error {
  readonly text: string;

  constructor(text: string, why?: string) {
    const shown = text.trim() === '' ? 'an empty duration' : excerpt(text);
    super(`${shown} is not a duration${why ? ` (${why})` : ''}; write it as ${ACCEPTED_FORMS}`);
    this.name = 'DurationError';
    this.text = text;
  }
}

const NUMBER = String.raw`\d+(?:\.\d+)?`;

/**
 * The longest durations a file may state (docs/scenario-guide.md, "Limits"). A journey that
 * spans more than ten years says nothing a shorter one does not, and longer spans let one
 * line of YAML make a run allocate or step through millions of days.
 */
export const DURATION_LIMITS = {
  elapsedMs: 3650 * DAY,
  businessDays: 2500,
  businessHours: 20_000,
} as const;

// Months and years are not accepted: they have no fixed length, and a deadline "in 1 month"
// is better written as a date.
const ISO = new RegExp(
  `^P(?:(${NUMBER})W)?(?:(${NUMBER})D)?(?:T(?:(${NUMBER})H)?(?:(${NUMBER})M)?(?:(${NUMBER})S)?)?$`,
  'i',
);

const SHORT_UNITS: Record<string, number> = { w: WEEK, d: DAY, h: HOUR, m: MINUTE, s: SECOND };
const SHORT_PART = new RegExp(`(${NUMBER})\\s*(w|d|h|m|s)`, 'giy');

const PHRASE_UNITS: Record<string, number> = {
  second: SECOND,
  sec: SECOND,
  minute: MINUTE,
  min: MINUTE,
  hour: HOUR,
  hr: HOUR,
  day: DAY,
  week: WEEK,
};
const PHRASE_PART = new RegExp(
  `(${NUMBER})\\s+(second|sec|minute|min|hour|hr|day|week)s?(?:\\s*,\\s*|\\s+and\\s+|\\s+|$)`,
  'iy',
);
const BUSINESS = new RegExp(`^(${NUMBER})\\s+(?:business|working)\\s+(day|hour)s?$`, 'i');

export function parseDuration(text: string): DurationSpec {
  const source = text.trim();
  if (source === '') throw new DurationError(text);
  return (
    parseIso(source, text) ??
    parseBusiness(source, text) ??
    parseShort(source, text) ??
    parsePhrase(source, text)
  );
}

export function isDuration(text: string): boolean {
  try {
    parseDuration(text);
    return true;
  } catch (error) {
    if (error instanceof DurationError) return false;
    throw error;
  }
}

function parseIso(source: string, text: string): DurationSpec | undefined {
  if (!/^P/i.test(source)) return undefined;
  const match = ISO.exec(source);
  // "P" and "P1DT" match the pattern but say nothing.
  if (!match || /^P$|T$/i.test(source)) {
    const why = /^P[\d.]+[YM]/i.test(source) ? 'months and years have no fixed length' : undefined;
    throw new DurationError(text, why);
  }
  const [, w, d, h, m, s] = match;
  return elapsed(num(w) * WEEK + num(d) * DAY + num(h) * HOUR + num(m) * MINUTE + num(s) * SECOND, text);
}

function parseBusiness(source: string, text: string): DurationSpec | undefined {
  const match = BUSINESS.exec(source);
  if (!match) return undefined;
  const amount = Number(match[1]);
  const hours = match[2]?.toLowerCase() === 'hour';
  const limit = hours ? DURATION_LIMITS.businessHours : DURATION_LIMITS.businessDays;
  if (!(amount <= limit)) {
    throw new DurationError(
      text,
      `longer than the limit of ${limit.toLocaleString('en')} business ${hours ? 'hours' : 'days'}`,
    );
  }
  if (hours) return { kind: 'business-hours', hours: amount };
  // A business day is a whole open day on the calendar; half of one has no meaning.
  if (!Number.isInteger(amount)) throw new DurationError(text, 'business days must be a whole number');
  return { kind: 'business-days', days: amount };
}

/** `1h30m`, `45s`, `2d 4h`: units largest first, each at most once. */
function parseShort(source: string, text: string): DurationSpec | undefined {
  SHORT_PART.lastIndex = 0;
  let total = 0;
  let previousUnit = Number.POSITIVE_INFINITY;
  let end = 0;
  for (let match = SHORT_PART.exec(source); match; match = SHORT_PART.exec(source)) {
    const unit = SHORT_UNITS[match[2]!.toLowerCase()]!;
    if (unit >= previousUnit) return undefined;
    previousUnit = unit;
    total += Number(match[1]) * unit;
    end = SHORT_PART.lastIndex;
    while (source[end] === ' ') end++;
    SHORT_PART.lastIndex = end;
  }
  return end === source.length && end > 0 ? elapsed(total, text) : undefined;
}

/** `90 minutes`, `1 hour`, `2 days and 4 hours`. */
function parsePhrase(source: string, text: string): DurationSpec {
  PHRASE_PART.lastIndex = 0;
  let total = 0;
  for (let match = PHRASE_PART.exec(source); match; match = PHRASE_PART.exec(source)) {
    total += Number(match[1]) * PHRASE_UNITS[match[2]!.toLowerCase()]!;
    const end = PHRASE_PART.lastIndex;
    // The separators are consumed with each part, so a dangling "," or "and" must be caught here.
    if (end === source.length && !/(,|\sand)$/i.test(source)) return elapsed(total, text);
  }
  throw new DurationError(text);
}

function num(value: string | undefined): number {
  return value === undefined ? 0 : Number(value);
}

function elapsed(ms: number, text: string): DurationSpec {
  // `!(<=)` also catches the Infinity of a 400-digit number.
  if (!(ms <= DURATION_LIMITS.elapsedMs))
    throw new DurationError(text, 'longer than the limit of 3,650 days (ten years)');
  return { kind: 'elapsed', ms: Math.round(ms) };
}

const FORMAT_UNITS: ReadonlyArray<readonly [ms: number, one: string, many: string]> = [
  [WEEK, 'week', 'weeks'],
  [DAY, 'day', 'days'],
  [HOUR, 'hour', 'hours'],
  [MINUTE, 'minute', 'minutes'],
  [SECOND, 'second', 'seconds'],
];

/**
 * At most two adjacent units, largest first ("3 weeks 2 days", "2 hours 30 minutes"),
 * rounded to the nearest of the smaller unit, because reports are read by people, not diffed.
 */
export function formatDuration(ms: number): string {
  if (Number.isNaN(ms)) throw new RangeError('formatDuration: the duration is NaN');
  if (ms === Number.POSITIVE_INFINITY) return 'forever';
  if (ms < 0) return `minus ${formatDuration(-ms)}`;
  if (ms === 0) return 'no time';
  if (ms < SECOND) return 'less than a second';

  // Rounding can carry into a larger unit (59.6 minutes -> 1 hour), so pick again until stable.
  let rounded = ms;
  for (;;) {
    const major = FORMAT_UNITS.findIndex(([unit]) => rounded >= unit);
    const minor = major + 1 < FORMAT_UNITS.length ? major + 1 : major;
    const minorUnit = FORMAT_UNITS[minor]![0];
    const next = Math.round(rounded / minorUnit) * minorUnit;
    if (next !== rounded) {
      rounded = next;
      continue;
    }
    const majorUnit = FORMAT_UNITS[major]![0];
    const parts = [plural(Math.floor(rounded / majorUnit), major)];
    const minorCount = (rounded % majorUnit) / minorUnit;
    if (minor !== major && minorCount > 0) parts.push(plural(minorCount, minor));
    return parts.join(' ');
  }
}

function plural(count: number, index: number): string {
  const [, one, many] = FORMAT_UNITS[index]!;
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * A duration counted without a calendar: business days as 24-hour days, business hours as hours.
 * The customer's plan reads its waits, windows and patience this way (it is made before a run has
 * a merchant calendar); the merchant counts business time on its calendar (merchant/policy.ts
 * `businessDuration`), falling back to this reading when it has no support channel.
 */
export function calendarFreeDuration(spec: DurationSpec): number {
  if (spec.kind === 'elapsed') return spec.ms;
  return spec.kind === 'business-days' ? spec.days * DAY : spec.hours * HOUR;
}
