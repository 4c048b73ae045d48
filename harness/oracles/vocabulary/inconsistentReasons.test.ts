import { describe, expect, it } from 'vitest';
import { inconsistentReasons } from './inconsistentReasons.ts';
import { ctxOf, ev, h } from './testdata/toy.ts';

describe('inconsistent-reasons', () => {
  const said = (t: number, channel: string, words: string, subject = 'order') =>
    ev(t, 'support.said', { channel, reason: `why-${subject}`, said: words, subject });

  it('fires when two channels give different words about one subject', () => {
    const events = [
      said(h(1), 'chat', 'we are out of stock'),
      said(h(2), 'counter', 'your card was declined'),
    ];
    const [f] = inconsistentReasons.check(ctxOf(events));
    expect(f!.message).toContain('Toy web chat said “we are out of stock”');
    expect(f!.message).toContain('Toy counter said “your card was declined”');
  });

  it('fires when two channels word one reason differently, though different steps said it', () => {
    const events = [
      ev(h(1), 'support.said', {
        channel: 'chat',
        reason: 'r',
        said: 'we are out of stock',
        subject: 'hold',
      }),
      ev(h(2), 'support.said', {
        channel: 'counter',
        reason: 'r',
        said: 'it was not collected',
        subject: 'status',
      }),
    ];
    expect(inconsistentReasons.check(ctxOf(events))[0]!.message).toContain('“hold, then cancel” (hold)');
  });

  it('does not fire when the channels agree, or speak of different subjects', () => {
    const events = [
      said(h(1), 'chat', 'We are out of stock.'),
      said(h(2), 'counter', 'we are out of stock'),
      said(h(3), 'counter', 'your card was declined', 'account'),
    ];
    expect(inconsistentReasons.check(ctxOf(events))).toEqual([]);
  });
});
