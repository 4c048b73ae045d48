/**
 * Reading and printing instants. Scenario files give times as local wall-clock times of the
 * place the story happens in ("2025-12-24T17:30" in America/New_York); reports print them
 * back the same way. Month and weekday names are fixed English, not Intl, so output is
 * byte-identical on every machine.
 */

import type { IANAZone } from 'luxon';
import { excerpt } from '../input/excerpt.ts';
import { daysInMonth, fromWallClock, offsetAt, timeZone, utcMs, wallClock } from './wallClock.ts';

/** Virtual time: milliseconds since the Unix epoch, UTC. Never read from the wall clock. */
export type Instant = number;
/** A length of virtual time in milliseconds. */
export type Duration = number;

export class InstantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InstantError';
  }
}

const ACCEPTED =
  'write it as 2025-12-24T17:30, 2025-12-24 17:30 or 2025-12-24 (midnight), ' +
  'optionally with seconds and a Z or an offset such as -05:00 at the end';

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * `text` is read as wall-clock time in `zone` unless it carries its own Z or offset. Local
 * times skipped or repeated by a DST change follow the rule in wallClock.ts.
 */
export function parseInstant(text: string, zone: string): Instant {
  const tz = timeZone(zone);
  const match = DATE_TIME.exec(text.trim());
  if (!match) throw new InstantError(`${excerpt(text)} is not a date-time; ${ACCEPTED}`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  const millisecond = Number(frac.padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new InstantError(
      `${excerpt(text)} is not a date-time: there is no day ${d} in month ${mo} of ${y}`,
    );
  }
  if (hour > 23 || minute > 59 || second > 59) {
    throw new InstantError(`${excerpt(text)} is not a date-time: ${h}:${mi}:${s} is not a time of day`);
  }
  if (offset === undefined) return fromWallClock(tz, year, month, day, hour, minute, second, millisecond);
  const minutes = offsetMinutes(offset);
  if (minutes === undefined)
    throw new InstantError(`${excerpt(text)} is not a date-time: ${offset} is not a UTC offset`);
  return utcMs(year, month, day, hour, minute, second, millisecond) - minutes * 60_000;
}

function offsetMinutes(offset: string): number | undefined {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  return hours > 23 || minutes > 59 ? undefined : sign * (hours * 60 + minutes);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * - short: `24 Dec 17:32` (timelines, where the year and zone are in the heading)
 * - long: `Wed 24 Dec 2025 17:32 EST` (sentences a process owner reads on their own)
 * - date: `2026-01-05`
 */
export function formatInstant(t: Instant, zone: string, style: 'short' | 'long' | 'date' = 'short'): string {
  if (!Number.isFinite(t)) throw new RangeError(`formatInstant: ${t} is not an instant`);
  const tz = timeZone(zone);
  const w = wallClock(t, tz);
  const time = `${pad(w.hour)}:${pad(w.minute)}`;
  const month = MONTHS[w.month - 1];
  switch (style) {
    case 'date':
      return `${String(w.year).padStart(4, '0')}-${pad(w.month)}-${pad(w.day)}`;
    case 'long':
      return `${WEEKDAYS[w.weekday - 1]} ${w.day} ${month} ${w.year} ${time} ${zoneAbbreviation(tz, t)}`;
    default:
      return `${w.day} ${month} ${time}`;
  }
}

/** UTC ISO-8601, the form the JSON report uses. */
export function toIso(t: Instant): string {
  // Consecutive trace events mostly share their instant: remember the last one.
  if (t === lastIso.t) return lastIso.text;
  if (!Number.isFinite(t)) throw new RangeError(`toIso: ${t} is not an instant`);
  lastIso.t = t;
  lastIso.text = new Date(t).toISOString();
  return lastIso.text;
}

const lastIso = { t: Number.NaN, text: '' };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const abbreviations = new Map<string, string>();

/**
 * en-US knows the American abbreviations (EST, CST) and en-GB the European ones (BST, CET);
 * where neither has a name we print the offset as UTC+9 rather than Intl's GMT+9.
 */
function zoneAbbreviation(tz: IANAZone, t: number): string {
  const offset = offsetAt(tz, t);
  const key = `${tz.name}|${offset}`;
  let name = abbreviations.get(key);
  if (name === undefined) {
    name = tz.offsetName(t, { format: 'short', locale: 'en-US' }) ?? '';
    if (/^GMT[+-]/.test(name)) name = tz.offsetName(t, { format: 'short', locale: 'en-GB' }) ?? name;
    if (/^GMT[+-]/.test(name) || name === '') name = `UTC${formatOffset(offset)}`;
    abbreviations.set(key, name);
  }
  return name;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const rest = abs % 60;
  return `${sign}${Math.floor(abs / 60)}${rest ? `:${pad(rest)}` : ''}`;
}
