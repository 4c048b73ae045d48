import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggest } from './didYouMean.ts';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('order', 'order')).toBe(0);
    expect(editDistance('ordr', 'order')).toBe(1);
    expect(editDistance('orderr', 'order')).toBe(1);
    expect(editDistance('ordir', 'order')).toBe(1);
    expect(editDistance('odrer', 'order')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('suggest', () => {
  const steps = ['order', 'await-mail', 'await-delivery', 'install', 'activate', 'log-in', 'wait'];

  it('finds the likely typo', () => {
    expect(suggest('ordr', steps)).toBe('order');
    expect(suggest('odrer', steps)).toBe('order');
    expect(suggest('await-mial', steps)).toBe('await-mail');
    expect(suggest('Install', steps)).toBe('install');
    expect(suggest('resendConfirmaton', ['resendConfirmation', 'cancelOnline'])).toBe('resendConfirmation');
  });

  it('says nothing when nothing is close, or the word is too short to guess from', () => {
    expect(suggest('refund', steps)).toBeUndefined();
    expect(suggest('b', ['a', 'c'])).toBeUndefined();
    expect(suggest('x', [])).toBeUndefined();
  });

  it('scales the allowed distance with the length', () => {
    expect(suggest('lgin', ['log-in'])).toBeUndefined(); // 2 edits for 4 letters
    expect(suggest('await-dlivry', steps)).toBe('await-delivery'); // 2 edits for 12 letters
  });

  it('falls back to a candidate the word starts', () => {
    expect(suggest('mail.spam', ['mail.quarantined', 'mail.spam-foldered'])).toBe('mail.spam-foldered');
  });

  it('prefers the closest, then the earlier candidate', () => {
    expect(suggest('cat', ['bat', 'cap', 'cat'])).toBe('cat');
    expect(suggest('cax', ['bat', 'cap', 'car'])).toBe('cap');
  });

  it('didYouMean phrases it', () => {
    expect(didYouMean('ordr', steps)).toBe(' — did you mean "order"?');
    expect(didYouMean('zzz', steps)).toBe('');
  });
});
