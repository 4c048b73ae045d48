import { describe, expect, it } from 'vitest';
import { noFeedbackChannel } from './noFeedbackChannel.ts';
import { ctxOf, ev, h, toyLoaded } from './testdata/toy.ts';

describe('no-feedback-channel', () => {
  const gaveUp = ev(h(5), 'customer.gave-up', { reason: 'no way to cancel' });

  it('fires only where the profile declares feedbackSurvey off', () => {
    const off = { ...toyLoaded, profile: { ...toyLoaded.profile, capabilities: { feedbackSurvey: false } } };
    expect(noFeedbackChannel.check(ctxOf([gaveUp], off))[0]!.message).toContain(
      'Toy Shop has no feedback channel',
    );
    expect(noFeedbackChannel.check(ctxOf([gaveUp]))).toEqual([]);
    expect(noFeedbackChannel.check(ctxOf([], off))).toEqual([]);
  });
});
