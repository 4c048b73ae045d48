/** An open world handed over by difference arrives equal, keeps its shared context, and sends only what changed. */
import { describe, expect, it } from 'vitest';
import { append, type TraceEvent, toArray } from '../../core/trace.ts';
import type { VWorld } from '../../vocabulary/world/index.ts';
import { OpenWorldSync } from './openWorldSync.ts';

const event = (t: number, kind: string): TraceEvent => ({ t, actor: 'merchant', kind, text: kind, data: {} });

function world(ctx: unknown): VWorld {
  return {
    ctx,
    now: 0,
    facts: { member: true },
    known: {},
    messages: [],
    records: {},
    ledger: [],
    maxHeld: 0,
    processes: {},
    commitments: [],
    contacts: {},
    effortMs: 0,
    actionCounts: {},
    faultHits: {},
    pending: [{ at: Number.POSITIVE_INFINITY, seq: 1, type: 'customer-back' }],
    seq: 1,
    trace: append(null, event(0, 'fact.set')),
    afterOutcome: false,
    gaveUp: false,
  } as unknown as VWorld;
}

describe('open world sync', () => {
  it('a whole world first, then only the changed parts and the new events; ctx never crosses', () => {
    const here = new OpenWorldSync();
    const there = new OpenWorldSync();
    const a = world({ side: 'harness' });
    const b = world({ side: 'sandbox' });
    b.facts = {};
    there.apply(b, here.diff(a));
    expect(b.facts).toEqual({ member: true });
    expect(b.pending[0]!.at).toBe(Number.POSITIVE_INFINITY);
    expect((b.ctx as unknown as { side: string }).side).toBe('sandbox');
    b.facts = { ...b.facts, cancelled: true };
    b.trace = append(b.trace, event(5, 'action.performed'));
    const back = there.diff(b);
    expect(Object.keys(back.parts)).toEqual(['facts']);
    expect(back.trace).toEqual({ append: [event(5, 'action.performed')] });
    here.apply(a, back);
    expect(a.facts).toEqual({ member: true, cancelled: true });
    expect(toArray(a.trace).map((e) => e.kind)).toEqual(['fact.set', 'action.performed']);
  });

  it('a branch the harness went back to is sent whole (its trace forked)', () => {
    const here = new OpenWorldSync();
    const there = new OpenWorldSync();
    const root = world({});
    const b = world({});
    there.apply(b, here.diff(root));
    const branch = { ...root, trace: append(null, event(1, 'other')) } as VWorld;
    const d = here.diff(branch);
    expect(d.trace).toEqual({ all: [event(1, 'other')] });
    there.apply(b, d);
    expect(toArray(b.trace).map((e) => e.kind)).toEqual(['other']);
  });
});
