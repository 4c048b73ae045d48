import { describe, expect, it } from 'vitest';
import { conditionPlugins, holds, lookInSpam, perform } from './index.ts';
import { toyWorld } from './testkit.ts';

const profile = {
  capabilities: { on: true, off: false },
  calendars: [{ id: 'office', timezone: 'Europe/London', hours: { mon: '09:00-17:00' } }],
  channels: [
    { id: 'web', kind: 'web', medium: 'account' },
    { id: 'desk', kind: 'phone', medium: 'phone-number', calendar: 'office' },
    { id: 'email', kind: 'email', medium: 'email' },
  ],
  messages: [{ id: 'note', name: 'note', tells: ['ready'] }],
  facts: [
    { id: 'ready', description: 'ready', initially: true },
    { id: 'gone', description: 'gone' },
  ],
  traits: [
    { id: 'patient', description: 'patient', type: 'boolean', default: true },
    { id: 'age', description: 'age', type: 'number', default: 40 },
  ],
  actions: [
    {
      id: 'buy',
      label: 'buy',
      by: 'customer',
      on: 'web',
      takes: 'PT0S',
      effects: [{ charge: { tag: 'order', amount: 20 } }],
    },
    {
      id: 'mail',
      label: 'mail',
      by: 'customer',
      on: 'web',
      takes: 'PT0S',
      effects: [{ send: { message: 'note', via: 'email' } }],
    },
  ],
};

describe('conditions', () => {
  const w = () =>
    toyWorld({
      profile,
      traits: { age: 70 },
      scenario: {
        start: '2026-03-02T10:00',
        customer: { addresses: { email: { current: 'a@example.net' } } },
      },
    });

  it('fact, not, all, any', () => {
    const x = w();
    expect(holds(x, { all: [{ fact: 'ready' }, { not: { fact: 'gone' } }] })).toBe(true);
    expect(holds(x, { any: [{ fact: 'gone' }, { not: { fact: 'ready' } }] })).toBe(false);
  });

  it('trait (default and persona value), capability, open', () => {
    const x = w();
    expect(holds(x, { trait: 'patient' })).toBe(true);
    expect(holds(x, { trait: 'age', atLeast: 65 })).toBe(true);
    expect(holds(x, { capability: 'on' })).toBe(true);
    expect(holds(x, { capability: 'off' })).toBe(false);
    expect(holds(x, { open: 'desk' })).toBe(true);
    expect(holds(x, { open: 'web' })).toBe(true);
  });

  it('money: net, held and charges by tag', () => {
    const x = w();
    perform(x, 'buy');
    perform(x, 'buy');
    expect(holds(x, { money: { charges: { tag: 'order', atLeast: 2 } } })).toBe(true);
    expect(holds(x, { money: { net: { atMost: 39 } } })).toBe(false);
    expect(holds(x, { money: { held: { atLeast: 40 } } })).toBe(true);
  });

  it('knows and has follow what the customer saw; spam only after looking', () => {
    const x = toyWorld({
      profile,
      scenario: {
        start: '2026-03-02T10:00',
        customer: { addresses: { email: { current: 'a@example.net' } } },
      },
      faults: [{ fault: 'mail.spam-foldered', params: { kind: 'note' } }],
    });
    perform(x, 'mail');
    expect(holds(x, { has: { message: 'note' } })).toBe(false);
    expect(holds(x, { knows: 'ready' })).toBe(false);
    expect(lookInSpam(x)).toBe(true);
    expect(holds(x, { has: { message: 'note', via: 'email' } })).toBe(true);
    expect(holds(x, { knows: 'ready' })).toBe(true);
  });

  it('a quarantined message is never seen', () => {
    const x = toyWorld({
      profile,
      scenario: { customer: { addresses: { email: { current: 'a@example.net' } } } },
      faults: [{ fault: 'mail.quarantined', params: { kind: 'note' } }],
    });
    perform(x, 'mail');
    expect(lookInSpam(x)).toBe(false);
    expect(holds(x, { has: { message: 'note' } })).toBe(false);
  });

  it('plugin conditions registered in code', () => {
    conditionPlugins.set('always', () => true);
    expect(holds(w(), { plugin: 'always' })).toBe(true);
    conditionPlugins.delete('always');
  });
});
