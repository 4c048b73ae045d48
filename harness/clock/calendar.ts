/**
 * Business calendars: when a support desk or a shop is open, and what "2 business days"
 * from a given instant means there.
 *
 * Opening hours are local wall-clock times, so a 09:00 opening is 14:00 UTC in January and
 * 13:00 UTC in July in New York. Each local date is turned into its open intervals as UTC
 * instants once, when it is first needed. An index by UTC day (any UTC day overlaps at most
 * three local dates) then answers isOpen with one Map lookup and a scan over a few numbers,
 * because the explorer asks hundreds of thousands of times per scenario.
 *
 * Rules chosen here:
 * - extends: holidays and closures of every extended calendar (recursively) are included.
 *   Hours are the calendar's own if it has `hours`; otherwise those of the first extended
 *   calendar (depth-first, in order) that has them. A calendar with no hours anywhere is a
 *   holidays-only calendar and cannot be used on its own. Holiday dates and closure times
 *   are read as wall-clock dates and times in the timezone of the calendar being built, so
 *   a Chicago store that extends a New York holiday list closes for Chicago's whole day.
 * - business days: see addBusinessDays.
 */
import type { IANAZone } from 'luxon';
import {
  type CalendarDefinition,
  calendarSchema,
  closureBoundary,
  parseTimeRange,
  WEEKDAY_KEYS,
  type WeekHoursDefinition,
} from './calendarSchema.ts';
import { DAY, type DurationSpec, HOUR } from './duration.ts';
import type { Instant } from './instant.ts';
import { fromWallClock, timeZone, wallClock } from './wallClock.ts';

export { type CalendarDefinition, calendarSchema } from './calendarSchema.ts';

/** How far ahead a calendar looks before concluding that it never opens again (2 years). */
export const HORIZON_DAYS = 731;

/** [from, until) in minutes after local midnight; until may be 1440 (24:00). */
type Ranges = ReadonlyArray<readonly [from: number, until: number]>;

export interface Closure {
  readonly from: Instant;
  /** Exclusive: the first instant the closure is over. */
  readonly until: Instant;
  readonly name: string;
}

/** A calendar with its `extends` already merged in, ready to answer questions. */
export interface ResolvedCalendar {
  readonly id: string;
  readonly name: string;
  readonly timezone: string;
  /** Index 0 = Monday … 6 = Sunday. */
  readonly weekHours: readonly Ranges[];
  /** Local date (YYYY-MM-DD) → holiday name. */
  readonly holidays: ReadonlyMap<string, string>;
  readonly closures: readonly Closure[];
}

interface LocalDay {
  /** Days since 1970-01-01 of this local calendar date. */
  readonly epochDay: number;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** The UTC instants at which this local date begins and ends (23 or 25 hours apart on DST days). */
  readonly start: Instant;
  readonly end: Instant;
  /** Open intervals as flat [from, until, from, until, …] UTC instants, ascending. */
  readonly open: readonly number[];
  readonly holiday: string | null;
}

interface Bucket {
  /** The open intervals overlapping this UTC day, ascending. */
  readonly open: readonly number[];
  readonly days: readonly LocalDay[];
}

export class CalendarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarError';
  }
}

const WEEKDAY_PLURALS = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];

export class BusinessCalendar {
  readonly id: string;
  readonly name: string;
  readonly timezone: string;
  readonly #spec: ResolvedCalendar;
  readonly #zone: IANAZone;
  readonly #neverOpen: boolean;
  readonly #computeDay: (epochDay: number) => LocalDay;
  readonly #days = new Map<number, LocalDay>();
  readonly #buckets = new Map<number, Bucket>();

  /** Prefer buildCalendar / alwaysOpen; `derivedFrom` lets withClosure reuse the base's days. */
  constructor(spec: ResolvedCalendar, derivedFrom?: { base: BusinessCalendar; closure: Closure }) {
    this.id = spec.id;
    this.name = spec.name;
    this.timezone = spec.timezone;
    this.#spec = spec;
    this.#zone = timeZone(spec.timezone);
    this.#neverOpen = spec.weekHours.every((ranges) => ranges.length === 0);
    if (derivedFrom) {
      const { base, closure } = derivedFrom;
      this.#computeDay = (n) => withoutClosure(base.#day(n), closure);
    } else {
      this.#computeDay = (n) => this.#localDay(n);
    }
  }

