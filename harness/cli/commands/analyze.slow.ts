import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnalysisFile } from '../../core/contract.ts';
import { type IO, main } from '../main.ts';
import { runCli } from '../testdata/spawnCli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'deadend-analyze-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
/** In-process: the same `main` as bin/deadend.js, without the cost of starting Node. */
async function deadend(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const stream = (chunks: string[]) =>
    ({ isTTY: false, write: (t: string) => chunks.push(t) > 0 }) as unknown as IO['stdout'];
  const code = await main(args, { stdout: stream(out), stderr: stream(err) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
const SEED000 = 'scenarios/000-converter-lite-christmas-eve.yaml';
const POPULATION = 'harness/engine/analysis/testdata/converter-lite-population.yaml';
const read = (dir: string, file = 'analysis.json') => readFileSync(join(dir, file), 'utf8');

describe('deadend analyze', () => {
  it('names seed 000’s cut sets, its single points of failure given the holidays and the rescue', () => {
    const dir = join(tmp, 'a');
    const r = runCli(['analyze', SEED000, '--report', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('key-quarantined + holidays');
    expect(r.stdout).toContain('address-typo + holidays');
    expect(r.stdout).toContain('single point of failure given holidays: key-quarantined');
    expect(r.stdout).toContain('rescue: adding key-in-spam to key-quarantined + holidays saves the customer');
    const file = JSON.parse(read(dir)) as AnalysisFile;
    expect(file.analysisSchemaVersion).toBe(1);
    expect(file.journeys[0]!.analysis!.combinationsEvaluated).toBe(16);
    expect(read(dir, 'analysis.md')).toContain('| failure mode');
    const html = read(dir, 'analysis.html');
    expect(html).toContain('<svg');
    expect(html).toContain('key-quarantined');
  });

  it('--help explains the command and points to the guide', () => {
    const r = runCli(['analyze', '--help']);
    expect(r.code).toBe(0);
    for (const flag of [
      '--max-size',
      '--monte-carlo',
      '--precision',
      '--shard',
      '--workers',
      'docs/analysis.md',
    ])
      expect(r.stdout).toContain(flag);
  });

  it('refuses bad numbers and a misspelt trait with exit 2 and a plain message', async () => {
    for (const args of [
      ['--monte-carlo', '0'],
      ['--monte-carlo', '99999999999'],
      ['--monte-carlo', '100', '--precision', '2'],
      ['--max-size', 'x'],
    ]) {
      const r = await deadend('analyze', SEED000, '--report', join(tmp, 'bad'), ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/deadend: .*(customers|precision|largest cut set)/);
    }
    expect((await deadend('analyze', SEED000, '--precision', '0.01')).stderr).toContain(
      '--precision goes with --monte-carlo',
    );
    const bad = join(tmp, 'typo.yaml');
    writeFileSync(bad, readFileSync(POPULATION, 'utf8').replace('    checksSpam: 0.6', '    checkSpam: 0.6'));
    const r = await deadend('analyze', bad, '--report', join(tmp, 'bad'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /typo\.yaml:15:5: unknown key "checkSpam" in customer\.population — did you mean "checksSpam"\?/,
    );
  });
});

describe('Monte Carlo from the command line', () => {
  it('gives the same bytes in one process, over workers, and over shards merged by merge-reports', async () => {
    const args = ['--monte-carlo', '2000', '--seed', '4'];
    const paths = [
      SEED000,
      'scenarios/001-lost-order.yaml',
      'scenarios/004-antivirus-auto-renew.yaml',
      POPULATION,
    ];
    const one = join(tmp, 'one');
    expect((await deadend('run', ...paths, ...args, '--report', one)).code).toBe(1); // the population scenario's own expectations
    const whole = read(one);
    const file = JSON.parse(whole) as AnalysisFile;
    const pop = file.journeys.find((j) => j.id === 'converter-lite-population')!.monteCarlo!;
    expect(pop.customers).toBe(2000);
    expect(pop.outcomes['dead-end'].low).toBeLessThan(pop.outcomes['dead-end'].high);
    expect(read(one, 'analysis.md')).toContain('stranded (95% interval)');
    // The run's own reports gain the section: summary.md once, report.html on its first screen.
    expect(read(one, 'summary.md').match(/stranded \(95% interval\)/g)).toHaveLength(1);
    expect(read(one, 'report.html')).toMatch(
      /<\/header>\s*(<style>[^<]*<\/style>)?\s*<section class="analysis"[\s\S]*share of customers stranded[\s\S]*<main id="app">/,
    );

    const workers = join(tmp, 'workers');
    runCli(['analyze', ...paths, ...args, '--workers', '2', '--report', workers]);
    const viaAnalyze = JSON.parse(read(workers)) as AnalysisFile;
    expect(viaAnalyze.journeys.map((j) => JSON.stringify(j.monteCarlo))).toEqual(
      file.journeys.map((j) => JSON.stringify(j.monteCarlo)),
    );

    const parts: string[] = [];
    for (const i of [1, 2]) {
      parts.push(join(tmp, `shard-${i}`));
      await deadend('run', ...paths, ...args, '--shard', `${i}/2`, '--report', parts[i - 1]!);
    }
    for (const p of parts) expect((JSON.parse(read(p)) as AnalysisFile).journeys.length).toBeGreaterThan(0);
    const merged = join(tmp, 'merged');
    await deadend('merge-reports', ...parts, '--report', merged);
    expect(read(merged)).toBe(whole);
  }, 120_000);
});
