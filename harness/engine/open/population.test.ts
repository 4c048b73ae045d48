import { describe, expect, it } from 'vitest';
import { runSuite } from '../runner.ts';
import { toyScenario } from './testdata/toy.ts';

/** 40 toy customers, half of whom (bernoulli 0.5) kept the recovery key. */
function population(share: Record<string, unknown>) {
  const loaded = toyScenario({
    personas: 40,
    expect: [{ otherwise: true, outcome: ['recovered', 'recovered-with-help'], share }],
  });
  const keyTrait = loaded.profile.traits.find((t) => t.id === 'has-key')!;
  keyTrait.distribution = { bernoulli: 0.5 };
  return loaded;
}

describe('Monte Carlo personas (personas: N)', () => {
  it('draws each persona’s traits from their distribution, names them by their traits, and says the share', async () => {
    const r = await runSuite([population({ recovered: { atLeast: 0.3, atMost: 0.7 } })], { seed: 1 });
    const runs = r.scenarios[0]!.runs;
    expect(runs).toHaveLength(40);
    const withKey = runs.filter((x) => x.persona.name.endsWith('(has-key: yes)'));
    // Those who drew the key recover on their own, the others with help: both kinds are drawn.
    expect(withKey.length).toBeGreaterThan(10);
    expect(withKey.length).toBeLessThan(30);
    expect(withKey.every((x) => x.outcome === 'recovered')).toBe(true);
    expect(runs.every((x) => x.pass)).toBe(true);
    expect(r.scenarios[0]!.shares).toEqual([
      {
        entry: 'otherwise',
        runs: 40,
        outcomes: { recovered: withKey.length, 'recovered-with-help': 40 - withKey.length },
        bounds: { recovered: { atLeast: 0.3, atMost: 0.7 } },
        met: true,
      },
    ]);
    // Same seed, same people; another seed draws others.
    const again = await runSuite([population({})], { seed: 1 });
    expect(again.scenarios[0]!.runs.map((x) => x.persona.name)).toEqual(runs.map((x) => x.persona.name));
    const other = await runSuite([population({})], { seed: 2 });
    expect(other.scenarios[0]!.runs.map((x) => x.persona.name)).not.toEqual(runs.map((x) => x.persona.name));
  });

  it('a share outside its bounds misses the expectation of every run of the entry, saying the share', async () => {
    const r = await runSuite([population({ recovered: { atLeast: 0.9 } })], { seed: 1 });
    const runs = r.scenarios[0]!.runs;
    expect(runs.every((x) => !x.pass)).toBe(true);
    expect(runs[0]!.failure).toMatch(/the recovered share is [\d.]+ % \(\d+ of 40 runs\), below 90 %/);
    expect(r.scenarios[0]!.shares?.[0]?.met).toBe(false);
  });
});
