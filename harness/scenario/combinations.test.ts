import { describe, expect, it } from 'vitest';
import {
  combinationKey,
  countCombinations,
  expectationFor,
  faultCombinations,
  faultLabel,
} from './combinations.ts';
import type { ExpectationRule } from './schema.ts';

describe('faultLabel', () => {
  it('is the id, else the fault name', () => {
    expect(faultLabel({ id: 'spam', fault: 'mail.spam-foldered' })).toBe('spam');
    expect(faultLabel({ fault: 'mail.spam-foldered' })).toBe('mail.spam-foldered');
  });
});

describe('faultCombinations', () => {
  it('lists every subset by size, then in scenario order, [] first', () => {
    expect(faultCombinations(['c', 'a', 'b'])).toEqual([
      [],
      ['c'],
      ['a'],
      ['b'],
      ['c', 'a'],
      ['c', 'b'],
      ['a', 'b'],
      ['c', 'a', 'b'],
    ]);
  });

  it('stops at maxFaults', () => {
    expect(faultCombinations(['a', 'b', 'c'], 1)).toEqual([[], ['a'], ['b'], ['c']]);
    expect(faultCombinations(['a', 'b', 'c'], 0)).toEqual([[]]);
    expect(faultCombinations(['a', 'b'], 9)).toHaveLength(4);
    expect(faultCombinations([])).toEqual([[]]);
  });

  it('countCombinations agrees without building them', () => {
    for (let n = 0; n <= 8; n++) {
      for (let m = 0; m <= n + 1; m++) {
        expect(countCombinations(n, m)).toBe(
          faultCombinations(
            Array.from({ length: n }, (_, i) => `f${i}`),
            m,
          ).length,
        );
      }
    }
    expect(countCombinations(30)).toBe(2 ** 30);
  });
});

describe('combinationKey', () => {
  it('joins labels with + and names the empty one none', () => {
    expect(combinationKey([])).toBe('none');
    expect(combinationKey(['spam'])).toBe('spam');
    expect(combinationKey(['spam', 'mail.bounced'])).toBe('spam+mail.bounced');
  });
});

describe('expectationFor', () => {
  const rules: ExpectationRule[] = [
    { faults: [], outcome: 'ok' },
    { faults: ['b', 'a'], outcome: 'dead-end' },
    { includes: ['a'], outcome: 'recovered' },
    { otherwise: true, outcome: 'recovered-with-help' },
  ];
  const outcome = (combo: string[]) => expectationFor(rules, combo)?.outcome;

  it('takes the first entry that matches', () => {
    expect(outcome([])).toBe('ok');
    expect(outcome(['a', 'b'])).toBe('dead-end'); // exact set, any order
    expect(outcome(['a'])).toBe('recovered');
    expect(outcome(['a', 'b', 'c'])).toBe('recovered'); // includes: a superset
    expect(outcome(['b'])).toBe('recovered-with-help');
  });

  it('returns undefined when nothing matches', () => {
    expect(expectationFor(rules.slice(0, 2), ['c'])).toBeUndefined();
    expect(expectationFor([{ faults: ['a'], outcome: 'ok' }], ['a', 'b'])).toBeUndefined();
    expect(expectationFor([], [])).toBeUndefined();
  });
});
