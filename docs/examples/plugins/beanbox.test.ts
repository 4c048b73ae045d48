/**
 * The worked example of docs/plugins.md, run: the plugins in a sandbox world, and the
 * scenario through the config that registers them, meeting every expectation.
 */
import { pluginSandbox } from 'deadend/testing';
import { describe, expect, it } from 'vitest';
import config from './deadend.config.ts';

const here = (file: string) => new URL(file, import.meta.url).pathname;

describe('Beanbox plugins', () => {
  it('the app pauses deliveries on a Monday, not on a Wednesday', async () => {
    const sandbox = await pluginSandbox(here('merchants/beanbox.yaml'), config.plugins);
    const monday = sandbox.world({ at: '2026-03-02T09:00' });
    expect(monday.offers()).toEqual(['pause deliveries for 2 weeks in the app']);
    monday.take('pause-deliveries', { weeks: 2 });
    expect(monday.fact('paused')).toBe(true);
    expect(sandbox.world({ at: '2026-03-04T09:00' }).applicable('pause-deliveries')).toBe(false);
  });

  it('the holiday scenario meets its expectations: billing charges twice while paused', async () => {
    const sandbox = await pluginSandbox(here('merchants/beanbox.yaml'), config.plugins);
    const result = await sandbox.run(here('scenarios/holiday-pause.yaml'));
    expect(result.runs.map((r) => [r.faults.join('+') || 'none', r.outcome, r.pass])).toEqual([
      ['none', 'recovered', true],
      ['away-until-wednesday', 'dead-end', true],
    ]);
    const [paused] = result.runs;
    expect(paused?.findings.map((f) => f.message)).toEqual([
      'Beanbox charged for the box on Thursday 5 March although the deliveries were paused until Monday 16 March.',
      'Beanbox charged for the box on Thursday 12 March although the deliveries were paused until Monday 16 March.',
    ]);
  });
});