  isOpen(t: Instant): boolean {
    const k = Math.floor(t / DAY);
    const open = (this.#buckets.get(k) ?? this.#bucket(k)).open;
    for (let i = 0; i < open.length; i += 2) {
      if (t >= open[i]! && t < open[i + 1]!) return true;
    }
    return false;
  }

  /** `t` itself when open, else the next opening; Infinity if it does not open within two years. */
  nextOpen(t: Instant): Instant {
    if (!Number.isFinite(t) && t !== Number.POSITIVE_INFINITY)
      throw new RangeError(`nextOpen: ${t} is not an instant`);
    if (this.#neverOpen || t === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
    let k = Math.floor(t / DAY);
    for (const last = k + HORIZON_DAYS; k <= last; k++) {
      const open = (this.#buckets.get(k) ?? this.#bucket(k)).open;
      for (let i = 1; i < open.length; i += 2) {
        if (open[i]! > t) {
          const from = open[i - 1]!;
          return from > t ? from : t;
        }
      }
    }
    return Number.POSITIVE_INFINITY;
  }

  /**
   * Why it is closed at `t`, in words a process owner can read: a closure's name, else a
   * holiday's name, else "closed on Sundays" for a weekday without hours, else "outside
   * opening hours". A closure wins over a holiday inside it because it explains the reopening.
   */
  closedBecause(t: Instant): { reason: string; reopens: Instant } | null {
    if (this.isOpen(t)) return null;
    const reopens = this.nextOpen(t);
    let closure: Closure | undefined;
    for (const c of this.#spec.closures) {
      if (c.from <= t && t < c.until && (!closure || c.until > closure.until)) closure = c;
    }
    if (closure) return { reason: closure.name, reopens };
    const day = this.#dayAt(t);
    if (day.holiday !== null) return { reason: day.holiday, reopens };
    if (this.#spec.weekHours[day.weekday - 1]!.length === 0) {
      return { reason: `closed on ${WEEKDAY_PLURALS[day.weekday - 1]}`, reopens };
    }
    return { reason: 'outside opening hours', reopens };
  }

  /**
   * The instant by which `hours` of open time have passed, counting from `t` (or from the next
   * opening if closed). Ending exactly at closing time returns the closing time, not the next
   * morning: "4 business hours after 13:00" is 17:00.
   */
  addBusinessHours(t: Instant, hours: number): Instant {
    if (!Number.isFinite(hours) || hours < 0) {
      throw new RangeError(`addBusinessHours: ${hours} is not a number of hours ≥ 0`);
    }
    let remaining = Math.round(hours * HOUR);
    if (remaining === 0) return t;
    let current = t;
    let k = Math.floor(t / DAY);
    for (let last = k + HORIZON_DAYS; k <= last; k++) {
      const open = (this.#buckets.get(k) ?? this.#bucket(k)).open;
      for (let i = 0; i < open.length; i += 2) {
        const until = open[i + 1]!;
        if (until <= current) continue;
        const from = Math.max(open[i]!, current);
        if (remaining <= until - from) return from + remaining;
        remaining -= until - from;
        current = until;
        last = k + HORIZON_DAYS;
      }
    }
    return Number.POSITIVE_INFINITY;
  }

  /**
   * Business days count open days (local dates with any open time left after holidays and
   * closures) strictly after the local date of `t`, whether or not `t` itself is open. The
   * result is `t`'s local time of day on the `days`-th such day, clamped into that day's
   * open span: before its opening → its opening, after its closing → its closing. So Friday
   * 15:00 + 1 business day is Monday 15:00, Friday 07:00 + 1 is Monday's opening and Friday
   * 20:00 + 1 is Monday's closing: the answer is always a moment within a business day.
   */
  addBusinessDays(t: Instant, days: number): Instant {
    if (!Number.isInteger(days) || days < 0) {
      throw new RangeError(`addBusinessDays: ${days} is not a whole number of days ≥ 0`);
    }
    if (days === 0 || t === Number.POSITIVE_INFINITY) return t;
    let remaining = days;
    let lastOpenDay = this.#dayAt(t).epochDay;
    for (let n = lastOpenDay + 1; n - lastOpenDay <= HORIZON_DAYS; n++) {
      const day = this.#day(n);
      if (day.open.length === 0) continue;
      lastOpenDay = n;
      if (--remaining > 0) continue;
      const clock = wallClock(t, this.#zone);
      const sameTime = fromWallClock(
        this.#zone,
        day.year,
        day.month,
        day.day,
        clock.hour,
        clock.minute,
        clock.second,
        clock.millisecond,
      );
      return Math.min(Math.max(sameTime, day.open[0]!), day.open[day.open.length - 1]!);
    }
    return Number.POSITIVE_INFINITY;
  }

  add(t: Instant, spec: DurationSpec): Instant {
    switch (spec.kind) {
      case 'elapsed':
        return t + spec.ms;
      case 'business-days':
        return this.addBusinessDays(t, spec.days);
      case 'business-hours':
        return this.addBusinessHours(t, spec.hours);
    }
  }

  /** A new calendar, closed from `from` until `until` (exclusive) as well; this one is unchanged. */
  withClosure(from: Instant, until: Instant, name: string): BusinessCalendar {
    if (!Number.isFinite(from) || !(until > from)) {
      throw new RangeError(`withClosure: the closure "${name}" must end after it starts`);
    }
    const closure: Closure = { from, until, name };
    return new BusinessCalendar(
      { ...this.#spec, closures: [...this.#spec.closures, closure] },
      { base: this, closure },
    );
  }

  #day(epochDay: number): LocalDay {
    let day = this.#days.get(epochDay);
    if (day === undefined) {
      day = this.#computeDay(epochDay);
      this.#days.set(epochDay, day);
    }
    return day;
  }

  #bucket(k: number): Bucket {
    if (!Number.isFinite(k))
      throw new RangeError(`BusinessCalendar "${this.id}": ${k * DAY} is not an instant`);
    const dayStart = k * DAY;
    const dayEnd = dayStart + DAY;
    const days: LocalDay[] = [];
    const open: number[] = [];
    for (let n = k - 1; n <= k + 1; n++) {
      const day = this.#day(n);
      if (day.end <= dayStart || day.start >= dayEnd) continue;
      days.push(day);
      for (let i = 0; i < day.open.length; i += 2) {
        const from = day.open[i]!;
        const until = day.open[i + 1]!;
        if (until > dayStart && from < dayEnd) open.push(from, until);
      }
    }
    const bucket = { open, days };
    this.#buckets.set(k, bucket);
    return bucket;
  }

  #dayAt(t: Instant): LocalDay {
    const bucket = this.#buckets.get(Math.floor(t / DAY)) ?? this.#bucket(Math.floor(t / DAY));
    const day = bucket.days.find((d) => t >= d.start && t < d.end);
    if (day) return day;
    // Only reachable in a zone that skips a whole date (Pacific/Apia, 2011-12-30).
    const clock = wallClock(t, this.#zone);
    return this.#day(Math.floor(Date.UTC(clock.year, clock.month - 1, clock.day) / DAY));
  }

  /** The one place a local date is turned into UTC instants. */
  #localDay(epochDay: number): LocalDay {
    const { year, month, day } = civilDate(epochDay);
    const next = civilDate(epochDay + 1);
    const weekday = ((((epochDay + 3) % 7) + 7) % 7) + 1;
    const start = fromWallClock(this.#zone, year, month, day);
    const end = fromWallClock(this.#zone, next.year, next.month, next.day);
    const holiday = this.#spec.holidays.get(isoDate(year, month, day)) ?? null;
    let open: number[] = [];
    if (holiday === null) {
      for (const [fromMinute, untilMinute] of this.#spec.weekHours[weekday - 1]!) {
        const from = at(this.#zone, year, month, day, fromMinute, start);
        const until = untilMinute === 1440 ? end : at(this.#zone, year, month, day, untilMinute, start);
        // A range that falls inside a spring-forward gap has no length that night.
        if (until > from) open.push(from, until);
      }
    }
    for (const closure of this.#spec.closures) {
      if (closure.until > start && closure.from < end) open = subtract(open, closure);
    }
    return { epochDay, year, month, day, weekday, start, end, open, holiday };
  }
}

function at(
  zone: IANAZone,
  year: number,
  month: number,
  day: number,
  minute: number,
  midnight: Instant,
): Instant {
  return minute === 0
    ? midnight
    : fromWallClock(zone, year, month, day, Math.floor(minute / 60), minute % 60);
}

function withoutClosure(day: LocalDay, closure: Closure): LocalDay {
  if (closure.until <= day.start || closure.from >= day.end || day.open.length === 0) return day;
  return { ...day, open: subtract(day.open, closure) };
}

function subtract(open: readonly number[], closure: Closure): number[] {
  const out: number[] = [];
  for (let i = 0; i < open.length; i += 2) {
    const from = open[i]!;
    const until = open[i + 1]!;
    if (closure.until <= from || closure.from >= until) {
      out.push(from, until);
      continue;
    }
    if (closure.from > from) out.push(from, closure.from);
    if (closure.until < until) out.push(closure.until, until);
  }
  return out;
}

function civilDate(epochDay: number): { year: number; month: number; day: number } {
  const date = new Date(epochDay * DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Open around the clock in `zone`: for channels without hours (web pages, e-mail). */
export function alwaysOpen(zone = 'UTC'): BusinessCalendar {
  return new BusinessCalendar({
    id: 'always-open',
    name: 'Always open',
    timezone: zone,
    weekHours: WEEKDAY_KEYS.map(() => [[0, 1440]] as const),
    holidays: new Map(),
    closures: [],
  });
}

/**
 * A BusinessCalendar from a definition, with `extends` resolved through `resolveOther` (see
 * the rules at the top of this file). Throws CalendarError on an invalid definition, an
 * extends cycle, or a calendar that has no hours anywhere.
 */
export function buildCalendar(
  def: CalendarDefinition,
  resolveOther: (id: string) => CalendarDefinition = (id) => {
    throw new CalendarError(`calendar "${def.id}" extends "${id}", but no other calendars were given`);
  },
): BusinessCalendar {
  const root = validated(def);
  const merged = collect(root, resolveOther, [root.id]);
  if (merged.hours === undefined) {
    const extended = root.extends?.length
      ? ` or in the calendars it extends (${root.extends.join(', ')})`
      : '';
    throw new CalendarError(
      `calendar "${root.id}" has no opening hours (no "hours" in it${extended}); ` +
        'a holidays-only calendar is meant to be extended by one that has hours',
    );
  }
  const zone = timeZone(root.timezone);
  const holidays = new Map<string, string>();
  for (const { date, name } of merged.holidays) if (!holidays.has(date)) holidays.set(date, name);
  const closures = new Map<string, Closure>();
  for (const { from, until, name } of merged.closures) {
    const closure = { from: localInstant(zone, from), until: localInstant(zone, until), name };
    closures.set(`${closure.from}|${closure.until}|${name}`, closure);
  }
  return new BusinessCalendar({
    id: root.id,
    name: root.name ?? root.id,
    timezone: root.timezone,
    weekHours: toWeekHours(merged.hours),
    holidays,
    closures: [...closures.values()],
  });
}

interface Collected {
  hours: WeekHoursDefinition | undefined;
  holidays: NonNullable<CalendarDefinition['holidays']>;
  closures: NonNullable<CalendarDefinition['closures']>;
}

function collect(
  def: CalendarDefinition,
  resolveOther: (id: string) => CalendarDefinition,
  chain: string[],
): Collected {
  const out: Collected = {
    hours: def.hours,
    holidays: [...(def.holidays ?? [])],
    closures: [...(def.closures ?? [])],
  };
  for (const id of def.extends ?? []) {
    if (chain.includes(id)) {
      throw new CalendarError(`calendars extend each other in a cycle: ${[...chain, id].join(' → ')}`);
    }
    const other = collect(validated(resolveOther(id)), resolveOther, [...chain, id]);
    out.hours ??= other.hours;
    out.holidays.push(...other.holidays);
    out.closures.push(...other.closures);
  }
  return out;
}

function validated(def: CalendarDefinition): CalendarDefinition {
  const result = calendarSchema.safeParse(def);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`);
  throw new CalendarError(`calendar "${String(def?.id)}" is invalid: ${problems.join('; ')}`);
}

function toWeekHours(hours: WeekHoursDefinition): Ranges[] {
  return WEEKDAY_KEYS.map((key) => {
    const value = hours[key];
    if (value === undefined || value === 'closed') return [];
    const merged: [number, number][] = [];
    for (const text of typeof value === 'string' ? [value] : value) {
      const [from, until] = parseTimeRange(text)!;
      const previous = merged[merged.length - 1];
      // "09:00-12:00" + "12:00-17:00" is one stretch of open time, not two.
      if (previous && previous[1] === from) previous[1] = until;
      else merged.push([from, until]);
    }
    return merged;
  });
}

/** 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm' as wall-clock time in `zone`. */
function localInstant(zone: IANAZone, text: string): Instant {
  const full = closureBoundary(text);
  return fromWallClock(
    zone,
    Number(full.slice(0, 4)),
    Number(full.slice(5, 7)),
    Number(full.slice(8, 10)),
    Number(full.slice(11, 13)),
    Number(full.slice(14, 16)),
  );
}
