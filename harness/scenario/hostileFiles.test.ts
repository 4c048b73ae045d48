/**
 * Files a careless user or an attacker writes: each must be refused by `validate` with
 * file:line:col and exit 2 — never exit 3, never a hang — and the other files' errors still
 * reported. (Each case was a crash or a hang of `run` on a file that validated.)
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateCommand } from '../cli/commands/validate.ts';

const tmp = mkdtempSync(join(tmpdir(), 'deadend-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const base = readFileSync('scenarios/001-late-statement.yaml', 'utf8');

async function validate(...files: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await validateCommand(files, { out: (l) => lines.push(l) });
  return { code, out: lines.join('\n') };
}

function write(name: string, text: string): string {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
}

const cases: Array<[name: string, edit: (s: string) => string, message: RegExp]> = [
  ['notify.delayed by: P', (s) => s.replace('by: P14D', 'by: P'), /not a duration/],
  ['notify.delayed by: garbage', (s) => s.replace('by: P14D', 'by: garbage'), /not a duration/],
  ['notify.delayed by: -5m', (s) => s.replace('by: P14D', 'by: "-5m"'), /not a duration/],
  ['notify.delayed by: P1M', (s) => s.replace('by: P14D', 'by: P1M'), /months and years/],
  [
    'mail.delayed by: P',
    (s) => s.replace('fault: notify.delayed', 'fault: mail.delayed').replace('by: P14D', 'by: P'),
    /not a duration/,
  ],
  ['within: 20 digits', (s) => s.replace('within: P3D', 'within: 99999999999999999999d'), /longer than/],
  ['within: 400 digits', (s) => s.replace('within: P3D', `within: P${'9'.repeat(400)}D`), /longer than/],
  ['business hours', (s) => s.replace('within: P3D', 'within: 99999999999999 business hours'), /longer than/],
  [
    'wait',
    (s) =>
      s.replace(
        '  - await-statement: { within: P3D }',
        '  - wait: { for: 99999999999w }\n  - await-statement: { within: P3D }',
      ),
    /longer than/,
  ],
  [
    'support.closed window {}',
    (s) => s.replace('window: { from: 2026-04-01T00:00, until: 2026-04-20T00:00 }', 'window: {}'),
    /window/,
  ],
  [
    'support.closed only until',
    (s) =>
      s.replace(
        'window: { from: 2026-04-01T00:00, until: 2026-04-20T00:00 }',
        'window: { until: 2026-04-20T00:00 }',
      ),
    /from/,
  ],
  [
    'quantity',
    (s) =>
      s.replace(
        'steps:\n',
        'given: [{ owns: office-chair, at: 2026-03-01T09:00, quantity: 2147483648 }]\nsteps:\n',
      ),
    /quantity|at most/,
  ],
  [
    'huge unknown fault name',
    (s) => s.replace('fault: notify.delayed', `fault: notify.${'x'.repeat(1_000_000)}`),
    /unknown fault/i,
  ],
  [
    'a 10,000-character value where a name goes',
    (s) => s.replace('outcome: dead-end', `outcome: ${'x'.repeat(10_000)}`),
    /outcome/,
  ],
];

describe('validate refuses hostile scenario files with file:line:col and exit 2', () => {
  for (const [name, edit, message] of cases) {
    it(name, async () => {
      const file = write(`${name.replace(/\W+/g, '-')}.yaml`, edit(base));
      const other = write(
        `other-${name.replace(/\W+/g, '-')}.yaml`,
        base.replace('merchant: megamart-online', 'merchant: no-such-shop'),
      );
      const started = performance.now();
      const r = await validate(file, other);
      expect(performance.now() - started).toBeLessThan(5_000); // a hang or a 22 s did-you-mean, not a speed test
      expect(r.code).toBe(2);
      expect(r.out).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: .*`));
      expect(r.out).toMatch(message);
      expect(r.out).toContain('no-such-shop'); // the other file's error is still reported
      expect(r.out.length).toBeLessThan(5_000); // a short excerpt, not the value whole
    });
  }
});

describe('merchant and calendar files that would crash or hang a run', () => {
  const merchants = join(tmp, 'merchants');
  const calendars = join(tmp, 'calendars');
  cpSync('fixtures/merchants', merchants, { recursive: true });
  cpSync('fixtures/calendars', calendars, { recursive: true });
  const shop = readFileSync('fixtures/merchants/megamart-online.yaml', 'utf8');

  async function withMerchant(name: string, merchant: string, calendar?: [string, string]) {
    if (calendar) writeFileSync(join(calendars, calendar[0]), calendar[1]);
    writeFileSync(join(merchants, `${name}.yaml`), merchant.replace('id: megamart-online', `id: ${name}`));
    const file = write(`uses-${name}.yaml`, base.replace('merchant: megamart-online', `merchant: ${name}`));
    const lines: string[] = [];
    const code = await validateCommand([file], {
      merchantsDir: merchants,
      calendarsDir: calendars,
      out: (l) => lines.push(l),
    });
    if (calendar) rmSync(join(calendars, calendar[0]));
    return { code, out: lines.join('\n'), merchantFile: join(merchants, `${name}.yaml`) };
  }

  const merchantCases: Array<[string, (m: string) => string, RegExp, [string, string]?]> = [
    [
      'responseTime in business days',
      (m) => m.replace('2 business days', '99999999999 business days'),
      /longer than/,
    ],
    [
      'product term',
      (m) => m.replace('shippingDays: 4 }', 'shippingDays: 4, term: 999999999d }'),
      /longer than/,
    ],
    [
      'holidays-only channel calendar',
      (m) =>
        m.replace(
          'calendar: office-9-to-5-ny\n    responseTime: PT20M',
          'calendar: us-holidays-2025-2026\n    responseTime: PT20M',
        ),
      /cannot be a channel's calendar/,
    ],
    [
      'calendar file without hours',
      (m) =>
        m.replace(
          'calendar: office-9-to-5-ny\n    responseTime: PT20M',
          'calendar: no-hours\n    responseTime: PT20M',
        ),
      /cannot be a channel's calendar/,
      ['no-hours.yaml', 'id: no-hours\nname: No hours\ntimezone: America/New_York\n'],
    ],
  ];
  for (const [name, edit, message, calendar] of merchantCases) {
    it(name, async () => {
      const r = await withMerchant(name.replace(/\W+/g, '-').toLowerCase(), edit(shop), calendar);
      expect(r.code).toBe(2);
      expect(r.out).toMatch(
        new RegExp(`${r.merchantFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `),
      );
      expect(r.out).toMatch(message);
    });
  }
});

describe('files are read only from inside their folders', () => {
  it('a merchant id that is a path is never opened, and the message does not say whether the file exists', async () => {
    const outside = join(tmp, 'secret.yaml');
    writeFileSync(outside, shop());
    const probe = async (id: string) => {
      const file = write('traversal.yaml', base.replace('merchant: megamart-online', `merchant: "${id}"`));
      return validate(file);
    };
    const existing = await probe(`../../../../../../../..${outside.replace(/\.yaml$/, '')}`);
    const missing = await probe(`../../../../../../../..${outside.replace(/secret\.yaml$/, 'absent')}`);
    expect(existing.code).toBe(2);
    expect(missing.code).toBe(2);
    const scrub = (t: string) => t.replace(/secret|absent/g, 'X');
    expect(scrub(existing.out)).toBe(scrub(missing.out));
    expect(existing.out).toMatch(/traversal\.yaml:\d+:\d+: /);
  });

  it('a symbolic link under the scenarios folder that leads out of it is refused, its target never shown', async () => {
    const dir = join(tmp, 'linked');
    mkdirSync(dir);
    const secret = join(tmp, 'outside.yaml');
    writeFileSync(secret, 'PASSWORD=hunter2: [\n');
    symlinkSync(secret, join(dir, 'leak.yaml'));
    writeFileSync(join(dir, 'fine.yaml'), base);
    const r = await validate(dir);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/leak\.yaml:1:1: a symbolic link that leads out of/);
    expect(r.out).not.toContain('hunter2');
  });

  it('a merchant profile that is a symbolic link out of the merchants folder is refused', async () => {
    const merchants = join(tmp, 'linked-merchants');
    mkdirSync(merchants);
    const outside = join(tmp, 'elsewhere.yaml');
    writeFileSync(outside, shop().replace('id: megamart-online', 'id: linked-shop'));
    symlinkSync(outside, join(merchants, 'linked-shop.yaml'));
    const file = write(
      'uses-linked.yaml',
      base.replace('merchant: megamart-online', 'merchant: linked-shop'),
    );
    const lines: string[] = [];
    const code = await validateCommand([file], { merchantsDir: merchants, out: (l) => lines.push(l) });
    expect(code).toBe(2);
    expect(lines.join('\n')).toMatch(/linked-shop\.yaml:1:1: a symbolic link that leads out of/);
  });

  it('a file over the size limit is refused before it is parsed', async () => {
    const file = write('huge.yaml', `${base}\n# ${'x'.repeat(3 * 2 ** 20)}\n`);
    const r = await validate(file);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/huge\.yaml:1:1: the file is 3\.0 MiB, more than the limit of 2 MiB/);
  });

  it('more steps than the limit is a problem at the steps', async () => {
    const steps = '  - await-statement: { within: P3D }\n'.repeat(501);
    const file = write('many-steps.yaml', base.replace('  - await-statement: { within: P3D }\n', steps));
    const r = await validate(file);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/many-steps\.yaml:\d+:\d+: .*500/);
  });
});

function shop(): string {
  return readFileSync('fixtures/merchants/megamart-online.yaml', 'utf8');
}
