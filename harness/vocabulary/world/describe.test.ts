import { describe, expect, it } from 'vitest';
import { negateDescription } from './describe.ts';
import { describeCondition, describeNegation } from './index.ts';
import { toyWorld } from './testkit.ts';

const w = toyWorld({
  profile: {
    channels: [{ id: 'sms', name: 'SMS', kind: 'sms', medium: 'phone-number' }],
    facts: [
      { id: 'order-open', description: 'a click-and-collect order is open' },
      { id: 'ready', description: 'the order is ready for pick-up' },
      { id: 'holds', description: 'Tom holds the drill' },
    ],
    messages: [{ id: 'ready-text', name: 'order-ready text' }],
    traits: [{ id: 'codes', description: 'Saved the backup codes.', type: 'boolean', default: false }],
  },
});

describe('conditions in words', () => {
  it('words a negation into the sentence, quoting declared names as written', () => {
    expect(describeCondition(w, { not: { fact: 'order-open' } })).toBe('no click-and-collect order open');
    expect(describeCondition(w, { not: { fact: 'ready' } })).toBe('the order is not ready for pick-up');
    expect(describeNegation(w, { has: { message: 'ready-text', via: 'sms' } })).toBe(
      'the customer has not had the order-ready text by SMS',
    );
    expect(describeCondition(w, { not: { fact: 'holds' } })).toBe(
      'it is not the case that Tom holds the drill',
    );
    expect(describeCondition(w, { trait: 'codes' })).toBe('the persona trait “Saved the backup codes”');
    // De Morgan: not (a and b) is (not a) or (not b).
    expect(describeNegation(w, { all: [{ fact: 'ready' }, { knows: 'ready' }] })).toBe(
      'the order is not ready for pick-up or the customer does not know that the order is ready for pick-up',
    );
  });

  it('negates the verb of a declared description, or keeps it whole', () => {
    expect(negateDescription('the account and its data were deleted')).toBe(
      'the account and its data were not deleted',
    );
    expect(negateDescription('the refund has been paid')).toBe('the refund has not been paid');
  });
});
