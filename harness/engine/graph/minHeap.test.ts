import { describe, expect, it } from 'vitest';
import { MinHeap } from './minHeap.ts';

describe('MinHeap', () => {
  it('pops in ascending order', () => {
    const heap = new MinHeap<number>((a, b) => a - b);
    const values = Array.from({ length: 200 }, (_, i) => (i * 7919) % 211);
    for (const v of values) heap.push(v);
    expect(heap.size).toBe(200);
    const out: number[] = [];
    while (heap.size > 0) out.push(heap.pop()!);
    expect(out).toEqual([...values].sort((a, b) => a - b));
    expect(heap.pop()).toBeUndefined();
  });

  it('keeps insertion order among equal keys, also when pushes and pops interleave', () => {
    const heap = new MinHeap<{ t: number; name: string }>((a, b) => a.t - b.t);
    heap.push({ t: 5, name: 'a' });
    heap.push({ t: 1, name: 'b' });
    heap.push({ t: 5, name: 'c' });
    expect(heap.pop()!.name).toBe('b');
    heap.push({ t: 5, name: 'd' });
    heap.push({ t: 3, name: 'e' });
    heap.push({ t: 5, name: 'f' });
    const names: string[] = [];
    while (heap.size > 0) names.push(heap.pop()!.name);
    expect(names).toEqual(['e', 'a', 'c', 'd', 'f']);
  });
});
