import { describe, expect, it } from 'vitest';
import { maskKey, maskResults, maskText } from '../core/contract.ts';
import { reportCatalogue } from '../engine/reportCatalogue.ts';
import { SAMPLE_SECRETS, sampleResults } from './fixtures/sample-results.ts';
import { parseResults } from './json.ts';
import { REPORTER_NAMES, reporters } from './reporter.ts';

describe('maskText', () => {
  it('keeps only the last four digits of a card number, however it is written', () => {
    expect(maskText('card 4242424242424242 ok')).toBe('card •••• 4242 ok');
    expect(maskText('card 4242 4242 4242 4242.')).toBe('card •••• 4242.');
    expect(maskText('card 5555-5555-5555-4444')).toBe('card •••• 4444');
    expect(maskText('amex 378282246310005')).toBe('amex •••• 0005');
    expect(maskText('13 digits 4222222222222 and 19 digits 6011000990139424123')).toBe(
      '13 digits •••• 2222 and 19 digits •••• 4123',
    );
  });

  it('leaves dates, times, amounts, phone numbers and short ids alone', () => {
    const text =
      'On 2026-01-05T09:00:00Z support reopens; call +1 555 123 4567; order 2025-1224-0042; paid $250.00; ending 4242.';
    expect(maskText(text)).toBe(text);
  });

  it('masks key-shaped strings but for their last four characters', () => {
    expect(maskText('licence key CVL7-9F3K-QQ2M-X4HD.')).toBe('licence key ••••-••••-••••-X4HD.');
    expect(maskText('key ABCDE-12345-FGHIJ')).toBe('key •••••-•••••-•GHIJ');
    expect(maskText('see mail.quarantined + support.closed, ISSUE-1234')).toBe(
      'see mail.quarantined + support.closed, ISSUE-1234',
    );
  });
});

describe('maskKey', () => {
  it('keeps the shape and the last four characters; hides short secrets whole', () => {
    expect(maskKey('CVL7-9F3K-QQ2M-X4HD')).toBe('••••-••••-••••-X4HD');
    expect(maskKey('abcdef123456')).toBe('••••••••3456');
    expect(maskKey('abc')).toBe('••••');
  });
});

describe('maskResults', () => {
  it('masks licence-key fields in data and leaves the replay command and times untouched', () => {
    const masked = maskResults(sampleResults());
    const run = masked.scenarios[0]!.runs[0]!;
    expect(run.trace[2]!.data).toEqual({ to: 'jo.carter@example.com', licenceKey: '••••-••••-••••-X4HD' });
    expect(run.trace[4]!.data).toEqual({ key: '••••-••••-••••-X4HD' });
    expect(run.trace[0]!.data?.card).toBe('•••• 4242');
    expect(run.trace[0]!.at).toBe('2025-12-24T22:32:00.000Z');
    expect(run.replay).toBe(sampleResults().scenarios[0]!.runs[0]!.replay);
  });

  it('masks a field named key whatever its shape, and numeric card fields', () => {
    const masked = maskResults({
      data: { key: 'short-secret-value', licenseKey: 'zz', card: 4111111111111111, n: 7 },
    });
    expect(masked.data).toEqual({ key: '•••••-••••••-•alue', licenseKey: '••••', card: '•••• 1111', n: 7 });
  });

  it('is idempotent, keeps key order and still satisfies the contract', () => {
    const once = maskResults(sampleResults());
    expect(maskResults(once)).toEqual(once);
    expect(JSON.stringify(Object.keys(once))).toBe(JSON.stringify(Object.keys(sampleResults())));
    expect(() => parseResults(once)).not.toThrow();
  });
});

describe('every report', () => {
  it('shows no full card number or licence key from the sample, only their last four', () => {
    const raw = JSON.stringify(sampleResults());
    for (const secret of [...SAMPLE_SECRETS.cards, ...SAMPLE_SECRETS.keys]) expect(raw).toContain(secret);
    for (const name of REPORTER_NAMES) {
      const content = reporters[name]
        .files(sampleResults(), reportCatalogue())
        .map((f) => f.content)
        .join('\n');
      for (const secret of [...SAMPLE_SECRETS.cards, ...SAMPLE_SECRETS.keys]) {
        expect(content, `${name} leaks ${secret}`).not.toContain(secret);
      }
      expect(content.replace(/[\s-]/g, ''), `${name} leaks a card number`).not.toMatch(
        /4242424242424242|5555555555554444/,
      );
      expect(content, name).not.toMatch(/CVL7|9F3K|QQ2M/);
      if (name !== 'md') expect(content, name).toContain('•••• 4242');
      if (name !== 'md') expect(content, name).toContain('X4HD');
    }
  });
});
