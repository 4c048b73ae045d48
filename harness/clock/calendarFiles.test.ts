import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CalendarError } from './calendar.ts';
import { CalendarFileError, calendarRegistry, loadCalendarDefinitions } from './calendarFiles.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/calendars', import.meta.url));

describe('the calendar fixtures', () => {
  const loaded = loadCalendarDefinitions(FIXTURES);
  const registry = calendarRegistry(FIXTURES);

  it('loads every file, each named after its id', () => {
    const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.yaml'));
    expect(files).toHaveLength(6);
    expect(loaded.size).toBe(files.length);
    for (const [id, { file }] of loaded) expect(basename(file)).toBe(`${id}.yaml`);
  });

  it.each(['always-open', 'converter-co-support', 'office-9-to-5-ny', 'store-hours-retail'])(
    'builds %s',
    (id) => {
      expect(registry(id).id).toBe(id);
    },
  );

  it.each(['us-holidays-2025-2026', 'uk-holidays-2025-2026'])(
    'keeps %s as a holidays-only calendar',
    (id) => {
      expect(loaded.get(id)?.def.hours).toBeUndefined();
      expect(() => registry(id)).toThrow(CalendarError);
    },
  );

  it('lists the eleven US federal holidays of each year, on weekdays', () => {
    const holidays = loaded.get('us-holidays-2025-2026')!.def.holidays!;
    expect(holidays.filter((h) => h.date.startsWith('2025'))).toHaveLength(11);
    expect(holidays.filter((h) => h.date.startsWith('2026'))).toHaveLength(11);
    for (const { date } of holidays) expect(new Date(`${date}T12:00Z`).getUTCDay() % 6).not.toBe(0);
    expect(holidays).toContainEqual({ date: '2026-07-03', name: 'Independence Day (observed)' });
  });

  it('lists the eight England and Wales bank holidays of each year, on weekdays', () => {
    const holidays = loaded.get('uk-holidays-2025-2026')!.def.holidays!;
    expect(holidays.filter((h) => h.date.startsWith('2025'))).toHaveLength(8);
    expect(holidays.filter((h) => h.date.startsWith('2026'))).toHaveLength(8);
    for (const { date } of holidays) expect(new Date(`${date}T12:00Z`).getUTCDay() % 6).not.toBe(0);
    expect(holidays.map((h) => h.date)).toContain('2026-04-03'); // Good Friday 2026
  });
});

