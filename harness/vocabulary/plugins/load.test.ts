import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPluginSet } from './load.ts';

describe('loadPluginSet', () => {
  it('loads a config file’s plugins again, as a worker thread does, remembering the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deadend-plugins-'));
    const file = join(dir, 'deadend.config.ts');
    const define = JSON.stringify(resolve('harness/vocabulary/plugins/define.ts'));
    writeFileSync(
      file,
      `import { defineStep } from ${define};\nexport default { plugins: { steps: [defineStep({ id: 'scan-ticket', run: () => ({ ok: true }) })] } };\n`,
    );
    const set = await loadPluginSet(file, dir);
    expect([...set.steps.keys()]).toEqual(['scan-ticket']);
    expect(set.source).toBe('deadend.config.ts');
    expect(set.file).toBe(file);
  });
});
