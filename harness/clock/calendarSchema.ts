/**
 * The calendar definition file (fixtures/calendars/*.yaml): opening hours per weekday,
 * holidays, closures, and other calendars to take holidays and closures from.
 *
 * Objects are strict so that a typo ("hollidays") is an error instead of a silently ignored
 * key that leaves a support desk open on Christmas Day.
 */
import { z } from 'zod';
import { daysInMonth, isTimeZone } from './wallClock.ts';

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

const TIME = String.raw`(?:[01]\d|2[0-3]):[0-5]\d`;
const RANGE = new RegExp(`^(${TIME})-(${TIME}|24:00)$`);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_OR_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T((?:[01]\d|2[0-3]):[0-5]\d))?$/;

const DAY_HOURS_HELP =
  'expected "closed", a range like "09:00-17:00", or a list of ranges like ["09:00-12:00", "13:00-17:00"]';

/** "09:00-17:00" → [540, 1020] minutes after local midnight; undefined if malformed or empty. */
export function parseTimeRange(text: string): [from: number, until: number] | undefined {
  const match = RANGE.exec(text);
  if (!match) return undefined;
  const from = minutes(match[1]!);
  const until = minutes(match[2]!);
  return until > from ? [from, until] : undefined;
}

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function isRealDate(year: string, month: string, day: string): boolean {
  const m = Number(month);
  const d = Number(day);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(Number(year), m);
}

const dayHours = z
  .union([z.string(), z.array(z.string()).min(1)], { error: DAY_HOURS_HELP })
  .superRefine((value, ctx) => {
    if (value === 'closed') return;
    const ranges = typeof value === 'string' ? [value] : value;
    let previousEnd = -1;
    ranges.forEach((range, index) => {
      const path = typeof value === 'string' ? [] : [index];
      const parsed = parseTimeRange(range);
      if (!parsed) {
        const why = RANGE.test(range)
          ? `"${range}" ends before it starts; split hours past midnight across two days`
          : `"${range}" is not an opening-hours range; ${DAY_HOURS_HELP}`;
        ctx.addIssue({ code: 'custom', path, message: why });
        return;
      }
      if (parsed[0] < previousEnd) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `"${range}" overlaps or comes before the range before it`,
        });
      }
      previousEnd = parsed[1];
    });
  });

const date = z.string({ error: 'expected a date like 2025-12-25' }).refine((text) => {
  const match = DATE.exec(text);
  return match !== null && isRealDate(match[1]!, match[2]!, match[3]!);
}, 'expected a real date like 2025-12-25');

const dateOrDateTime = z
  .string({ error: 'expected a date like 2025-12-24 or 2025-12-24T12:00' })
  .refine((text) => {
    const match = DATE_OR_DATE_TIME.exec(text);
    return match !== null && isRealDate(match[1]!, match[2]!, match[3]!);
  }, 'expected a real date like 2025-12-24 or a date and time like 2025-12-24T12:00');

/** A closure boundary as comparable text: a bare date means its midnight. */
export function closureBoundary(text: string): string {
  return text.length === 10 ? `${text}T00:00` : text;
}

/**
 * z.strictObject whose unknown-key message names the allowed keys and the likely intended one.
 */
function strictObject<Shape extends z.ZodRawShape>(shape: Shape) {
  const allowed = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'invalid_type') return `expected a mapping with the fields ${allowed.join(', ')}`;
      if (issue.code !== 'unrecognized_keys') return undefined;
      const key = issue.keys[0] ?? '';
      const guess = closest(key, allowed);
      return `unknown field "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}; allowed fields: ${allowed.join(', ')}`;
    },
  });
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    if (lower.startsWith(candidate) || candidate.startsWith(lower)) return candidate;
    const distance = editDistance(lower, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

const weekHoursSchema = strictObject(
  Object.fromEntries(WEEKDAY_KEYS.map((key) => [key, dayHours.optional()])) as Record<
    WeekdayKey,
    z.ZodOptional<typeof dayHours>
  >,
);

const holidaySchema = strictObject({
  date,
  name: z.string({ error: 'a holiday needs a name' }).min(1, 'a holiday needs a name'),
});

const closureSchema = strictObject({
  from: dateOrDateTime,
  until: dateOrDateTime,
  name: z.string({ error: 'a closure needs a name' }).min(1, 'a closure needs a name'),
}).refine((closure) => closureBoundary(closure.until) > closureBoundary(closure.from), {
  path: ['until'],
  message: '"until" must be later than "from" (it is the first moment the closure is over)',
});

export const calendarSchema = strictObject({
  id: z
    .string({
      error: (issue) => (issue.input === undefined ? 'every calendar needs an id' : 'an id is text'),
    })
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
      'an id is letters, digits, ".", "_" and "-", e.g. office-9-to-5-ny',
    ),
  name: z.string().optional(),
  timezone: z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'every calendar needs a timezone, e.g. America/New_York'
          : 'a timezone is text',
    })
    .refine(isTimeZone, 'expected an IANA time zone such as America/New_York, Europe/London or UTC'),
  /** Missing weekdays are closed. Omit `hours` entirely to take them from the calendars extended. */
  hours: weekHoursSchema.optional(),
  holidays: z.array(holidaySchema).optional(),
  /** `until` is exclusive. Times are wall-clock times in the calendar's timezone. */
  closures: z.array(closureSchema).optional(),
  /** Ids of calendars whose holidays and closures are included (and whose hours, if this one has none). */
  extends: z.array(z.string()).optional(),
});

export type CalendarDefinition = z.infer<typeof calendarSchema>;
export type WeekHoursDefinition = NonNullable<CalendarDefinition['hours']>;
