import { describe, expect, it } from 'vitest';
import { prepareOpen, runOpenOne } from './runOpen.ts';
import { gatedToyScenario } from './testdata/gated.ts';

describe('the gap report of a dead end', () => {
  it('names each action the merchant does not offer, once, in its own label', () => {
    const prep = prepareOpen(gatedToyScenario());
    const r = runOpenOne(prep, { name: 'toy', combo: [], persona: 1 }, 1).result;
    expect(r.outcome).toBe('dead-end');
    expect(r.frontier).toContain('Not offered by Toy: sign in with a backup code.');
    expect(r.frontier).toContain('Not offered by Toy: read the newsletter.');
    expect(r.explanation.split('sign in with a backup code')).toHaveLength(2);
    // The frontier's other texts stay.
    expect(r.explanation).toContain('SMS reset reopens on Monday 16 March 2026 at 09:00');
  });
});
