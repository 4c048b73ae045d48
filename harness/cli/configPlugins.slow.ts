import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configPlugins, loadConfig } from './config.ts';
import { type IO, main } from './main.ts';

const tmp = mkdtempSync(join(tmpdir(), 'deadend-config-plugins-'));
// The plugins' own entry: harness/index.ts re-exports it, but through jiti it takes half a minute.
const entry = resolve('harness/vocabulary/plugins/index.ts');
const config = resolve('harness/cli/config.ts');

function configFile(name: string, body: string): string {
  const file = join(tmp, name);
  writeFileSync(
    file,
    `import { defineCondition, defineOracle } from ${JSON.stringify(entry)};\nimport { defineConfig } from ${JSON.stringify(config)};\n${body}`,
  );
  return file;
}

describe('plugins in deadend.config.ts', () => {
  it('are registered from the config’s plugins, by kind and id', async () => {
    const file = configFile(
      'ok.config.ts',
      `export default defineConfig({
        plugins: {
          conditions: [defineCondition({ id: 'parcel-ready', holds: (w) => w.fact('at-counter') })],
          oracles: [defineOracle({ id: 'quiet', summary: 'nothing', check: () => [] })],
        },
      });`,
    );
    const config = await loadConfig(file, tmp);
    const set = configPlugins(config, 'ok.config.ts');
    expect([...set.conditions.keys()]).toEqual(['parcel-ready']);
    expect([...set.oracles.keys()]).toEqual(['quiet']);
    expect(set.source).toBe('ok.config.ts');
  });

  it('a plugin registered twice is a config error naming the file and the entry', async () => {
    const file = configFile(
      'twice.config.ts',
      `const c = defineCondition({ id: 'parcel-ready', holds: () => true });
      export default defineConfig({ plugins: { conditions: [c, c] } });`,
    );
    await expect(loadConfig(file, tmp)).rejects.toThrow(
      new ConfigError(
        'twice.config.ts: plugins.conditions[1]: the condition plugin "parcel-ready" is registered twice',
      ),
    );
  });

  it('plugins that are not an object are refused by the config schema', async () => {
    const file = configFile('list.config.ts', 'export default defineConfig({ plugins: [] as never });');
    await expect(loadConfig(file, tmp)).rejects.toThrow(
      /plugins: expected \{ actions, steps, conditions, oracles, faults \}/,
    );
  });

  it('deadend faults lists the config’s plugin faults after the built-in catalogue', async () => {
    const file = join(tmp, 'faults.config.ts');
    writeFileSync(
      file,
      `import { z } from ${JSON.stringify(import.meta.resolve('zod'))};\nimport { defineFault } from ${JSON.stringify(entry)};\n` +
        `export default { plugins: { faults: [defineFault({ id: 'courier.strike', summary: 'The courier does not collect.', ` +
        `params: z.strictObject({ route: z.string().describe('the route') }), world: {} })] } };\n`,
    );
    const out: string[] = [];
    const stream = { write: (s: string) => out.push(s) > 0 } as unknown as IO['stdout'];
    expect(await main(['faults', '--config', file], { stdout: stream, stderr: stream })).toBe(0);
    const lines = out.join('').split('\n');
    const at = lines.findIndex((l) => l.startsWith('courier.strike'));
    expect(lines[at]).toMatch(/^courier\.strike +The courier does not collect\.$/);
    expect(lines[at + 1]).toMatch(/route \(required\): string — the route/);
    expect(lines.findIndex((l) => l.startsWith('mail.'))).toBeLessThan(at);
  });

  it('a plugin oracle may not take a built-in oracle’s id; deadend oracles lists the others', async () => {
    const clash = configFile(
      'clash.config.ts',
      `export default defineConfig({ plugins: { oracles: [defineOracle({ id: 'silent-failure', summary: 'mine', check: () => [] })] } });`,
    );
    await expect(loadConfig(clash, tmp)).rejects.toThrow(
      `clash.config.ts: plugins.oracles: "silent-failure" is a built-in oracle's id; choose another`,
    );
    const ok = configFile(
      'oracles.config.ts',
      `export default defineConfig({ plugins: { oracles: [defineOracle({ id: 'charged-while-paused', summary: 'A charge during a pause.', severity: 'high', check: () => [] })] } });`,
    );
    const out: string[] = [];
    const stream = { write: (s: string) => out.push(s) > 0 } as unknown as IO['stdout'];
    expect(await main(['oracles', '--config', ok], { stdout: stream, stderr: stream })).toBe(0);
    expect(out.join('')).toMatch(/^charged-while-paused +high +A charge during a pause\.$/m);
  });
});
