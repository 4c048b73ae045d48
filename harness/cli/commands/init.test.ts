import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../../core/modulePath.ts';
import { runSuite } from '../../engine/runner.ts';
import { loadMerchantFile, loadScenarios } from '../../scenario/load.ts';
import { isOpenProfile } from '../../scenario/open/detect.ts';
import { faultCatalogue } from '../../services/index.ts';
import { type IO, main } from '../main.ts';
import { INIT_WORKFLOW, initFiles, scenarioTemplate, schemaComment, writeNew } from './init.ts';

const tmp = mkdtempSync(join(tmpdir(), 'deadend-scaffold-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function capture(): IO & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  const stream = (chunks: string[]) =>
    ({
      write: (s: string) => {
        chunks.push(s);
        return true;
      },
    }) as unknown as IO['stdout'];
  return { stdout: stream(out), stderr: stream(err), out: () => out.join(''), err: () => err.join('') };
}

describe('deadend init', () => {
  const dir = join(tmp, 'project');

  it('scaffolds scenarios, a merchant, a calendar and a workflow; the suite passes and shows a rescued dead end', async () => {
    const io = capture();
    expect(await main(['init', dir], io)).toBe(0);
    expect(io.out()).toContain(`Created a deadend project in ${dir}:`);
    for (const file of [
      'scenarios/photo-tool-before-easter.yaml',
      'scenarios/photo-tool-order-page.yaml',
      'fixtures/merchants/example-shop.yaml',
      'fixtures/calendars/example-support-hours.yaml',
      '.github/workflows/deadend.yml',
    ]) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }

    const loaded = await loadScenarios([join(dir, 'scenarios')], {
      merchantsDir: join(dir, 'fixtures/merchants'),
      calendarsDir: join(dir, 'fixtures/calendars'),
      faults: faultCatalogue,
    });
    expect(loaded.errors).toEqual([]);
    const results = await runSuite(loaded.scenarios, {
      seed: 1,
      calendarsDir: join(dir, 'fixtures/calendars'),
    });
    expect(results.summary.failed).toBe(0);
    const outcome = (id: string, faults: string[]) =>
      results.scenarios.find((s) => s.id === id)!.runs.find((r) => r.faults.join() === faults.join())!
        .outcome;
    expect(outcome('photo-tool-before-easter', ['key-quarantined'])).toBe('dead-end');
    expect(outcome('photo-tool-order-page', ['key-quarantined'])).toBe('recovered');
    expect(outcome('photo-tool-order-page', [])).toBe('ok');

    const workflow = parse(readFileSync(join(dir, '.github/workflows/deadend.yml'), 'utf8'));
    const steps = workflow.jobs.journeys.steps as { run?: string }[];
    expect(steps.map((s) => s.run).filter(Boolean)).toContain('npx deadend validate');
    expect(steps.some((s) => s.run?.startsWith('npx deadend run'))).toBe(true);
    // Current majors of the official actions (Node 24 runtimes); the job summary and the artifact
    // come from the folder the config file names.
    const uses = (steps as { uses?: string }[]).map((s) => s.uses).filter(Boolean);
    expect(uses).toEqual(['actions/checkout@v7', 'actions/setup-node@v6', 'actions/upload-artifact@v7']);
    const config = readFileSync(join(dir, 'deadend.config.ts'), 'utf8');
    expect(config).toMatch(/import \{ defineConfig \} from 'deadend';/);
    expect(config).toMatch(/report: 'reports\/deadend'/);
    expect(JSON.stringify(steps)).toContain('reports/deadend/summary.md');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toMatch(/^reports\/$/m);
  });

  it('docs/ci.md shows the workflow init writes', () => {
    const doc = readFileSync(join(packageRoot(), 'docs/ci.md'), 'utf8');
    const body = INIT_WORKFLOW.split('\n')
      .filter((l) => !l.startsWith('#'))
      .join('\n');
    expect(doc).toContain(`\`\`\`yaml\n${body}\`\`\``);
  });

  it("adds reports/ to the project's own .gitignore, once", async () => {
    const own = join(tmp, 'own-gitignore');
    mkdirSync(own, { recursive: true });
    writeFileSync(join(own, '.gitignore'), 'node_modules/');
    expect(await main(['init', own], capture())).toBe(0);
    expect(readFileSync(join(own, '.gitignore'), 'utf8')).toBe('node_modules/\nreports/\n');
  });

  it('refuses to overwrite: when any file exists, nothing is written', async () => {
    const other = join(tmp, 'half');
    mkdirSync(join(other, 'scenarios'), { recursive: true });
    writeFileSync(join(other, 'scenarios/photo-tool-order-page.yaml'), 'mine\n');
    const io = capture();
    expect(await main(['init', other], io)).toBe(2);
    expect(io.err()).toMatch(/photo-tool-order-page\.yaml already exists: nothing was written/);
    expect(readFileSync(join(other, 'scenarios/photo-tool-order-page.yaml'), 'utf8')).toBe('mine\n');
    expect(readdirSync(other)).toEqual(['scenarios']);
    expect(() => writeNew(dir, initFiles(dir))).toThrow(/already exist: nothing was written/);
  });
});

