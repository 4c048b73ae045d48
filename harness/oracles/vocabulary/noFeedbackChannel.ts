/**
 * no-feedback-channel over a declared vocabulary. It applies only where the profile declares the
 * seed capability `feedbackSurvey` and has it off: an open profile that says nothing about
 * feedback has not said it lacks a channel, and firing on every stuck journey would be noise.
 */
import { at, eventsOf, finding, type VocabularyOracle } from './context.ts';

export const noFeedbackChannel: VocabularyOracle = {
  id: 'no-feedback-channel',
  severity: 'low',
  summary: 'The customer ran into trouble and the merchant has no feedback channel to hear of it.',
  description:
    'Over a declared vocabulary: fires once per run when the profile declares the capability ' +
    '`feedbackSurvey` as false and the customer gave up (`customer.gave-up`). A profile that does ' +
    'not declare the capability, or a journey where the customer never gave up, does not fire it.',
  check(ctx) {
    if (ctx.loaded.profile.capabilities.feedbackSurvey !== false) return [];
    const gaveUp = eventsOf(ctx.events, 'customer.gave-up');
    const first = gaveUp[0];
    if (!first) return [];
    return [
      finding(
        noFeedbackChannel,
        `The customer gave up on ${at(ctx, first.e.t)} (${first.d.reason ?? 'stuck'}), and ${ctx.loaded.profile.name} has no feedback channel or satisfaction survey through which it would hear of it.`,
        gaveUp.map((g) => g.i),
      ),
    ];
  },
};
