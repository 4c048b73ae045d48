import { describe, expect, it } from 'vitest';
import type { ResultsFile } from '../harness/core/contract.ts';
import { directShop } from '../harness/merchant/shopPort.ts';
import {
  benchFailed,
  benchTargets,
  disagreements,
  meteredShop,
  newMeter,
  renderSection,
  SECTION,
  withSection,
} from './targets.ts';

describe('bench/targets.ts', () => {
  it('measures sim alone and renders its row (smoke run)', { timeout: 20_000 }, async () => {
    const r = await benchTargets({ only: ['sim'], repeat: 1 });
    expect(r.rows.map((x) => x.target)).toEqual(['sim']);
    const sim = r.rows[0]!;
    expect(sim.runs).toBe(r.runs);
    expect(sim.agree).toBe(true);
    expect(sim.actions).toBeGreaterThan(0);
    expect(benchFailed(r)).toBe(false);
    const md = renderSection(r);
    expect(md.startsWith(SECTION)).toBe(true);
    expect(md).toMatch(/\| `sim` +\|/);
  });

  it('counts every call on a metered shop', () => {
    const meter = newMeter();
    const shop = meteredShop(directShop, meter);
    expect(Object.keys(shop).sort()).toEqual(Object.keys(directShop).sort());
    const world = { orders: [] } as unknown as Parameters<typeof shop.orderPage>[0];
    const env = {} as Parameters<typeof shop.orderPage>[1];
    expect(shop.orderPage(world, env, 'nope')).toBeUndefined();
    expect(shop.orderPage(world, env, 'nope')).toBeUndefined();
    expect(meter.actions).toBe(2);
    expect(meter.byAction).toEqual({ orderPage: 2 });
  });

  it('reports runs whose outcome or findings differ from sim', () => {
    const file = (outcome: string, oracles: string[]) =>
      ({
        scenarios: [
          {
            id: 's',
            runs: [
              { faults: [], persona: { index: 0 }, outcome: 'ok', findings: [] },
              {
                faults: ['a'],
                persona: { index: 0 },
                outcome,
                findings: oracles.map((oracle) => ({ oracle })),
              },
            ],
          },
        ],
      }) as unknown as ResultsFile;
    const sim = file('dead-end', ['x', 'y']);
    expect(disagreements(sim, file('dead-end', ['x', 'y']))).toEqual([]);
    expect(disagreements(sim, file('dead-end', ['y', 'x']))).toHaveLength(1);
    expect(disagreements(sim, file('ok', ['x', 'y']))[0]).toMatch(/^s \[a\] #0: sim dead-end/);
  });

  it('replaces its README section in place, or appends it', () => {
    const readme = '# Benchmark\n\n## Latest results\n\nold\n';
    const once = withSection(readme, `${SECTION}\n\none`);
    expect(once).toBe(`${readme}\n${SECTION}\n\none\n`);
    expect(withSection(once, `${SECTION}\n\ntwo`)).toBe(`${readme}\n${SECTION}\n\ntwo\n`);
    const middle = `${once}\n## After\n\nkept\n`;
    expect(withSection(middle, `${SECTION}\n\ntwo`)).toBe(
      `${readme}\n${SECTION}\n\ntwo\n\n## After\n\nkept\n`,
    );
  });
});
