/**
 * The CI conventions of `deadend run`: --list, --grep-invert, --last-failed, the config file and
 * reporter modules of the user's own, through the CLI as a user calls it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { ResultsFile } from '../core/contract.ts';
import { packageRoot } from '../core/modulePath.ts';
import { type IO, main } from './main.ts';

const ROOT = packageRoot();
const SEED = join(ROOT, 'scenarios/000-converter-lite-christmas-eve.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'deadend-ci-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function deadend(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const stream = (chunks: string[]) =>
    ({ write: (s: string) => chunks.push(s) > 0 }) as unknown as IO['stdout'];
  const merchants = [
    '--merchants',
    join(ROOT, 'fixtures/merchants'),
    '--calendars',
    join(ROOT, 'fixtures/calendars'),
  ];
  const code = await main([...args, ...(args[0] === 'run' ? merchants : [])], {
    stdout: stream(out),
    stderr: stream(err),
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
const results = (dir: string) => JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as ResultsFile;

/** The seed scenario with the key-quarantined + holidays dead end expected to recover: 1 missed run. */
function missingOne(): string {
  const scenario = parse(readFileSync(SEED, 'utf8')) as {
    id: string;
    expect: { faults?: string[]; outcome: string }[];
  };
  scenario.id = 'one-missed';
  for (const rule of scenario.expect)
    if (rule.faults?.join() === 'key-quarantined,holidays') rule.outcome = 'recovered';
  const file = join(tmp, 'one-missed.yaml');
  writeFileSync(file, stringify(scenario));
  return file;
}

describe('deadend run: CI conventions', () => {
  it('--list prints the planned runs and runs nothing; --grep-invert leaves runs out', async () => {
    const report = join(tmp, 'listed');
    const all = await deadend('run', SEED, '--list', '--report', report);
    expect(all.code).toBe(0);
    const names = all.stdout.trim().split('\n');
    expect(names.at(-1)).toBe('11 runs in 1 scenario; nothing was run.');
    expect(names[0]).toMatch(
      /^converter-lite-christmas-eve › none › #0 {2}\(.*000-converter-lite-christmas-eve\.yaml\)$/,
    );
    expect(existsSync(report)).toBe(false);

    const some = await deadend('run', SEED, '--list', '--grep-invert', 'holidays');
    const kept = some.stdout.trim().split('\n').slice(0, -1);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(11);
    expect(kept.some((l) => l.includes('holidays'))).toBe(false);
  });

  it('--last-failed runs only the runs that missed their expectation last time', async () => {
    const file = missingOne();
    const report = join(tmp, 'last');
    expect((await deadend('run', file, '--report', report, '--reporter', 'json', '--quiet')).code).toBe(1);
    expect(results(report).summary.runs).toBe(11);
    const again = await deadend(
      'run',
      file,
      '--last-failed',
      '--report',
      report,
      '--reporter',
      'json',
      '--quiet',
    );
    expect(again.code).toBe(1);
    const rerun = results(report);
    expect(rerun.summary.runs).toBe(1);
    expect(rerun.scenarios[0]!.runs[0]!.faults).toEqual(['key-quarantined', 'holidays']);

    const none = await deadend('run', SEED, '--last-failed', '--report', join(tmp, 'nothing-here'));
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--last-failed: no .*results\.json from an earlier run/);
  });

  it("a reporter module of the user's own gets the whole lifecycle and writes its file", async () => {
    const reporter = join(tmp, 'counting-reporter.ts');
    writeFileSync(
      reporter,
      `import type { Reporter } from '${join(ROOT, 'harness/index.ts')}';
const counts = { begin: 0, total: 0, runs: 0, scenarios: 0 };
export default function make(options: { label?: string }): Reporter {
  return {
    name: 'counting',
    onBegin(suite) { counts.begin++; counts.total = suite.total; },
    onRun() { counts.runs++; },
    onScenario() { counts.scenarios++; },
    onEnd(results) {
      return [{ path: 'counts.json', content: JSON.stringify({ ...counts, label: options.label, summary: results.summary.runs }) }];
    },
  };
}
`,
    );
    const report = join(tmp, 'own');
    const r = await deadend('run', SEED, '--report', report, '--reporter', `json,${reporter}`, '--quiet');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const counts = JSON.parse(readFileSync(join(report, 'counts.json'), 'utf8'));
    expect(counts).toEqual({ begin: 1, total: 11, runs: 11, scenarios: 1, summary: 11 });
    expect(results(report).summary.runs).toBe(11);

    const bad = join(tmp, 'not-a-reporter.mjs');
    writeFileSync(bad, 'export default 42;\n');
    const refused = await deadend('run', SEED, '--reporter', bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/its default export must be a reporter/);
  });

  it('the config file gives the defaults, a flag overrides it, and a bad one is a usage error', async () => {
    const dir = mkdtempSync(join(tmp, 'config-'));
    const config = join(dir, 'deadend.config.ts');
    const scenario = relative(dir, SEED);
    writeFileSync(
      config,
      `const config: { seed: number; scenarios: string[]; reporters: string[]; report: string } = {
  seed: 7, scenarios: [${JSON.stringify(scenario)}], reporters: ['json'], report: 'out',
};
export default config;
`,
    );
    expect((await deadend('run', '--config', config, '--quiet')).code).toBe(0);
    expect(results(join(dir, 'out')).seed).toBe(7);
    expect(existsSync(join(dir, 'out', 'summary.md'))).toBe(false);
    const report = join(tmp, 'flag-wins');
    expect(
      (await deadend('run', '--config', config, '--seed', '3', '--report', report, '--quiet')).code,
    ).toBe(0);
    expect(results(report).seed).toBe(3);

    const bad = join(dir, 'bad.config.mjs');
    writeFileSync(bad, "export default { seed: 'seven', shards: 2 };\n");
    const refused = await deadend('run', '--config', bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/bad\.config\.mjs: seed: /);
    expect(refused.stderr).toMatch(/shards/);
    const missing = await deadend('run', '--config', join(dir, 'nope.ts'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--config .*nope\.ts: no such file/);
  });
});
