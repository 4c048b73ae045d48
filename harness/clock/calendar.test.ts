import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  alwaysOpen,
  type BusinessCalendar,
  buildCalendar,
  type CalendarDefinition,
  CalendarError,
} from './calendar.ts';
import { calendarRegistry, loadCalendarDefinitions, registryFromDefinitions } from './calendarFiles.ts';
import { DAY, HOUR, MINUTE, parseDuration } from './duration.ts';
import { formatInstant, parseInstant } from './instant.ts';

const NY = 'America/New_York';
const ny = (text: string) => parseInstant(text, NY);
const fixtures = calendarRegistry(fileURLToPath(new URL('../../fixtures/calendars', import.meta.url)));
const office = fixtures('office-9-to-5-ny');
const support = fixtures('converter-co-support');
const store = fixtures('store-hours-retail');

const weekdays9to5 = {
  mon: '09:00-17:00',
  tue: '09:00-17:00',
  wed: '09:00-17:00',
  thu: '09:00-17:00',
  fri: '09:00-17:00',
} as const;

function calendar(def: Partial<CalendarDefinition>): BusinessCalendar {
  return buildCalendar({ id: 'test', timezone: NY, ...def });
}

describe('isOpen / nextOpen / closedBecause', () => {
  it('follows opening hours, with closing time exclusive', () => {
    expect(office.isOpen(ny('2025-12-05T08:59'))).toBe(false);
    expect(office.isOpen(ny('2025-12-05T09:00'))).toBe(true);
    expect(office.isOpen(ny('2025-12-05T16:59:59.999'))).toBe(true);
    expect(office.isOpen(ny('2025-12-05T17:00'))).toBe(false);
  });

  it('is closed over a weekend and reopens on Monday morning', () => {
    const fridayEvening = ny('2025-12-05T17:30');
    expect(office.nextOpen(fridayEvening)).toBe(ny('2025-12-08T09:00'));
    expect(office.closedBecause(fridayEvening)).toEqual({
      reason: 'outside opening hours',
      reopens: ny('2025-12-08T09:00'),
    });
    expect(office.closedBecause(ny('2025-12-06T11:00'))).toEqual({
      reason: 'closed on Saturdays',
      reopens: ny('2025-12-08T09:00'),
    });
    expect(office.closedBecause(ny('2025-12-07T11:00'))?.reason).toBe('closed on Sundays');
  });

  it('returns t itself when open, and null as the reason', () => {
    const t = ny('2025-12-05T10:15');
    expect(office.nextOpen(t)).toBe(t);
    expect(office.closedBecause(t)).toBeNull();
  });

  it('is closed on a holiday from the extended calendar, and names it', () => {
    const thanksgiving = ny('2025-11-27T10:00');
    expect(office.isOpen(thanksgiving)).toBe(false);
    expect(office.closedBecause(thanksgiving)).toEqual({
      reason: 'Thanksgiving Day',
      reopens: ny('2025-11-28T09:00'),
    });
    // The same weekday a week earlier is an ordinary working day.
    expect(office.isOpen(ny('2025-11-20T10:00'))).toBe(true);
  });

  it('keeps the support desk shut from Christmas Eve noon until Monday 5 January', () => {
    expect(support.isOpen(ny('2025-12-24T11:59'))).toBe(true);
    expect(support.isOpen(ny('2025-12-24T12:00'))).toBe(false);
    const order = ny('2025-12-24T17:00');
    expect(support.closedBecause(order)).toEqual({
      reason: 'Christmas holidays',
      reopens: ny('2026-01-05T09:00'),
    });
    expect(formatInstant(support.nextOpen(order), NY, 'long')).toBe('Mon 5 Jan 2026 09:00 EST');
    // A closure explains the wait better than the holiday inside it.
    expect(support.closedBecause(ny('2025-12-25T10:00'))?.reason).toBe('Christmas holidays');
    expect(support.isOpen(ny('2026-01-02T10:00'))).toBe(false);
    // The plain office has no such closure: open on the Friday after Christmas.
    expect(office.isOpen(ny('2025-12-26T10:00'))).toBe(true);
  });

  it('applies store hours per weekday in Chicago', () => {
    const chicago = (text: string) => parseInstant(text, 'America/Chicago');
    expect(store.timezone).toBe('America/Chicago');
    expect(store.isOpen(chicago('2025-12-07T10:30'))).toBe(false); // Sunday opens at 11:00
    expect(store.nextOpen(chicago('2025-12-07T10:30'))).toBe(chicago('2025-12-07T11:00'));
    expect(store.isOpen(chicago('2025-12-06T19:59'))).toBe(true); // Saturday until 20:00
    expect(store.closedBecause(chicago('2025-07-04T12:00'))).toEqual({
      reason: 'Independence Day',
      reopens: chicago('2025-07-05T10:00'),
    });
  });

  it('reads extended holidays as whole days in the extending calendar’s timezone', () => {
    const chicago = (text: string) => parseInstant(text, 'America/Chicago');
    const registry = registryFromDefinitions(
      new Map<string, CalendarDefinition>([
        [
          'holidays',
          { id: 'holidays', timezone: NY, holidays: [{ date: '2025-12-25', name: 'Christmas Day' }] },
        ],
        [
          'night-desk',
          {
            id: 'night-desk',
            timezone: 'America/Chicago',
            hours: { wed: '00:00-24:00', thu: '00:00-24:00', fri: '00:00-24:00' },
            extends: ['holidays'],
          },
        ],
      ]),
    );
    const desk = registry('night-desk');
    // 23:30 on the 24th in Chicago is already the 25th in New York: still open.
    expect(desk.isOpen(chicago('2025-12-24T23:30'))).toBe(true);
    expect(desk.isOpen(chicago('2025-12-25T00:00'))).toBe(false);
    expect(desk.isOpen(chicago('2025-12-25T23:30'))).toBe(false);
    expect(desk.nextOpen(chicago('2025-12-25T08:00'))).toBe(chicago('2025-12-26T00:00'));
  });

  it('reports Infinity when a calendar never opens within two years', () => {
    const never = calendar({ hours: {} });
    expect(never.nextOpen(ny('2025-12-24T10:00'))).toBe(Number.POSITIVE_INFINITY);
    expect(never.closedBecause(ny('2025-12-24T10:00'))).toEqual({
      reason: 'closed on Wednesdays',
      reopens: Number.POSITIVE_INFINITY,
    });
    const mothballed = office.withClosure(ny('2026-01-01'), ny('2029-01-01'), 'closed for good');
    expect(mothballed.nextOpen(ny('2026-02-02T10:00'))).toBe(Number.POSITIVE_INFINITY);
    // …but a closure shorter than two years still ends.
    const sabbatical = office.withClosure(ny('2026-01-01'), ny('2027-06-01'), 'sabbatical');
    expect(sabbatical.nextOpen(ny('2026-02-02T10:00'))).toBe(ny('2027-06-01T09:00'));
  });

  it('refuses instants that are not finite numbers', () => {
    expect(() => office.isOpen(Number.NaN)).toThrow(RangeError);
    expect(() => office.nextOpen(Number.NaN)).toThrow(RangeError);
    expect(office.nextOpen(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('daylight saving time', () => {
  it('keeps 09:00 local as the opening across the March change in New York', () => {
    // Friday before the change: EST (UTC-5). Monday after: EDT (UTC-4).
    expect(office.nextOpen(ny('2025-03-07T08:00'))).toBe(Date.UTC(2025, 2, 7, 14));
    expect(office.nextOpen(ny('2025-03-08T12:00'))).toBe(Date.UTC(2025, 2, 10, 13));
    expect(office.isOpen(Date.UTC(2025, 2, 10, 13, 30))).toBe(true);
    expect(office.isOpen(Date.UTC(2025, 2, 7, 13, 30))).toBe(false);
  });

  it('counts business hours in real time across the change', () => {
    expect(office.addBusinessHours(ny('2025-03-07T16:00'), 2)).toBe(Date.UTC(2025, 2, 10, 14));
  });

  it('gives a night shift on the spring-forward night one hour less', () => {
    const nights = calendar({ hours: { sun: '01:00-04:00' } });
    const start = ny('2025-03-09T01:00');
    expect(nights.addBusinessHours(start, 2)).toBe(ny('2025-03-09T04:00'));
    expect(ny('2025-03-09T04:00') - start).toBe(2 * HOUR);
    expect(nights.isOpen(ny('2025-03-09T03:30'))).toBe(true);
    // Three hours of work do not fit that night and spill into the next Sunday.
    expect(nights.addBusinessHours(start, 3)).toBe(ny('2025-03-16T02:00'));
  });

  it('gives it one hour more on the fall-back night', () => {
    const nights = calendar({ hours: { sun: '01:00-03:00' } });
    const start = ny('2025-11-02T01:00');
    expect(nights.addBusinessHours(start, 3)).toBe(ny('2025-11-02T03:00'));
    expect(nights.isOpen(start + 90 * MINUTE)).toBe(true); // the second 01:30, in EST
  });

  it('never opens a range that falls entirely inside the skipped hour', () => {
    const gap = calendar({ hours: { sun: '02:00-03:00' } });
    expect(gap.nextOpen(ny('2025-03-08T12:00'))).toBe(ny('2025-03-16T02:00'));
  });
});

describe('addBusinessDays', () => {
  it('counts open days after the day of t and keeps the time of day', () => {
    expect(office.addBusinessDays(ny('2025-12-03T15:00'), 1)).toBe(ny('2025-12-04T15:00'));
    expect(office.addBusinessDays(ny('2025-12-05T15:00'), 1)).toBe(ny('2025-12-08T15:00'));
    expect(office.addBusinessDays(ny('2025-12-06T10:00'), 1)).toBe(ny('2025-12-08T10:00'));
    expect(office.addBusinessDays(ny('2025-12-05T15:00'), 5)).toBe(ny('2025-12-12T15:00'));
  });

  it('skips holidays', () => {
    expect(office.addBusinessDays(ny('2025-11-26T15:00'), 1)).toBe(ny('2025-11-28T15:00'));
    expect(office.addBusinessDays(ny('2025-12-24T10:00'), 1)).toBe(ny('2025-12-26T10:00'));
    expect(office.addBusinessDays(ny('2026-01-16T12:00'), 1)).toBe(ny('2026-01-20T12:00')); // MLK Day
    expect(office.addBusinessDays(ny('2025-12-31T12:00'), 2)).toBe(ny('2026-01-05T12:00'));
  });

  it('skips a closure', () => {
    expect(support.addBusinessDays(ny('2025-12-24T10:00'), 1)).toBe(ny('2026-01-05T10:00'));
    expect(support.addBusinessDays(ny('2025-12-24T10:00'), 2)).toBe(ny('2026-01-06T10:00'));
  });

  it('skips bank holidays of an extended UK calendar', () => {
    const dir = fileURLToPath(new URL('../../fixtures/calendars', import.meta.url));
    const defs = new Map([...loadCalendarDefinitions(dir)].map(([id, { def }]) => [id, def]));
    defs.set('london-office', {
      id: 'london-office',
      timezone: 'Europe/London',
      hours: weekdays9to5,
      extends: ['uk-holidays-2025-2026'],
    });
    const london = registryFromDefinitions(defs)('london-office');
    const uk = (text: string) => parseInstant(text, 'Europe/London');
    // Christmas Day and Boxing Day, then the weekend.
    expect(london.addBusinessDays(uk('2025-12-24T10:00'), 1)).toBe(uk('2025-12-29T10:00'));
    // Good Friday and Easter Monday.
    expect(london.addBusinessDays(uk('2025-04-17T16:00'), 1)).toBe(uk('2025-04-22T16:00'));
    expect(london.closedBecause(uk('2026-12-28T10:00'))?.reason).toBe('Boxing Day (substitute day)');
  });

  it('clamps the time of day into the target day’s hours', () => {
    expect(office.addBusinessDays(ny('2025-12-05T07:00'), 1)).toBe(ny('2025-12-08T09:00'));
    expect(office.addBusinessDays(ny('2025-12-05T20:00'), 1)).toBe(ny('2025-12-08T17:00'));
    // A half day (closure from noon) ends at noon.
    expect(support.addBusinessDays(ny('2025-12-23T15:00'), 1)).toBe(ny('2025-12-24T12:00'));
  });

  it('keeps the local time of day across a DST change (71 real hours, not 72)', () => {
    const monday = office.addBusinessDays(ny('2025-03-07T15:00'), 1);
    expect(monday).toBe(ny('2025-03-10T15:00'));
    expect(monday - ny('2025-03-07T15:00')).toBe(3 * DAY - HOUR);
  });

  it('returns t for zero days and refuses fractions or negatives', () => {
    const t = ny('2025-12-06T10:00');
    expect(office.addBusinessDays(t, 0)).toBe(t);
    expect(() => office.addBusinessDays(t, 1.5)).toThrow(RangeError);
    expect(() => office.addBusinessDays(t, -1)).toThrow(RangeError);
    expect(calendar({ hours: {} }).addBusinessDays(t, 1)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('addBusinessHours', () => {
  it('ends at closing time when the hours fit the day exactly', () => {
    expect(office.addBusinessHours(ny('2025-12-03T13:00'), 4)).toBe(ny('2025-12-03T17:00'));
    expect(office.addBusinessHours(ny('2025-12-03T13:00'), 5)).toBe(ny('2025-12-04T10:00'));
  });

  it('starts counting at the next opening when closed', () => {
    expect(office.addBusinessHours(ny('2025-12-06T10:00'), 1)).toBe(ny('2025-12-08T10:00'));
    expect(office.addBusinessHours(ny('2025-12-06T10:00'), 0.5)).toBe(ny('2025-12-08T09:30'));
  });

  it('skips the lunch break', () => {
    const lunch = calendar({ hours: { wed: ['09:00-12:00', '13:00-17:00'] } });
    expect(lunch.addBusinessHours(ny('2025-12-03T11:00'), 2)).toBe(ny('2025-12-03T14:00'));
    expect(lunch.isOpen(ny('2025-12-03T12:30'))).toBe(false);
    expect(lunch.closedBecause(ny('2025-12-03T12:30'))?.reopens).toBe(ny('2025-12-03T13:00'));
  });

  it('skips the Christmas closure', () => {
    expect(support.addBusinessHours(ny('2025-12-24T10:00'), 4)).toBe(ny('2026-01-05T11:00'));
  });

  it('returns t for zero hours, even when closed, and refuses negatives', () => {
    const t = ny('2025-12-06T10:00');
    expect(office.addBusinessHours(t, 0)).toBe(t);
    expect(() => office.addBusinessHours(t, -1)).toThrow(RangeError);
  });

  it('covers long spans (1000 business hours is 125 office days)', () => {
    const end = office.addBusinessHours(ny('2025-01-02T09:00'), 1000);
    expect(formatInstant(end, NY, 'long')).toMatch(/2025 17:00 E[SD]T$/);
    expect(office.isOpen(end - 1)).toBe(true);
  });
});

describe('add', () => {
  it('dispatches on the kind of duration', () => {
    const friday = ny('2025-12-05T15:00');
    expect(office.add(friday, parseDuration('4h'))).toBe(ny('2025-12-05T19:00'));
    expect(office.add(friday, parseDuration('4 business hours'))).toBe(ny('2025-12-08T11:00'));
    expect(office.add(friday, parseDuration('2 business days'))).toBe(ny('2025-12-09T15:00'));
  });
});

describe('withClosure (the support.closed fault)', () => {
  it('closes a copy for the window and leaves the original alone', () => {
    const from = ny('2025-12-03T11:00');
    const until = ny('2025-12-04T10:00');
    const faulty = office.withClosure(from, until, 'support.closed');
    expect(faulty.isOpen(ny('2025-12-03T10:59'))).toBe(true);
    expect(faulty.closedBecause(ny('2025-12-03T11:00'))).toEqual({
      reason: 'support.closed',
      reopens: until,
    });
    expect(faulty.isOpen(until)).toBe(true);
    expect(office.isOpen(ny('2025-12-03T11:00'))).toBe(true);
    expect(faulty.addBusinessHours(ny('2025-12-03T10:00'), 2)).toBe(ny('2025-12-04T11:00'));
    expect(faulty.id).toBe(office.id);
  });

  it('stacks closures', () => {
    const twice = office
      .withClosure(ny('2025-12-08T09:00'), ny('2025-12-08T17:00'), 'first')
      .withClosure(ny('2025-12-09T09:00'), ny('2025-12-09T12:00'), 'second');
    expect(twice.nextOpen(ny('2025-12-06T00:00'))).toBe(ny('2025-12-09T12:00'));
    expect(twice.closedBecause(ny('2025-12-08T10:00'))?.reason).toBe('first');
    expect(twice.closedBecause(ny('2025-12-09T10:00'))?.reason).toBe('second');
  });

  it('refuses an empty or backwards window', () => {
    expect(() => office.withClosure(ny('2025-12-04'), ny('2025-12-03'), 'x')).toThrow(RangeError);
  });
});

describe('alwaysOpen', () => {
  it('is open at every instant and adds business days as calendar days', () => {
    const open = alwaysOpen('Europe/London');
    const t = parseInstant('2025-12-25T03:00', 'Europe/London');
    expect(open.isOpen(t)).toBe(true);
    expect(open.nextOpen(t)).toBe(t);
    expect(open.closedBecause(t)).toBeNull();
    expect(open.addBusinessHours(t, 30)).toBe(t + 30 * HOUR);
    expect(open.addBusinessDays(t, 2)).toBe(t + 2 * DAY);
    expect(open.timezone).toBe('Europe/London');
  });

  it('matches the always-open fixture', () => {
    const fixture = fixtures('always-open');
    for (const t of [0, Date.UTC(2025, 11, 24, 23, 59, 59, 999), Date.UTC(2026, 2, 29, 1, 30)]) {
      expect(fixture.isOpen(t)).toBe(true);
    }
  });
});

describe('extends', () => {
  const defs = new Map<string, CalendarDefinition>([
    ['holidays', { id: 'holidays', timezone: NY, holidays: [{ date: '2025-12-25', name: 'Christmas Day' }] }],
    ['base', { id: 'base', timezone: NY, hours: { mon: '08:00-12:00' }, extends: ['holidays'] }],
    ['inherits-hours', { id: 'inherits-hours', timezone: NY, extends: ['base'] }],
    ['own-hours', { id: 'own-hours', timezone: NY, hours: weekdays9to5, extends: ['base'] }],
    ['shut', { id: 'shut', timezone: NY, hours: {}, extends: ['base'] }],
    ['loop-a', { id: 'loop-a', timezone: NY, hours: weekdays9to5, extends: ['loop-b'] }],
    ['loop-b', { id: 'loop-b', timezone: NY, extends: ['loop-a'] }],
    ['dangling', { id: 'dangling', timezone: NY, hours: weekdays9to5, extends: ['nowhere'] }],
  ]);
  const registry = registryFromDefinitions(defs);

  it('lets the extending calendar’s own hours win', () => {
    expect(registry('own-hours').isOpen(ny('2025-12-03T15:00'))).toBe(true); // a Wednesday
    expect(registry('own-hours').isOpen(ny('2025-12-08T08:30'))).toBe(false);
  });

  it('takes hours from the extended calendar when it has none', () => {
    expect(registry('inherits-hours').isOpen(ny('2025-12-08T08:30'))).toBe(true);
    expect(registry('inherits-hours').isOpen(ny('2025-12-03T10:00'))).toBe(false);
  });

  it('includes holidays transitively', () => {
    expect(registry('own-hours').closedBecause(ny('2025-12-25T10:00'))?.reason).toBe('Christmas Day');
  });

  it('treats empty hours as never open, not as "inherit"', () => {
    expect(registry('shut').nextOpen(ny('2025-12-01T00:00'))).toBe(Number.POSITIVE_INFINITY);
  });

  it('refuses a holidays-only calendar on its own', () => {
    expect(() => registry('holidays')).toThrow(CalendarError);
    expect(() => registry('holidays')).toThrow(/"holidays" has no opening hours/);
  });

  it('names the cycle', () => {
    expect(() => registry('loop-a')).toThrow(/cycle: loop-a → loop-b → loop-a/);
  });

  it('names an unknown calendar and the known ones', () => {
    expect(() => registry('dangling')).toThrow(/unknown calendar "nowhere".*known calendars: base, dangling/);
    expect(() => registry('typo')).toThrow(/unknown calendar "typo"/);
  });

  it('builds each calendar once', () => {
    expect(registry('own-hours')).toBe(registry('own-hours'));
  });

  it('validates definitions given in code', () => {
    expect(() => calendar({ hours: { mon: '9-5' } })).toThrow(
      /hours\.mon: "9-5" is not an opening-hours range/,
    );
    expect(() => calendar({ hours: { mon: '17:00-09:00' } })).toThrow(/split hours past midnight/);
    expect(() => calendar({ timezone: 'New York' })).toThrow(/timezone: expected an IANA time zone/);
  });
});

/**
 * An independent, slow answer to "is it open?": read the wall clock with luxon's DateTime and
 * compare minutes of the day. The fast calendar must agree with it everywhere.
 */
function naiveIsOpen(
  t: number,
  zone: string,
  hours: Record<number, Array<[number, number]>>,
  holidays: Set<string>,
) {
  const local = DateTime.fromMillis(t, { zone });
  if (holidays.has(local.toISODate()!)) return false;
  const minute = local.hour * 60 + local.minute;
  return (hours[local.weekday] ?? []).some(([from, until]) => minute >= from && minute < until);
}

describe('agreement with a naive wall-clock implementation', () => {
  const zones = [
    'America/New_York',
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
    'Australia/Lord_Howe',
    'America/Santiago',
    'Asia/Kolkata',
    'Europe/London',
  ];
  const naiveHours: Record<number, Array<[number, number]>> = {
    1: [
      [540, 720],
      [780, 1050],
    ],
    2: [[480, 1080]],
    3: [[480, 1080]],
    4: [[480, 1080]],
    5: [[480, 1080]],
    6: [[0, 1440]],
  };
  const holidays = ['2025-12-25', '2026-01-01', '2026-04-03', '2026-10-17'];

  it.each(zones)('agrees in %s on 2000 random instants over 2025–2026', (zone) => {
    const cal = buildCalendar({
      id: 'mixed',
      timezone: zone,
      hours: {
        mon: ['09:00-12:00', '13:00-17:30'],
        tue: '08:00-18:00',
        wed: '08:00-18:00',
        thu: '08:00-18:00',
        fri: '08:00-18:00',
        sat: '00:00-24:00',
      },
      holidays: holidays.map((date) => ({ date, name: 'holiday' })),
    });
    const isOpen = (t: number) => naiveIsOpen(t, zone, naiveHours, new Set(holidays));
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const from = Date.UTC(2025, 0, 1);
    const span = Date.UTC(2027, 0, 1) - from;
    const disagreements: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const t = from + Math.floor((random() * span) / MINUTE) * MINUTE;
      const at = new Date(t).toISOString();
      if (cal.isOpen(t) !== isOpen(t)) disagreements.push(`isOpen(${at})`);
      const next = cal.nextOpen(t);
      if (!isOpen(next)) disagreements.push(`nextOpen(${at}) is closed`);
      // Nothing opened in between (probed every 30 minutes).
      for (let probe = t; probe < next; probe += 30 * MINUTE) {
        if (isOpen(probe)) disagreements.push(`nextOpen(${at}) skipped ${new Date(probe).toISOString()}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
