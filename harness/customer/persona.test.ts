import { describe, expect, it } from 'vitest';
import { deriveSeed, makePersona } from './persona.ts';

describe('personas', () => {
  it('the same seed gives the same person', () => {
    expect(makePersona(42, 0, {})).toEqual(makePersona(42, 0, {}));
    // Interleaving other personas does not change it (faker is re-seeded each time).
    const first = makePersona(42, 0, {});
    makePersona(7, 1, {});
    expect(makePersona(42, 0, {})).toEqual(first);
  });

  it('different seeds give different people with plausible addresses', () => {
    const names = new Set<string>();
    for (let s = 0; s < 50; s++) {
      const p = makePersona(deriveSeed(1, 'scenario', 'none', s), s, {});
      expect(p.name).toMatch(/^\S+ \S/);
      expect(p.email).toMatch(/^[^@\sA-Z]+@example\.net$/);
      names.add(p.name);
    }
    expect(names.size).toBeGreaterThan(45);
  });

  it('keeps a given name and address; an address is derived from a given name', () => {
    expect(makePersona(1, 0, { name: 'Martin Day', email: 'martin.day@example.net' })).toEqual({
      index: 0,
      name: 'Martin Day',
      email: 'martin.day@example.net',
    });
    const p = makePersona(1, 3, { name: 'Martin Day' });
    expect(p.name).toBe('Martin Day');
    expect(p.email).toMatch(/martin/);
    expect(p.index).toBe(3);
  });

  it('derives 32-bit seeds that depend on every part', () => {
    const a = deriveSeed(1, 'x', 'none', 0);
    expect(a).toBe(deriveSeed(1, 'x', 'none', 0));
    expect(Number.isInteger(a) && a >= 0 && a < 2 ** 32).toBe(true);
    expect(
      new Set([
        a,
        deriveSeed(2, 'x', 'none', 0),
        deriveSeed(1, 'y', 'none', 0),
        deriveSeed(1, 'x', 'f', 0),
        deriveSeed(1, 'x', 'none', 1),
      ]).size,
    ).toBe(5);
  });
});
