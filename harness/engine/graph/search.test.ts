import { describe, expect, it } from 'vitest';
import { type Graph, searchGraph } from './search.ts';

/** A toy: a counter at time t; `inc` adds 1 after 1 hour, `double` doubles after 3 hours, `nop` waits. */
type S = { n: number; t: number };
const counter = (goal: number, extra: Partial<Graph<S, string>> = {}): Graph<S, string> => ({
  start: { n: 1, t: 0 },
  events: () => ['inc', 'double', 'nop'],
  next: (s, e) => {
    const n = e === 'inc' ? s.n + 1 : e === 'double' ? s.n * 2 : s.n;
    const t = s.t + (e === 'double' ? 3 : 1);
    return n > goal * 2 ? undefined : { n, t };
  },
  key: (s) => String(s.n),
  at: (s) => s.t,
  isGoal: (s) => s.n === goal,
  ...extra,
});

describe('searchGraph', () => {
  it('finds the earliest arrival, not the shortest path', () => {
    // 1 → 8: three doubles take 9 h; inc ×7 takes 7 h; inc, inc, inc, double = 3 + 3 = 6 h.
    const r = searchGraph(counter(8));
    expect(r.found!.state).toEqual({ n: 8, t: 6 });
    expect(r.found!.path).toEqual(['inc', 'inc', 'inc', 'double']);
  });

  it('visits each distinct state once: waiting in place never grows the search', () => {
    const r = searchGraph(counter(1000, { isGoal: () => false }));
    // Every n from 1 to 2000 at most once, although `nop` is open everywhere.
    expect(r.distinct).toBeLessThanOrEqual(2000);
    expect(r.explored).toBe(r.distinct);
  });

  it('reports no goal within the depth bound, and finds it when the bound allows', () => {
    expect(searchGraph(counter(8, { maxDepth: 3 })).found).toBeUndefined();
    expect(searchGraph(counter(8, { maxDepth: 4 })).found?.path).toHaveLength(4);
  });

  it('is deterministic: ties in time keep the order the events were offered in', () => {
    const g: Graph<string, string> = {
      start: '',
      events: (s) => (s.length < 2 ? ['a', 'b'] : []),
      next: (s, e) => s + e,
      key: (s) => s,
      at: (s) => s.length,
      isGoal: (s) => s.length === 2,
    };
    expect(searchGraph(g).found!.state).toBe('aa');
  });
});