describe('deadend new scenario', () => {
  it('writes a commented template that validates, for every merchant profile in fixtures/', async () => {
    const dir = join(tmp, 'templates');
    // The template is a seed scenario: the open profiles of the stories (a declared vocabulary) are not its kind.
    const merchants = readdirSync('fixtures/merchants')
      .filter((f) => f.endsWith('.yaml'))
      .filter((f) => !isOpenProfile(parse(readFileSync(join('fixtures/merchants', f), 'utf8'))))
      .map((f) => f.slice(0, -5));
    expect(merchants.length).toBeGreaterThan(0);
    for (const id of merchants) {
      const profile = (await loadMerchantFile(join('fixtures/merchants', `${id}.yaml`))).value!;
      writeNew(dir, {
        [`${id}.yaml`]: scenarioTemplate(`new-${id}`, profile, schemaComment(dir, 'scenario')),
      });
    }
    const loaded = await loadScenarios([dir], { faults: faultCatalogue });
    expect(loaded.errors.map((e) => `${e.file}:${e.line}:${e.col}: ${e.message}`)).toEqual([]);
    expect(loaded.scenarios).toHaveLength(merchants.length);
    const text = readFileSync(join(dir, `${merchants[0]}.yaml`), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*schema\/scenario\.schema\.json$/m);
    expect(text.split('\n').filter((l) => l.includes('#')).length).toBeGreaterThan(15);
  });

  it('runs through the CLI: writes scenarios/NAME.yaml, never overwrites, checks the name', async () => {
    const dir = join(tmp, 'cli-new');
    let io = capture();
    expect(await main(['new', 'scenario', 'my-journey', '--dir', dir], io)).toBe(0);
    expect(io.out()).toContain(`Wrote ${join(dir, 'my-journey.yaml')}`);
    const loaded = await loadScenarios([join(dir, 'my-journey.yaml')], { faults: faultCatalogue });
    expect(loaded.errors).toEqual([]);
    expect(loaded.scenarios[0]!.scenario.id).toBe('my-journey');
    // It passes on its first run: the expectations are what each combination did.
    const results = await runSuite(loaded.scenarios, { seed: 1 });
    expect(results.summary.runs).toBeGreaterThan(1);
    expect(results.summary.failed).toBe(0);
    expect(readFileSync(join(dir, 'my-journey.yaml'), 'utf8')).toMatch(
      /What each combination did on the first run/,
    );

    io = capture();
    expect(await main(['new', 'scenario', 'my-journey', '--dir', dir], io)).toBe(2);
    expect(io.err()).toMatch(/already exists: nothing was written/);
    io = capture();
    expect(await main(['new', 'scenario', 'My Journey', '--dir', dir], io)).toBe(2);
    expect(io.err()).toMatch(/cannot be a scenario id/);
    io = capture();
    expect(await main(['new', 'scenario', 'x', '--dir', dir, '--merchant', 'nobody'], io)).toBe(2);
    expect(io.err()).toMatch(/no merchant profile "nobody"/);
  });
});
