import { describe, expect, it } from 'vitest';
import { vocabularyFault, vocabularyFaults } from './index.ts';

describe('the vocabulary fault catalogue', () => {
  it('documents every fault like the core catalogue, with its example’s params parsing', () => {
    for (const f of vocabularyFaults) {
      expect(f.summary.length, f.id).toBeGreaterThan(10);
      expect(f.description.length, f.id).toBeGreaterThan(10);
      expect(f.hooks, f.id).toEqual({});
      const params = (f.example as { params?: unknown }).params ?? {};
      expect(f.params.safeParse(params).success, f.id).toBe(true);
    }
    expect(new Set(vocabularyFaults.map((f) => f.id)).size).toBe(vocabularyFaults.length);
  });

  it('accepts exactly the params the stories write', () => {
    const uses: [string, unknown][] = [
      ['record.stale', { record: 'account-phone', in: 'accounts', holds: 'former' }],
      ['mail.spam-foldered', { kind: 'trial-ending' }],
      ['mail.quarantined', { kind: 'dunning-notice' }],
      ['customer.away', {}],
      ['message.suppressed', { kind: 'pickup-ready' }],
      ['payment.timeout', { charges: true }],
      ['order.lost-in-transit', { route: 'return-parcel', hop: 'carrier-hub' }],
      ['systems.silo', { between: ['web-orders', 'store-till'] }],
      ['process.fails', { process: 'nightly-handoff' }],
      ['process.delayed', { process: 'billing-address-sync', by: 'P7D' }],
    ];
    for (const [id, params] of uses)
      expect(vocabularyFault(id)?.params.safeParse(params).success, id).toBe(true);
  });

  it('refuses what is not its params, with the problem named', () => {
    expect(vocabularyFault('record.stale')?.params.safeParse({ record: 'x' }).success).toBe(false);
    expect(
      vocabularyFault('process.delayed')?.params.safeParse({ process: 'p', by: '2 business days' }).success,
    ).toBe(false);
    expect(vocabularyFault('message.suppressed')?.params.safeParse({}).success).toBe(false);
    expect(vocabularyFault('systems.silo')?.params.safeParse({ between: ['a'] }).success).toBe(false);
  });

  it('marks the params that name declarations', () => {
    expect(vocabularyFault('record.stale')?.refs).toEqual({ record: 'record', in: 'system' });
    expect(vocabularyFault('systems.silo')?.refs).toEqual({ between: 'system' });
    expect(vocabularyFault('order.lost-in-transit')?.refs).toEqual({ route: 'route', hop: 'hop' });
  });

  it('hooks strike only their own occurrences', () => {
    const spam = vocabularyFault('mail.spam-foldered')!;
    const p = spam.params.parse({ kind: 'trial-ending' });
    expect(
      spam.world['message.send']?.(p, { message: 'trial-ending', via: 'email', medium: 'email', id: 'm1' }),
    ).toEqual({ place: 'spam' });
    expect(
      spam.world['message.send']?.(p, {
        message: 'trial-ending',
        via: 'sms',
        medium: 'phone-number',
        id: 'm1',
      }),
    ).toBeUndefined();
    expect(
      spam.world['message.send']?.(p, { message: 'other', via: 'email', medium: 'email', id: 'm1' }),
    ).toBeUndefined();
  });
});
