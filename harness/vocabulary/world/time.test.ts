import { describe, expect, it } from 'vitest';
import { at, local, toyWorld } from './testkit.ts';
import { endOf, parseLength } from './time.ts';

const store = {
  id: 'store',
  timezone: 'Europe/London',
  hours: {
    mon: '07:00-20:00',
    tue: '07:00-20:00',
    wed: '07:00-20:00',
    thu: '07:00-20:00',
    fri: '07:00-20:00',
    sat: '07:00-20:00',
  },
  holidays: [
    { date: '2026-04-03', name: 'Good Friday' },
    { date: '2026-04-06', name: 'Easter Monday' },
  ],
};
const office = {
  id: 'office',
  timezone: 'Europe/London',
  hours: {
    mon: '09:00-17:00',
    tue: '09:00-17:00',
    wed: '09:00-17:00',
    thu: '09:00-17:00',
    fri: '09:00-17:00',
  },
  extends: ['uk-holidays-2025-2026'],
};

const world = () =>
  toyWorld({
    profile: {
      calendars: [store, office],
      parameters: { hold: '2 open days', days: 3 },
      traits: [{ id: 'every', description: 'how often', type: 'duration', default: 'P2D' }],
    },
    traits: { every: 'P3D' },
  });

describe('business time', () => {
  it('business days skip the weekend and a holiday of an extended file calendar', () => {
    const w = world();
    // Thursday 2 April 10:00 + 2 business days: Good Friday and Easter Monday are bank holidays.
    expect(local(w, endOf(w.ctx, '2 business days', at(w, '2026-04-02T10:00'), ['office']))).toBe(
      '2026-04-08T10:00',
    );
    // Friday 13 March 15:00 + 1 business day is Monday 15:00.
    expect(local(w, endOf(w.ctx, '1 business day', at(w, '2026-03-13T15:00'), ['office']))).toBe(
      '2026-03-16T15:00',
    );
  });

  it('the object form names its calendar and wins over the element’s', () => {
    const w = world();
    const t = endOf(w.ctx, { length: '1 business day', calendar: 'office' }, at(w, '2026-04-04T10:00'), [
      'store',
    ]);
    expect(local(w, t)).toBe('2026-04-07T10:00');
  });

  it('open hours count only the hours open', () => {
    const w = world();
    // Thursday 19:00: one hour left; Friday is Good Friday; Saturday opens at 07:00.
    expect(local(w, endOf(w.ctx, '3 open hours', at(w, '2026-04-02T19:00'), ['store']))).toBe(
      '2026-04-04T09:00',
    );
  });

  it('open days count the day it starts on when open', () => {
    const w = world();
    // Saturday 10:00, 2 open days: Saturday and Tuesday (Sunday has no hours, Monday is a holiday).
    expect(local(w, endOf(w.ctx, { param: 'hold' }, at(w, '2026-04-04T10:00'), ['store']))).toBe(
      '2026-04-07T10:00',
    );
  });

  it('a range takes its upper end and keeps its words', () => {
    expect(parseLength('3-5 business days')).toEqual({ kind: 'business-days', days: 5 });
  });

  it('a holidays-only calendar counts weekdays that are not holidays', () => {
    const w = world();
    const t = endOf(
      w.ctx,
      { length: '1 business day', calendar: 'uk-holidays-2025-2026' },
      at(w, '2026-04-02T12:00'),
      [],
    );
    expect(local(w, t)).toBe('2026-04-07T12:00');
  });

  it('elapsed whole days are calendar days in the zone (across the change to summer time)', () => {
    const w = world();
    expect(local(w, endOf(w.ctx, { trait: 'every' }, at(w, '2026-03-28T09:00'), []))).toBe(
      '2026-03-31T09:00',
    );
    expect(local(w, endOf(w.ctx, { param: 'days' }, at(w, '2026-03-28T09:00'), []))).toBe('2026-03-31T09:00');
    expect(local(w, endOf(w.ctx, 'PT4H', at(w, '2026-03-28T09:00'), []))).toBe('2026-03-28T13:00');
  });
});
