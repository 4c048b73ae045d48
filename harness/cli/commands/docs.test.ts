import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { scenarioSchema } from '../../scenario/schema.ts';
import { faultCatalogue } from '../../services/index.ts';
import { vocabularyFaults } from '../../vocabulary/faults/index.ts';
import { generatedDocs } from './docs.ts';
import { anchor, faultCatalogueMarkdown, faultCatalogueText, paramRows, typeLabel } from './faultDocs.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('generated docs', () => {
  it('docs/ holds what the code generates', () => {
    for (const [name, content] of Object.entries(generatedDocs())) {
      const committed = read(`docs/${name}`);
      expect(committed === content, `docs/${name} is out of date: run \`npm run docs\` and commit it`).toBe(
        true,
      );
    }
  });
});

describe('faultCatalogueMarkdown', () => {
  const page = faultCatalogueMarkdown(faultCatalogue);

  it('has one section per fault with its family, description, parameters and example', () => {
    for (const def of faultCatalogue.values()) {
      const start = page.indexOf(`\n### ${def.id}\n`);
      expect(start, def.id).toBeGreaterThan(0);
      const section = page.slice(start, page.indexOf('\n### ', start + 1) >>> 0);
      expect(section).toContain(def.summary);
      expect(section).toContain(def.description);
      for (const row of paramRows(def.params))
        expect(section).toMatch(new RegExp(`\\| \`${row.name}\` +\\|`));
      expect(section).toContain(`- fault: ${def.id}`);
      expect(page).toContain(`](#${anchor(def.id)})`);
    }
  });

  it('is deterministic and ends with one newline', () => {
    expect(faultCatalogueMarkdown(faultCatalogue)).toBe(page);
    expect(page.endsWith('\n') && !page.endsWith('\n\n')).toBe(true);
  });

  it('every example is valid for its fault', () => {
    for (const def of faultCatalogue.values()) {
      expect(def.params.safeParse(def.example.params ?? {}).success, def.id).toBe(true);
    }
  });

  it('lists the faults of open-vocabulary merchants in a section of their own, after the seed catalogue', () => {
    const full = faultCatalogueMarkdown(faultCatalogue, vocabularyFaults);
    const body = (md: string) => md.slice(md.indexOf('\n'));
    expect(body(full).startsWith(body(page).trimEnd())).toBe(true);
    const open = full.slice(full.indexOf('\n## Faults of open-vocabulary merchants\n'));
    expect(open.length).toBeLessThan(full.length);
    for (const def of vocabularyFaults) {
      const start = open.indexOf(`\n### ${def.id} (open vocabulary)\n`);
      expect(start, def.id).toBeGreaterThan(0);
      const section = open.slice(start, open.indexOf('\n### ', start + 1) >>> 0);
      expect(section).toContain(def.description);
      expect(section).toContain(`- fault: ${def.id}`);
      expect(section).not.toContain('ref:');
      expect(open).toContain(`](#${anchor(`${def.id} (open vocabulary)`)})`);
    }
    // The shared ids (payment.timeout, …) keep their seed section too.
    expect(full).toContain('\n### payment.timeout\n');
    const text = faultCatalogueText(faultCatalogue, vocabularyFaults);
    const after = text.slice(text.indexOf('Faults of open-vocabulary merchants'));
    for (const def of vocabularyFaults) expect(after).toContain(def.id);
    expect(after).toContain('route (required): string — a route the profile declares');
  });

  it('the terminal listing names every fault and its defaults', () => {
    const text = faultCatalogueText(faultCatalogue);
    for (const id of faultCatalogue.keys()) expect(text).toContain(id);
    expect(text).toContain('reason (default "holiday shutdown"): string');
    expect(text).toContain('hop (required): one of: order-queue, warehouse, carrier');
  });
});

describe('paramRows', () => {
  it('reads names, types, defaults, requiredness and descriptions from the zod schema', () => {
    const rows = paramRows(
      z.strictObject({
        kind: z.enum(['a', 'b']).optional().describe('Which.'),
        n: z.number().int().positive().default(2),
        pair: z.tuple([z.string(), z.string()]),
        list: z.array(z.string()).optional(),
      }),
    );
    expect(rows).toEqual([
      { name: 'kind', type: 'one of: a, b', required: false, description: 'Which.' },
      { name: 'n', type: 'integer > 0', required: false, default: '2' },
      { name: 'pair', type: '[string, string]', required: true },
      { name: 'list', type: 'list of string', required: false },
    ]);
    expect(typeLabel({ type: 'number', minimum: 0, maximum: 1 })).toBe('number ≥ 0, ≤ 1');
  });
});

describe('README', () => {
  const example = () => {
    const readme = read('README.md');
    const section = readme.slice(readme.indexOf('## Scenario format'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(yaml, 'README.md has a ```yaml example under "## Scenario format"').toBeDefined();
    return yaml!;
  };

  it('its scenario example is a valid scenario that names real faults', () => {
    const scenario = scenarioSchema.parse(parse(example()));
    for (const use of scenario.faults) {
      expect(faultCatalogue.has(use.fault), use.fault).toBe(true);
      expect(faultCatalogue.get(use.fault)!.params.safeParse(use.params).success, use.fault).toBe(true);
    }
  });

  it('its scenario example runs and meets every expectation', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deadend-readme-'));
    try {
      const file = join(dir, 'readme-example.yaml');
      writeFileSync(file, example());
      const r = spawnSync(
        process.execPath,
        [join(ROOT, 'bin/deadend.js'), 'run', file, '--report', join(dir, 'r')],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
        },
      );
      expect(r.stderr).not.toMatch(/internal error|file:|:\d+:\d+:/);
      expect(r.stdout).toMatch(/0 missed expectations/);
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('links the pages it points to', () => {
    const readme = read('README.md');
    for (const path of ['docs/faults.md', 'reports/README.md', 'bench/README.md'])
      expect(readme).toContain(path);
  });
});
