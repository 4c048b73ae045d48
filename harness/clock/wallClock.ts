/**
 * Conversions between instants and the wall-clock time of an IANA zone, done by hand on top
 * of the zone's UTC offset so that nothing depends on the machine's TZ or locale.
 *
 * Local times that a DST change makes ambiguous or skips are resolved like Temporal's
 * default ('compatible'): a repeated time means its earlier occurrence, a skipped time is
 * moved forward by the length of the gap (02:30 on a spring-forward night becomes 03:30).
 */

import { IANAZone } from 'luxon';
import { excerpt } from '../input/excerpt.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

export class TimeZoneError extends RangeError {
  constructor(zone: string) {
    super(
      `${excerpt(zone)} is not a time zone; use an IANA name such as America/New_York, Europe/London or UTC`,
    );
    this.name = 'TimeZoneError';
  }
}

/** IANA names (and UTC). Offsets like "+05:00" and luxon's "local"/"system" are refused: a calendar lives in a place. */
export function isTimeZone(name: string): boolean {
  return zones.has(name) || (/^[A-Za-z]/.test(name) && IANAZone.isValidZone(name));
}

// luxon checks a zone by building an Intl.DateTimeFormat each time: far too slow per run.
const zones = new Map<string, IANAZone>();

export function timeZone(name: string): IANAZone {
  let zone = zones.get(name);
  if (!zone) {
    if (!isTimeZone(name)) throw new TimeZoneError(name);
    zone = IANAZone.create(name);
    zones.set(name, zone);
  }
  return zone;
}

export function wallClock(t: number, zone: IANAZone): WallClock {
  const shifted = new Date(t + offsetAt(zone, t) * MINUTE_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    weekday: ((shifted.getUTCDay() + 6) % 7) + 1,
  };
}

/** The instant at which the zone's clocks show the given local time (see the DST rule above). */
export function fromWallClock(
  zone: IANAZone,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const wall = utcMs(year, month, day, hour, minute, second, millisecond);
  // No zone changes its offset twice within two days, so the offsets either side of the wall
  // time are the only candidates.
  const before = offsetAt(zone, wall - DAY_MS);
  const after = offsetAt(zone, wall + DAY_MS);
  let best = Number.POSITIVE_INFINITY;
  for (const offset of before === after ? [before] : [before, after]) {
    const candidate = wall - offset * MINUTE_MS;
    if (offsetAt(zone, candidate) === offset && candidate < best) best = candidate;
  }
  return best === Number.POSITIVE_INFINITY ? wall - before * MINUTE_MS : best;
}

/** Date.UTC, without its habit of reading years 0–99 as 1900–1999. */
export function utcMs(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millisecond);
  return date.getTime();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 1) - DAY_MS).getUTCDate();
}

/** Offsets change at most on quarter hours (DST and zone changes happen on the hour or half hour). */
const QUARTER_HOUR_MS = 15 * 60_000;
const offsets = new Map<IANAZone, Map<number, number>>();

/**
 * The zone's UTC offset in minutes at `t`, cached per zone and quarter hour: luxon computes it
 * with Intl.DateTimeFormat.formatToParts, microseconds a call, and the explorer asks often.
 */
export function offsetAt(zone: IANAZone, t: number): number {
  let byQuarter = offsets.get(zone);
  if (!byQuarter) {
    byQuarter = new Map();
    offsets.set(zone, byQuarter);
  }
  const quarter = Math.floor(t / QUARTER_HOUR_MS);
  let offset = byQuarter.get(quarter);
  if (offset === undefined) {
    offset = zone.offset(quarter * QUARTER_HOUR_MS);
    if (byQuarter.size > 200_000) byQuarter.clear();
    byQuarter.set(quarter, offset);
  }
  return offset;
}
