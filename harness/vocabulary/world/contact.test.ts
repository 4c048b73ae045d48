import { describe, expect, it } from 'vitest';
import { advanceTo, contact, contactOptions, contacts, holds } from './index.ts';
import { at, events, local, toyWorld } from './testkit.ts';

const office = {
  id: 'office',
  timezone: 'Europe/London',
  hours: {
    mon: '09:00-17:00',
    tue: '09:00-17:00',
    wed: '09:00-17:00',
    thu: '09:00-17:00',
    fri: '09:00-17:00',
  },
};

function desk(capability: boolean) {
  return {
    calendars: [office],
    capabilities: { fix: capability },
    parties: [{ id: 'partner', name: 'Partner Ltd', role: 'repair partner' }],
    channels: [
      {
        id: 'line',
        name: 'Support line',
        kind: 'phone',
        medium: 'phone-number',
        calendar: 'office',
        responseTime: 'PT20M',
        remedies: ['repair'],
        redirects: { broken: { to: 'other', tells: ['told-to-go'] } },
      },
      {
        id: 'other',
        name: 'Partner line',
        kind: 'phone',
        medium: 'phone-number',
        party: 'partner',
        responseTime: 'PT10M',
        remedies: ['check'],
      },
      {
        id: 'carrier',
        name: 'Carrier',
        kind: 'phone',
        medium: 'phone-number',
        talksTo: 'sender-of-record',
        remedies: ['check'],
      },
    ],
    facts: [
      { id: 'broken', description: 'it is broken', initially: true },
      { id: 'told-to-go', description: 'the partner can help' },
      { id: 'secretly-lost', description: 'it was lost', customerRelevant: true },
    ],
    problems: [
      { id: 'broken', when: { fact: 'broken' }, says: 'it is broken' },
      { id: 'lost', when: { fact: 'secretly-lost' }, says: 'where is it?' },
    ],
    actions: [
      {
        id: 'repair',
        label: 'repair it',
        by: 'staff',
        about: ['broken'],
        capability: 'fix',
        takes: { length: '1 business day', calendar: 'office' },
        effects: [{ clear: 'broken' }],
      },
      { id: 'check', label: 'check it', by: 'staff', about: ['lost'], effects: [{ tell: 'secretly-lost' }] },
    ],
  };
}

describe('contact', () => {
  it('a remedy about the problem applies; its effects land after takes in the channel calendar', () => {
    const w = toyWorld({ profile: desk(true), scenario: { start: '2026-03-06T16:50' } });
    const r = contact(w, 'line', 'broken');
    expect(r).toMatchObject({ outcome: 'resolved', action: 'repair' });
    expect(local(w, w.now)).toBe('2026-03-06T17:10');
    advanceTo(w, r.outcome === 'resolved' ? r.effectsAt : 0);
    expect(local(w, w.now)).toBe('2026-03-09T17:00');
    expect(holds(w, { fact: 'broken' })).toBe(false);
  });

  it('without a remedy that applies, the redirect sends the customer on and teaches its tells', () => {
    const w = toyWorld({ profile: desk(false), scenario: { start: '2026-03-06T10:00' } });
    expect(contact(w, 'line', 'broken')).toMatchObject({ outcome: 'redirected', to: 'other' });
    expect(holds(w, { knows: 'told-to-go' })).toBe(true);
    expect(events(w, 'support.redirected')[0]?.data).toMatchObject({
      channel: 'line',
      to: 'other',
      party: 'merchant',
    });
  });

  it('no remedy, no redirect: unresolved; a sender-of-record line does not talk to the customer', () => {
    const w = toyWorld({ profile: desk(false), scenario: { start: '2026-03-06T10:00' } });
    expect(contact(w, 'other', 'broken').outcome).toBe('unresolved');
    expect(contact(w, 'carrier', 'broken')).toMatchObject({
      outcome: 'unresolved',
      why: 'Carrier talks only to the sender of record',
    });
    expect(contacts(w)).toEqual({ other: 1, partner: 1, carrier: 1, merchant: 1 });
  });

  it('a closed channel is not contacted and says when it opens', () => {
    const w = toyWorld({ profile: desk(true), scenario: { start: '2026-03-07T10:00' } });
    expect(contact(w, 'line', 'broken')).toMatchObject({
      outcome: 'closed',
      why: 'Support line is closed until Monday 9 March 2026 at 09:00',
      opensAt: at(w, '2026-03-09T09:00'),
    });
    expect(contacts(w)).toEqual({});
  });

  it('a problem over a customer-relevant fact the customer has not learned is not brought to anyone', () => {
    const w = toyWorld({
      profile: desk(true),
      scenario: { start: '2026-03-06T10:00', given: { facts: ['secretly-lost'] } },
    });
    expect(contactOptions(w).map((o) => o.problem)).not.toContain('lost');
    expect(contactOptions(w)).toContainEqual({ channel: 'line', problem: 'broken' });
  });
});
