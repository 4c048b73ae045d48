/**
 * Business time (design §2.2): when a duration written in the vocabulary ends, counted from
 * an instant in the calendar that applies. Elapsed and business days/hours are harness/clock's
 * (parseDuration, BusinessCalendar.add); this file adds what the vocabulary writes on top:
 * "N open days", "N open hours", ranges ("3-5 business days": the upper end), `{ param }`,
 * `{ trait }` and the object form naming its calendar.
 */
import type { BusinessCalendar } from '../../clock/calendar.ts';
import { DAY, type DurationSpec, HOUR, parseDuration } from '../../clock/duration.ts';
import { fromWallClock, timeZone, wallClock } from '../../clock/wallClock.ts';
import type { BusinessTime } from '../schema/index.ts';
import type { Context } from './context.ts';

type Spec = DurationSpec | { kind: 'open-days'; days: number };

const RANGE = /^(\d+(?:\.\d+)?)\s*[-–]\s*(\d+(?:\.\d+)?)\s+(.+)$/;
const OPEN = /^(\d+(?:\.\d+)?)\s+open\s+(day|hour)s?$/i;

/** A duration text as a spec; a range reads as its upper end. */
export function parseLength(text: string): Spec {
  const source = text.trim();
  const range = RANGE.exec(source);
  if (range) return parseLength(`${range[2]} ${range[3]}`);
  const open = OPEN.exec(source);
  if (open) {
    const n = Number(open[1]);
    return open[2]!.toLowerCase() === 'day'
      ? { kind: 'open-days', days: n }
      : { kind: 'business-hours', hours: n };
  }
  return parseDuration(source);
}

/** The words of a duration as written (for trace texts: "3-5 business days"). */
export function lengthText(ctx: Context, bt: BusinessTime): string {
  if (typeof bt === 'string') return bt;
  if ('length' in bt) return bt.length;
  if ('param' in bt) return String(ctx.profile.parameters[bt.param]);
  return String(ctx.persona.traits[bt.trait]);
}

/**
 * The instant `bt` after `from`. `calendars` are the ids that may apply, in order (the
 * element's own, its channel's, its party's); the object form's calendar wins over them.
 * A business duration with no calendar at all counts 24-hour days (validate warns of it).
 */
export function endOf(
  ctx: Context,
  bt: BusinessTime,
  from: number,
  calendars: (string | undefined)[] = [],
): number {
  let spec: Spec;
  let calendarId = calendars.find((c) => c !== undefined);
  if (typeof bt === 'string') spec = parseLength(bt);
  else if ('length' in bt) {
    spec = parseLength(bt.length);
    calendarId = bt.calendar;
  } else if ('param' in bt) spec = valueSpec(ctx.profile.parameters[bt.param]);
  else spec = valueSpec(ctx.persona.traits[bt.trait]);
  if (spec.kind === 'elapsed') return addElapsed(ctx.zone, from, spec.ms);
  if (calendarId === undefined) return addElapsed(ctx.zone, from, calendarFree(spec));
  return add(ctx.calendar(calendarId), from, spec);
}

/**
 * Whole days of an elapsed duration are calendar days in the scenario's zone, so "every P3D"
 * from 09:00 stays at 09:00 across a change of summer time (102's sign-ins); the rest is added
 * as elapsed time.
 */
export function addElapsed(zone: string, from: number, ms: number): number {
  const days = Math.floor(ms / DAY);
  if (days <= 0 || !Number.isFinite(from)) return from + ms;
  const tz = timeZone(zone);
  const c = wallClock(from, tz);
  const d = new Date(Date.UTC(c.year, c.month - 1, c.day + days));
  const local = fromWallClock(
    tz,
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    c.hour,
    c.minute,
    c.second,
    c.millisecond,
  );
  return local + (ms - days * DAY);
}

/** A parameter or trait used as a duration: text is parsed, a number counts days. */
function valueSpec(value: boolean | number | string | undefined): Spec {
  if (typeof value === 'number') return { kind: 'elapsed', ms: Math.round(value * DAY) };
  if (typeof value === 'string') return parseLength(value);
  return { kind: 'elapsed', ms: 0 };
}

function calendarFree(spec: Spec): number {
  if (spec.kind === 'elapsed') return spec.ms;
  if (spec.kind === 'business-hours') return spec.hours * HOUR;
  return spec.days * DAY;
}

/**
 * Open days count the day it starts on when that day is open at that moment or later
 * (103: ready Saturday 10:00, "held for 2 open days" = Saturday and Tuesday, ends Tuesday
 * 10:00); business days count the days after it (harness/clock's rule).
 */
function add(calendar: BusinessCalendar, from: number, spec: Spec): number {
  if (spec.kind !== 'open-days') return calendar.add(from, spec);
  const days = Math.ceil(spec.days);
  if (days <= 0) return from;
  const startsOpen = calendar.isOpen(from) || sameLocalDay(calendar, from, calendar.nextOpen(from));
  return calendar.addBusinessDays(from, startsOpen ? days - 1 : days);
}

function sameLocalDay(calendar: BusinessCalendar, a: number, b: number): boolean {
  if (!Number.isFinite(b)) return false;
  const zone = timeZone(calendar.timezone);
  const x = wallClock(a, zone);
  const y = wallClock(b, zone);
  return x.year === y.year && x.month === y.month && x.day === y.day;
}
