/**
 * validate over `plugin:` uses: a plugin id is a reference to what deadend.config.ts registers
 * (unknown → file:line:col with a guess among that kind's ids), its params are checked with the
 * plugin's schema where they are written, plugin faults join the vocabulary catalogue, and the
 * loaded scenario carries the plugins to the run.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  defineAction,
  defineCondition,
  defineFault,
  defineStep,
  pluginSet,
} from '../../vocabulary/plugins/index.ts';
import { loadScenarios } from '../load.ts';
import { formatSourceError } from '../source.ts';

const TD = path.relative(process.cwd(), path.join(import.meta.dirname, 'testdata'));
const inTd = (p: string) => path.join(TD, p);
const scenario = (name: string) => inTd(`plugins/scenarios/${name}.yaml`);

const plugins = pluginSet(
  {
    conditions: [
      defineCondition({
        id: 'parcel-at-counter',
        params: z.strictObject({ shelf: z.enum(['front', 'back']) }),
        holds: (w, p) => w.fact('parcel-ready') && p.shelf === 'front',
      }),
    ],
    actions: [
      defineAction({
        id: 'ring-bell',
        label: () => 'ring the bell',
        applicable: () => false,
        run: () => ({ tookMs: 0 }),
      }),
    ],
    steps: [
      defineStep({
        id: 'scan-ticket',
        params: z.strictObject({ ticket: z.string() }),
        run: () => ({ ok: true }),
      }),
    ],
    faults: [
      defineFault({
        id: 'counter.closed',
        summary: 'The counter is closed.',
        params: z.strictObject({ shelf: z.string() }),
        world: {},
      }),
    ],
  },
  'deadend.config.ts',
);
const env = { merchantsDir: inTd('plugins/merchants'), calendarsDir: inTd('calendars'), plugins };

async function lines(name: string, withPlugins = env) {
  const loaded = await loadScenarios([scenario(name)], withPlugins);
  return { loaded, lines: loaded.errors.map(formatSourceError) };
}

describe('plugin uses in open scenarios and profiles', () => {
  it('load when every plugin is registered and its params parse; the loaded scenario carries the plugins', async () => {
    const { loaded, lines: l } = await lines('uses-plugins');
    expect(l).toEqual([]);
    expect(loaded.openScenarios[0]?.plugins).toBe(plugins);
    expect(loaded.openScenarios[0]?.scenario.faults[0]?.params).toEqual({ shelf: 'front' });
  });

  it('a misspelt plugin id is an unknown reference with a guess among the registered ones', async () => {
    expect((await lines('misspelt-plugin')).lines).toEqual([
      `${scenario('misspelt-plugin')}:7:13: "scan-tiket" is not a plugin step registered in deadend.config.ts — did you mean "scan-ticket"?\n  hint: registered plugin steps: scan-ticket`,
    ]);
  });

  it('without plugins, every plugin use is unknown, in the file where it is written', async () => {
    const { lines: l } = await lines('uses-plugins', { ...env, plugins: pluginSet(undefined) });
    expect(l).toContain(
      `${scenario('uses-plugins')}:7:13: "scan-ticket" is not a plugin step registered in deadend.config.ts\n  hint: deadend.config.ts registers no plugin steps (plugins: { … } in defineConfig; docs/plugins.md)`,
    );
    expect(l.some((x) => x.startsWith(`${inTd('plugins/merchants/counter.yaml')}:16:`))).toBe(true);
    expect(l.some((x) => x.includes('unknown fault "counter.closed"'))).toBe(true);
  });

  it('params a plugin’s schema refuses are placed at the value, in the scenario and in the profile', async () => {
    const { lines: l } = await lines('bad-params');
    expect(l).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^${scenario('bad-params').replace(/[.\\]/g, '\\$&')}:8:23: params of the plugin step "scan-ticket": ticket: `,
        ),
      ),
    );
    expect(l).toContainEqual(
      expect.stringContaining(
        `${inTd('plugins/merchants/counter-bad.yaml')}:15:61: params of the plugin condition "parcel-at-counter": shelf: `,
      ),
    );
  });
});
