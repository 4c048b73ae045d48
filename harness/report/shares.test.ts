import { describe, expect, it } from 'vitest';
import { shareWords } from './shares.ts';

describe('outcome shares in words', () => {
  it('says each outcome’s share and count, and whether the bounds were met', () => {
    const share = {
      entry: 'sms-to-old-number',
      runs: 200,
      outcomes: { recovered: 57, 'dead-end': 143 },
      bounds: { 'dead-end': { atLeast: 0.6, atMost: 0.8 } },
      met: true,
    };
    expect(shareWords('trial-cancel-population', share)).toBe(
      'trial-cancel-population, sms-to-old-number: 200 runs — 28.5 % recovered (57), 71.5 % dead end (143); expected dead end ≥ 60 % and ≤ 80 %: met',
    );
    expect(shareWords('p', { entry: 'otherwise', runs: 4, outcomes: { ok: 4 }, met: true })).toBe(
      'p, otherwise: 4 runs — 100 % ok (4)',
    );
  });
});
