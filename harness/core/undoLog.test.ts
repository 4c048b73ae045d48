import { describe, expect, it } from 'vitest';
import { journaled, plain } from './undoLog.ts';

describe('journaled', () => {
  it('undoes every change made through the view, however it was made, and only those', () => {
    const world = {
      list: [1, 2, 3] as unknown[],
      grow: [] as unknown[],
      nested: { a: { b: 1 }, gone: 'x' } as Record<string, unknown>,
      n: 1,
    };
    const before = structuredClone(world);
    const j = journaled(world);
    const v = j.view;
    v.list.push(4);
    v.list.splice(0, 2);
    v.list.sort();
    v.list.length = 1;
    v.grow.push({ c: v.nested.a });
    v.grow[5] = 'far';
    (v.nested.a as { b: number }).b = 2;
    delete v.nested.gone;
    v.nested.added = [v.nested.a];
    v.n += 1;
    expect(world.n).toBe(2);
    expect(world.grow).toHaveLength(6);
    j.undo();
    expect(world).toEqual(before);
  });

  it('stores plain data: no view is left in the world, and plain() unwraps answers', () => {
    const world = { items: [{ id: 'a' }] as { id: string }[], copy: undefined as unknown };
    const j = journaled(world);
    j.view.copy = { inner: j.view.items[0], list: [j.view.items] };
    expect(() => structuredClone(world)).not.toThrow();
    expect(() => structuredClone(plain(j.view.items[0]))).not.toThrow();
    expect(plain(j.view.items[0])).toBe(world.items[0]);
  });
});
