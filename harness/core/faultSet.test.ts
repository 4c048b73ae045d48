import { describe, expect, it } from 'vitest';
import { faultCatalogue } from '../services/index.ts';
import { type ActiveFault, FaultSet } from './faultSet.ts';
import { emptyWorld } from './world.ts';

const HOUR = 3_600_000;

function active(over: Partial<ActiveFault> & { fault?: string } = {}): ActiveFault {
  const def = faultCatalogue.get(over.fault ?? 'mail.spam-foldered')!;
  return {
    label: over.label ?? def.id,
    def,
    params: over.params ?? def.params.parse({}),
    from: over.from ?? Number.NEGATIVE_INFINITY,
    until: over.until ?? Number.POSITIVE_INFINITY,
    probability: over.probability ?? 1,
    times: over.times,
  };
}

const mail = (i: number | string, kind: 'licence-key' | 'shipped' = 'licence-key') => ({
  kind,
  to: 'a@example.net',
  id: `msg_${i}`,
});

describe('FaultSet', () => {
  it('hits inside the window only: from is included, until is not', () => {
    const set = new FaultSet([active({ from: 10 * HOUR, until: 20 * HOUR })], 'k');
    const w = emptyWorld(10 * HOUR - 1, 'a@example.net');
    expect(set.hit(w, 'mail', mail(1))).toBeUndefined();
    w.now = 10 * HOUR;
    expect(set.hit(w, 'mail', mail(2))).toEqual({
      label: 'mail.spam-foldered',
      fault: 'mail.spam-foldered',
      result: { folder: 'spam' },
    });
    w.now = 20 * HOUR - 1;
    expect(set.hit(w, 'mail', mail(3))).toBeDefined();
    w.now = 20 * HOUR;
    expect(set.hit(w, 'mail', mail(4))).toBeUndefined();
  });

  it('hits only the first `times` matching occurrences, counted per world', () => {
    const set = new FaultSet([active({ times: 2, params: { kind: 'licence-key' } })], 'k');
    const w = emptyWorld(0, 'a@example.net');
    // Occurrences the hook does not match do not count.
    expect(set.hit(w, 'mail', mail(1, 'shipped'))).toBeUndefined();
    expect(set.hit(w, 'mail', mail(2))).toBeDefined();
    expect(set.hit(w, 'mail', mail(3))).toBeDefined();
    expect(set.hit(w, 'mail', mail(4))).toBeUndefined();
    expect(w.faultHits).toEqual({ 'mail.spam-foldered': 2 });
    // Another world has its own count.
    expect(set.hit(emptyWorld(0, 'a@example.net'), 'mail', mail(5))).toBeDefined();
  });

  it('only consults faults with a hook for the point', () => {
    const set = new FaultSet([active({ fault: 'payment.declined' })], 'k');
    expect(set.hit(emptyWorld(0, 'a@example.net'), 'mail', mail(1))).toBeUndefined();
  });

  it('the first active fault that strikes wins', () => {
    const set = new FaultSet(
      [
        active({ label: 'shipped-only', params: { kind: 'shipped' } }),
        active({ label: 'quarantine', fault: 'mail.quarantined' }),
      ],
      'k',
    );
    const w = emptyWorld(0, 'a@example.net');
    expect(set.hit(w, 'mail', mail(1, 'shipped'))?.label).toBe('shipped-only');
    expect(set.hit(w, 'mail', mail(2, 'licence-key'))?.label).toBe('quarantine');
  });

  it('draws the same answer for the same seed key and occurrence, in any world', () => {
    const pattern = (seedKey: string) => {
      const set = new FaultSet([active({ probability: 0.5 })], seedKey);
      return Array.from({ length: 64 }, (_, i) =>
        set.hit(emptyWorld(0, 'a@example.net'), 'mail', mail(i)) ? 1 : 0,
      ).join('');
    };
    expect(pattern('seed-a')).toBe(pattern('seed-a'));
    expect(pattern('seed-a')).not.toBe(pattern('seed-b'));
    // Asking again for the same occurrence in the same world gives the same answer too.
    const set = new FaultSet([active({ probability: 0.5 })], 'seed-a');
    const w = emptyWorld(0, 'a@example.net');
    for (let i = 0; i < 20; i++)
      expect(Boolean(set.hit(w, 'mail', mail(i)))).toBe(pattern('seed-a')[i] === '1');
  });

  it.each([0.1, 0.3, 0.75])('strikes about %s of many occurrences', (p) => {
    const set = new FaultSet([active({ probability: p })], 'share');
    const w = emptyWorld(0, 'a@example.net');
    const n = 4000;
    let hits = 0;
    for (let i = 0; i < n; i++) if (set.hit(w, 'mail', mail(i))) hits++;
    expect(Math.abs(hits / n - p)).toBeLessThan(0.03);
    expect(w.faultHits['mail.spam-foldered']).toBe(hits);
  });

  it('probability 0 never strikes; a miss does not use up `times`', () => {
    const never = new FaultSet([active({ probability: 0 })], 'k');
    const w = emptyWorld(0, 'a@example.net');
    for (let i = 0; i < 100; i++) expect(never.hit(w, 'mail', mail(i))).toBeUndefined();
    const once = new FaultSet([active({ probability: 0.2, times: 1 })], 'k');
    let hits = 0;
    for (let i = 0; i < 200; i++) if (once.hit(w, 'mail', mail(i))) hits++;
    expect(hits).toBe(1);
  });

  it('lists the support closures and silos of its faults', () => {
    const set = new FaultSet(
      [
        active({
          fault: 'support.closed',
          from: 1,
          until: 2,
          params: { channels: ['phone'], reason: 'Christmas holidays' },
        }),
        active({ fault: 'systems.silo', params: { between: ['a', 'b'] } }),
      ],
      'k',
    );
    expect(set.closures()).toEqual([
      { channels: ['phone'], from: 1, until: 2, reason: 'Christmas holidays' },
    ]);
    expect(set.silos()).toEqual([['a', 'b']]);
  });
});
