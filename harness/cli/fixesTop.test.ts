import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ResultsFile } from '../core/contract.ts';
import { runCli } from './testdata/spawnCli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'deadend-fixes-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SCENARIO = 'scenarios/000-converter-lite-christmas-eve.yaml';
const fixesOf = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as ResultsFile).fixes ?? [];

describe('deadend run --fixes N', () => {
  it('keeps the N best fixes of the full what-if, each with every rescue', () => {
    const all = join(tmp, 'all');
    const best = join(tmp, 'best');
    const run = (dir: string, ...more: string[]) =>
      runCli(['run', SCENARIO, '--seed', '1', '--reporter', 'json', '--quiet', '--report', dir, ...more]);
    expect(run(all).code).toBe(0);
    expect(run(best, '--fixes', '2').code).toBe(0);
    expect(fixesOf(all).length).toBeGreaterThan(2);
    expect(fixesOf(best)).toEqual(fixesOf(all).slice(0, 2));
  });

  it('refuses a bad number and --shard, with exit code 2', () => {
    const zero = runCli(['run', SCENARIO, '--fixes', '0']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/whole number ≥ 1, e\.g\. --fixes 3/);
    const shard = runCli(['run', SCENARIO, '--fixes', '2', '--shard', '1/2']);
    expect(shard.code).toBe(2);
    expect(shard.stderr).toMatch(/--fixes cannot be combined with --shard/);
  });
});
