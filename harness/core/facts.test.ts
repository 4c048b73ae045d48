import { describe, expect, it } from 'vitest';
import { parseFact } from './facts.ts';

describe('parseFact', () => {
  it('splits a fact into what happened and what it happened to', () => {
    expect(parseFact('licence:app')).toEqual({ verb: 'licence', subject: 'app' });
    expect(parseFact('mail:order-confirmation')).toEqual({ verb: 'mail', subject: 'order-confirmation' });
  });

  it('reads a fact about nothing in particular as a verb alone', () => {
    expect(parseFact('logged-in')).toEqual({ verb: 'logged-in' });
  });

  it('keeps a subject that itself contains a colon whole', () => {
    expect(parseFact('resolved:a:b')).toEqual({ verb: 'resolved', subject: 'a:b' });
  });
});
