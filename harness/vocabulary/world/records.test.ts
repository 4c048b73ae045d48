import { describe, expect, it } from 'vitest';
import { advanceTo, holds, perform } from './index.ts';
import { visible } from './records.ts';
import { at, events, toyWorld } from './testkit.ts';

const systems = {
  channels: [
    { id: 'web', kind: 'web', medium: 'account' },
    { id: 'till', kind: 'store', medium: 'in-person', sees: ['store'] },
    { id: 'email', kind: 'email', medium: 'email' },
  ],
  systems: [
    { id: 'orders', sharesWith: ['hub'] },
    { id: 'hub', sharesWith: ['store'] },
    { id: 'store' },
    { id: 'island' },
  ],
  records: [
    { id: 'order', description: 'the web order', master: 'orders' },
    { id: 'note', description: 'a note', master: 'island' },
    { id: 'address', description: 'the e-mail on file', master: 'accounts', value: 'address' },
  ],
};

describe('records and visibility', () => {
  it('sharing is transitive and one-way; a record is held by its master from the start', () => {
    const w = toyWorld({ profile: { ...systems, systems: [...systems.systems, { id: 'accounts' }] } });
    expect(visible(w, 'order', 'till')).toBe(true);
    expect(holds(w, { visible: { record: 'order', on: 'store' } })).toBe(true);
    expect(visible(w, 'note', 'till')).toBe(false);
    expect(visible(w, 'order', 'island')).toBe(false);
  });

  it('a silo between two declared systems cuts their link (both ways)', () => {
    const w = toyWorld({
      profile: { ...systems, systems: [...systems.systems, { id: 'accounts' }] },
      faults: [{ fault: 'systems.silo', params: { between: ['hub', 'store'] } }],
    });
    expect(visible(w, 'order', 'till')).toBe(false);
    expect(visible(w, 'order', 'hub')).toBe(true);
  });

  it('a sync copies the value when it runs, so the copy is stale until the next run', () => {
    const w = toyWorld({
      profile: {
        channels: [
          { id: 'web', kind: 'web', medium: 'account' },
          { id: 'email', kind: 'email', medium: 'email' },
        ],
        messages: [{ id: 'invoice', name: 'invoice', carries: ['personal-data'] }],
        systems: [{ id: 'accounts' }, { id: 'billing' }],
        records: [{ id: 'email', description: 'the e-mail', master: 'accounts', value: 'address' }],
        actions: [
          {
            id: 'change',
            label: 'change e-mail',
            by: 'customer',
            on: 'web',
            takes: 'PT0S',
            effects: [{ write: { record: 'email', in: 'accounts', value: 'current' } }],
          },
        ],
        processes: [
          {
            id: 'sync',
            label: 'sync',
            starts: { at: '2026-03-09T02:00' },
            every: 'P7D',
            steps: [
              {
                after: 'PT0S',
                do: [
                  { write: { record: 'email', in: 'billing', value: { record: 'email', in: 'accounts' } } },
                ],
              },
            ],
          },
          {
            id: 'invoice',
            label: 'invoice',
            starts: { at: '2026-03-05T06:00' },
            steps: [
              {
                after: 'PT0S',
                do: [{ send: { message: 'invoice', via: 'email', to: { record: 'email', in: 'billing' } } }],
              },
            ],
          },
        ],
      },
      scenario: {
        customer: {
          addresses: {
            email: { current: 'new@example.net', former: 'old@example.net', changedAt: '2026-03-02T09:00' },
          },
        },
        given: {
          records: [
            { record: 'email', in: 'accounts', value: 'former' },
            { record: 'email', in: 'billing', value: 'former' },
          ],
        },
      },
    });
    perform(w, 'change');
    advanceTo(w, at(w, '2026-03-06T00:00'));
    expect(events(w, 'message.sent')[0]?.data).toMatchObject({ to: 'old@example.net', owner: 'former' });
    advanceTo(w, at(w, '2026-03-09T03:00'));
    expect(w.records.billing?.email?.value).toBe('current');
  });

  it('record.stale: reading the copy gives the former value whatever was written', () => {
    const w = toyWorld({
      profile: {
        channels: [
          { id: 'web', kind: 'web', medium: 'account' },
          { id: 'sms', kind: 'sms', medium: 'phone-number' },
        ],
        messages: [{ id: 'code', name: 'code', carries: ['secret'] }],
        systems: [{ id: 'accounts' }],
        records: [{ id: 'phone', description: 'the phone', master: 'accounts', value: 'address' }],
        actions: [
          {
            id: 'ask',
            label: 'ask for a code',
            by: 'customer',
            on: 'web',
            takes: 'PT0S',
            effects: [{ send: { message: 'code', via: 'sms', to: { record: 'phone', in: 'accounts' } } }],
          },
        ],
      },
      scenario: {
        customer: {
          addresses: { 'phone-number': { current: '+442', former: '+441', changedAt: '2026-02-01T00:00' } },
        },
      },
      faults: [{ fault: 'record.stale', params: { record: 'phone', in: 'accounts', holds: 'former' } }],
    });
    perform(w, 'ask');
    expect(events(w, 'message.sent')[0]?.data).toMatchObject({ to: '+441', owner: 'former' });
    expect(holds(w, { has: { message: 'code' } })).toBe(false);
  });
});
