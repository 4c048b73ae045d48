import { describe, expect, it } from 'vitest';
import {
  DAY,
  DurationError,
  formatDuration,
  HOUR,
  isDuration,
  MINUTE,
  parseDuration,
  SECOND,
  WEEK,
} from './duration.ts';

const elapsed = (ms: number) => ({ kind: 'elapsed', ms });

describe('parseDuration', () => {
  it.each([
    ['PT4H', 4 * HOUR],
    ['P2D', 2 * DAY],
    ['P1W', WEEK],
    ['P1DT2H30M', DAY + 2 * HOUR + 30 * MINUTE],
    ['PT45S', 45 * SECOND],
    ['PT1.5H', 90 * MINUTE],
    ['pt30m', 30 * MINUTE],
  ])('reads ISO-8601 %s', (text, ms) => {
    expect(parseDuration(text)).toEqual(elapsed(ms));
  });

  it.each([
    ['30m', 30 * MINUTE],
    ['4h', 4 * HOUR],
    ['2d', 2 * DAY],
    ['1w', WEEK],
    ['45s', 45 * SECOND],
    ['1h30m', 90 * MINUTE],
    ['2d 4h', 2 * DAY + 4 * HOUR],
    ['1.5h', 90 * MINUTE],
  ])('reads the short form %s', (text, ms) => {
    expect(parseDuration(text)).toEqual(elapsed(ms));
  });

  it.each([
    ['90 minutes', 90 * MINUTE],
    ['3 days', 3 * DAY],
    ['2 weeks', 2 * WEEK],
    ['1 hour', HOUR],
    ['1 minute', MINUTE],
    ['30 seconds', 30 * SECOND],
    ['2 days and 4 hours', 2 * DAY + 4 * HOUR],
    ['1 hour, 30 minutes', 90 * MINUTE],
    ['  3 Days ', 3 * DAY],
  ])('reads the phrase "%s"', (text, ms) => {
    expect(parseDuration(text)).toEqual(elapsed(ms));
  });

  it.each([
    ['2 business days', { kind: 'business-days', days: 2 }],
    ['1 business day', { kind: 'business-days', days: 1 }],
    ['4 business hours', { kind: 'business-hours', hours: 4 }],
    ['1 business hour', { kind: 'business-hours', hours: 1 }],
    ['1.5 business hours', { kind: 'business-hours', hours: 1.5 }],
    ['3 working days', { kind: 'business-days', days: 3 }],
  ])('keeps "%s" symbolic for the calendar to resolve', (text, spec) => {
    expect(parseDuration(text)).toEqual(spec);
  });

  it.each([
    '',
    '   ',
    'soon',
    '4',
    '4 fortnights',
    'P',
    'PT',
    'P1DT',
    'P1M',
    'P1Y',
    '30m1h',
    '1h1h',
    '4hours',
    '-2d',
    '2 days and',
    '2 days,',
    '1.5 business days',
    'business days',
  ])('rejects %j with a DurationError', (text) => {
    expect(() => parseDuration(text)).toThrow(DurationError);
    expect(isDuration(text)).toBe(false);
  });

  it('explains the accepted forms in plain words', () => {
    expect(() => parseDuration('a fortnight')).toThrow(
      /"a fortnight" is not a duration.*PT4H.*1h30m.*2 business days/,
    );
    expect(() => parseDuration('P1M')).toThrow(/months and years have no fixed length/);
    expect(() => parseDuration('1.5 business days')).toThrow(/whole number/);
  });

  it('isDuration accepts what parseDuration accepts', () => {
    expect(isDuration('2 business days')).toBe(true);
    expect(isDuration('PT4H')).toBe(true);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, 'no time'],
    [4 * DAY, '4 days'],
    [2 * HOUR + 30 * MINUTE, '2 hours 30 minutes'],
    [45 * MINUTE, '45 minutes'],
    [3 * WEEK + 2 * DAY, '3 weeks 2 days'],
    [HOUR, '1 hour'],
    [DAY + HOUR, '1 day 1 hour'],
    [MINUTE + SECOND, '1 minute 1 second'],
    [45 * SECOND, '45 seconds'],
    [400, 'less than a second'],
    [Number.POSITIVE_INFINITY, 'forever'],
    [-2 * HOUR, 'minus 2 hours'],
  ])('%d ms is "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('shows at most two units and rounds the rest away', () => {
    expect(formatDuration(2 * HOUR + 30 * MINUTE + 40 * SECOND)).toBe('2 hours 31 minutes');
    expect(formatDuration(WEEK + 3 * HOUR)).toBe('1 week');
  });

  it('carries rounding into the larger unit', () => {
    expect(formatDuration(HOUR + 59 * MINUTE + 40 * SECOND)).toBe('2 hours');
    expect(formatDuration(6 * DAY + 23 * HOUR + 40 * MINUTE)).toBe('1 week');
    expect(formatDuration(59 * MINUTE + 59 * SECOND + 600)).toBe('1 hour');
  });

  it('round-trips with parseDuration for whole units', () => {
    for (const text of ['3 weeks 2 days', '2 hours 30 minutes', '4 days', '45 minutes']) {
      const spec = parseDuration(text);
      expect(spec.kind === 'elapsed' && formatDuration(spec.ms)).toBe(text);
    }
  });

  it('refuses NaN rather than printing nonsense', () => {
    expect(() => formatDuration(Number.NaN)).toThrow(RangeError);
  });
});