describe('malformed calendar files', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function folder(files: Record<string, string>): string {
    dir = mkdtempSync(join(tmpdir(), 'deadend-calendars-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  }

  function problem(files: Record<string, string>): string {
    const where = folder(files);
    try {
      loadCalendarDefinitions(where);
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarFileError);
      return (error as Error).message.replaceAll(where, 'DIR');
    }
    throw new Error('expected loadCalendarDefinitions to fail');
  }

  const good = 'id: good\ntimezone: UTC\nhours:\n  mon: 09:00-17:00\n';

  it('points at a misspelt field and suggests the right one', () => {
    const text = 'id: desk\ntimezone: UTC\nhollidays:\n  - { date: 2025-12-25, name: Christmas }\n';
    expect(problem({ 'desk.yaml': text })).toBe(
      'DIR/desk.yaml:3:1: unknown field "hollidays" (did you mean "holidays"?); ' +
        'allowed fields: id, name, timezone, hours, holidays, closures, extends',
    );
  });

  it('points at a malformed opening-hours value', () => {
    const text = 'id: desk\ntimezone: UTC\nhours:\n  mon: 09:00-17:00\n  tue: 9-5\n';
    expect(problem({ 'desk.yaml': text })).toMatch(
      /^DIR\/desk\.yaml:5:8: hours\.tue: "9-5" is not an opening-hours range; expected "closed"/,
    );
  });

  it('points at one range inside a list', () => {
    const text = 'id: desk\ntimezone: UTC\nhours:\n  mon: [09:00-12:00, 11:00-17:00]\n';
    expect(problem({ 'desk.yaml': text })).toBe(
      'DIR/desk.yaml:4:22: hours.mon.1: "11:00-17:00" overlaps or comes before the range before it',
    );
  });

  it('points at an impossible holiday date', () => {
    const text =
      'id: desk\ntimezone: UTC\nholidays:\n  - date: 2025-12-25\n    name: Christmas\n  - date: 2025-02-30\n    name: Nope\n';
    expect(problem({ 'desk.yaml': text })).toBe(
      'DIR/desk.yaml:6:11: holidays.1.date: expected a real date like 2025-12-25',
    );
  });

  it('reports a missing field at the object that lacks it', () => {
    expect(problem({ 'desk.yaml': '# a desk\nid: desk\nhours: {}\n' })).toBe(
      'DIR/desk.yaml:2:1: timezone: every calendar needs a timezone, e.g. America/New_York',
    );
  });

  it('reports an unknown time zone at its value', () => {
    expect(problem({ 'desk.yaml': 'id: desk\ntimezone: Europe/Londn\n' })).toMatch(
      /^DIR\/desk\.yaml:2:11: timezone: expected an IANA time zone/,
    );
  });

  it('reports a closure that ends before it starts at its "until"', () => {
    const text =
      'id: desk\ntimezone: UTC\nclosures:\n  - from: 2026-01-05\n    until: 2025-12-24T12:00\n    name: backwards\n';
    expect(problem({ 'desk.yaml': text })).toMatch(
      /^DIR\/desk\.yaml:5:12: closures\.0\.until: "until" must be later/,
    );
  });

  it('reports every schema problem of the file, one per line', () => {
    const message = problem({ 'desk.yaml': 'id: desk\ntimezone: Nowhere\nhours:\n  funday: 09:00-17:00\n' });
    expect(message.split('\n')).toEqual([
      expect.stringMatching(/^DIR\/desk\.yaml:2:11: timezone: /),
      expect.stringMatching(/^DIR\/desk\.yaml:4:3: hours: unknown field "funday"/),
    ]);
  });

  it('reports YAML syntax errors with their position', () => {
    expect(problem({ 'desk.yaml': 'id: desk\ntimezone: UTC\nhours: [09:00-17:00\n' })).toMatch(
      /^DIR\/desk\.yaml:\d+:\d+: /,
    );
    expect(problem({ 'desk.yaml': 'id: desk\nid: again\ntimezone: UTC\n' })).toMatch(
      /^DIR\/desk\.yaml:2:1: .*[Uu]nique/,
    );
  });

  it('reports an empty file as a calendar missing everything', () => {
    expect(problem({ 'empty.yaml': '' })).toBe(
      'DIR/empty.yaml:1:1: expected a mapping with the fields id, name, timezone, hours, holidays, closures, extends',
    );
  });

  it('points at an extends entry naming an unknown calendar', () => {
    const text = 'id: desk\ntimezone: UTC\nhours: {}\nextends:\n  - good\n  - us-holidays\n';
    expect(problem({ 'desk.yaml': text, 'good.yaml': good })).toBe(
      'DIR/desk.yaml:6:5: extends "us-holidays", but there is no calendar with that id (known: desk, good)',
    );
  });

  it('points at the extends entry that closes a cycle', () => {
    const a = 'id: a\ntimezone: UTC\nhours: {}\nextends: [b]\n';
    const b = 'id: b\ntimezone: UTC\nextends: [c]\n';
    const c = 'id: c\ntimezone: UTC\nextends: [a]\n';
    expect(problem({ 'a.yaml': a, 'b.yaml': b, 'c.yaml': c })).toBe(
      'DIR/c.yaml:3:11: extends cycle: a → b → c → a',
    );
  });

  it('refuses two files with the same id, pointing at the second', () => {
    expect(problem({ 'a.yaml': good, 'b.yaml': `# copy\n${good}` })).toBe(
      'DIR/b.yaml:2:5: calendar id "good" is already used by DIR/a.yaml',
    );
  });

  it('exposes the problems as data for the CLI', () => {
    const where = folder({ 'desk.yaml': 'id: desk\ntimezone: UTC\nhours:\n  mon: 9-5\n' });
    try {
      loadCalendarDefinitions(where);
      expect.unreachable();
    } catch (error) {
      expect((error as CalendarFileError).problems).toEqual([
        { file: join(where, 'desk.yaml'), line: 4, col: 8, message: expect.stringContaining('hours.mon') },
      ]);
    }
  });

  it('ignores files that are not YAML', () => {
    const where = folder({ 'good.yaml': good, 'README.md': '# calendars\n' });
    expect([...loadCalendarDefinitions(where).keys()]).toEqual(['good']);
  });
});
