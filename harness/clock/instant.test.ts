import { describe, expect, it } from 'vitest';
import { formatInstant, InstantError, parseInstant, toIso } from './instant.ts';
import { TimeZoneError } from './wallClock.ts';

const NY = 'America/New_York';

describe('parseInstant', () => {
  it.each([
    ['2025-12-24T17:30', NY, '2025-12-24T22:30:00.000Z'],
    ['2025-12-24 17:30', NY, '2025-12-24T22:30:00.000Z'],
    ['2025-12-24', NY, '2025-12-24T05:00:00.000Z'],
    ['2025-07-01T09:00', NY, '2025-07-01T13:00:00.000Z'],
    ['2025-07-01T09:00', 'Europe/London', '2025-07-01T08:00:00.000Z'],
    ['2025-01-15T09:00', 'Europe/London', '2025-01-15T09:00:00.000Z'],
    ['2025-12-24T17:30', 'Asia/Kolkata', '2025-12-24T12:00:00.000Z'],
    ['2025-12-24T17:30', 'Australia/Sydney', '2025-12-24T06:30:00.000Z'],
    ['2025-12-24T17:30:15.5', 'UTC', '2025-12-24T17:30:15.500Z'],
  ])('reads %s in %s as %s', (text, zone, iso) => {
    expect(toIso(parseInstant(text, zone))).toBe(iso);
  });

  it('lets an explicit Z or offset override the zone', () => {
    expect(toIso(parseInstant('2025-12-24T17:30Z', NY))).toBe('2025-12-24T17:30:00.000Z');
    expect(toIso(parseInstant('2025-12-24T17:30-05:00', 'Asia/Tokyo'))).toBe('2025-12-24T22:30:00.000Z');
    expect(toIso(parseInstant('2025-12-24T17:30+0530', NY))).toBe('2025-12-24T12:00:00.000Z');
  });

  it('moves a time skipped by spring-forward ahead by the gap', () => {
    // 02:30 never happens in New York on 2025-03-09; clocks jump from 02:00 EST to 03:00 EDT.
    expect(toIso(parseInstant('2025-03-09T02:30', NY))).toBe('2025-03-09T07:30:00.000Z');
    expect(formatInstant(parseInstant('2025-03-09T02:30', NY), NY, 'long')).toBe('Sun 9 Mar 2025 03:30 EDT');
  });

  it('reads a time repeated by fall-back as its first occurrence', () => {
    expect(toIso(parseInstant('2025-11-02T01:30', NY))).toBe('2025-11-02T05:30:00.000Z');
    expect(formatInstant(parseInstant('2025-11-02T01:30', NY), NY, 'long')).toBe('Sun 2 Nov 2025 01:30 EDT');
  });

  it.each([
    'tomorrow',
    '17:30',
    '24/12/2025',
    '2025-12-24T17',
    '2025-13-01',
    '2025-02-29',
    '2025-04-31',
    '2025-12-24T24:00',
    '2025-12-24T17:60',
    '2025-12-24T17:30+25:00',
    '',
  ])('rejects %j with a plain message', (text) => {
    expect(() => parseInstant(text, NY)).toThrow(InstantError);
  });

  it('says what is wrong and what to write instead', () => {
    expect(() => parseInstant('24/12/2025', NY)).toThrow(
      /"24\/12\/2025" is not a date-time; write it as 2025-12-24T17:30/,
    );
    expect(() => parseInstant('2025-02-29', NY)).toThrow(/no day 29 in month 02 of 2025/);
    expect(parseInstant('2024-02-29', NY)).toBe(Date.UTC(2024, 1, 29, 5));
  });

  it.each(['Mars/Olympus_Mons', 'local', 'system', '+05:00', ''])('rejects the zone %j', (zone) => {
    expect(() => parseInstant('2025-12-24T17:30', zone)).toThrow(TimeZoneError);
    expect(() => parseInstant('2025-12-24T17:30Z', zone)).toThrow(/not a time zone; use an IANA name/);
  });
});

describe('formatInstant', () => {
  const t = Date.UTC(2025, 11, 24, 22, 32);

  it('prints the three styles in the given zone', () => {
    expect(formatInstant(t, NY)).toBe('24 Dec 17:32');
    expect(formatInstant(t, NY, 'short')).toBe('24 Dec 17:32');
    expect(formatInstant(t, NY, 'long')).toBe('Wed 24 Dec 2025 17:32 EST');
    expect(formatInstant(t, NY, 'date')).toBe('2025-12-24');
  });

  it('puts the same instant on the local date of each zone', () => {
    expect(formatInstant(t, 'Asia/Tokyo', 'long')).toBe('Thu 25 Dec 2025 07:32 UTC+9');
    expect(formatInstant(t, 'Europe/London', 'long')).toBe('Wed 24 Dec 2025 22:32 GMT');
    expect(formatInstant(t, 'America/Chicago', 'long')).toBe('Wed 24 Dec 2025 16:32 CST');
    expect(formatInstant(t, 'Asia/Kolkata', 'long')).toBe('Thu 25 Dec 2025 04:02 UTC+5:30');
    expect(formatInstant(t, 'UTC', 'long')).toBe('Wed 24 Dec 2025 22:32 UTC');
  });

  it('names summer time in America and Europe', () => {
    const july = Date.UTC(2025, 6, 1, 12);
    expect(formatInstant(july, NY, 'long')).toBe('Tue 1 Jul 2025 08:00 EDT');
    expect(formatInstant(july, 'Europe/London', 'long')).toBe('Tue 1 Jul 2025 13:00 BST');
    expect(formatInstant(july, 'Europe/Berlin', 'long')).toBe('Tue 1 Jul 2025 14:00 CEST');
  });

  it('does not pad the day and zero-pads the time', () => {
    expect(formatInstant(Date.UTC(2026, 0, 5, 14, 5), NY)).toBe('5 Jan 09:05');
    expect(formatInstant(Date.UTC(2026, 0, 5, 14, 5), NY, 'date')).toBe('2026-01-05');
  });

  it('round-trips with parseInstant', () => {
    for (const zone of [NY, 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago']) {
      const t2 = parseInstant('2026-01-05T09:00', zone);
      expect(formatInstant(t2, zone, 'date')).toBe('2026-01-05');
      expect(formatInstant(t2, zone)).toBe('5 Jan 09:00');
    }
  });

  it('refuses non-instants and unknown zones', () => {
    expect(() => formatInstant(Number.POSITIVE_INFINITY, NY)).toThrow(RangeError);
    expect(() => formatInstant(t, 'Nowhere/Land')).toThrow(TimeZoneError);
  });
});

describe('toIso', () => {
  it('prints UTC with milliseconds', () => {
    expect(toIso(Date.UTC(2025, 11, 24, 22, 30))).toBe('2025-12-24T22:30:00.000Z');
    expect(toIso(0)).toBe('1970-01-01T00:00:00.000Z');
  });

  it('refuses non-instants', () => {
    expect(() => toIso(Number.NaN)).toThrow(RangeError);
  });
});
