/**
 * The README's quick start, `npx deadend run` with no path: scenarios/ holds the seed suite and
 * the stories (scenarios/stories/), so one run mixes both kinds. Spawned as a user runs it, in
 * process and on worker threads, under a heap limit: a search or cache that grows across
 * scenarios (it once ran the whole suite out of memory after a quarter of an hour, while each
 * story alone took seconds) fails here in seconds instead.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ResultsFile } from '../core/contract.ts';
import { loadScenarios } from '../scenario/load.ts';
import { ROOT, runCli } from './testdata/spawnCli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'deadend-default-suite-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Far above what the whole suite needs (about 350 MB of resident memory), far below a runaway.
const HEAP = { NODE_OPTIONS: '--max-old-space-size=1024' };

const suite = await loadScenarios([join(ROOT, 'scenarios')], {
  merchantsDir: join(ROOT, 'fixtures/merchants'),
  calendarsDir: join(ROOT, 'fixtures/calendars'),
});

describe('deadend run with no path (seeds and stories together)', () => {
  const run = (dir: string, ...more: string[]) =>
    runCli(['run', '--seed', '1', '--reporter', 'json', '--quiet', '--report', dir, ...more], {
      env: HEAP,
      timeoutMs: 150_000,
    });
  const results = (dir: string) => readFileSync(join(dir, 'results.json'), 'utf8');

  it('runs every scenario of both kinds, with the same bytes in-process and on two workers', () => {
    expect(suite.errors).toEqual([]);
    expect(suite.openScenarios.length).toBeGreaterThan(0);
    expect(suite.scenarios.length).toBeGreaterThan(0);

    const inProcess = join(tmp, 'in-process');
    const one = run(inProcess);
    expect(one.stderr).not.toMatch(/internal error|heap out of memory/i);
    // 1: some story expectations may still be missed; never 2 (bad input) or 3 (a bug), nor killed.
    expect([0, 1]).toContain(one.code);
    const parsed = JSON.parse(results(inProcess)) as ResultsFile;
    const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id).sort();
    expect(ids(parsed.scenarios)).toEqual(ids(suite.all.map((s) => s.scenario)));

    const workers = join(tmp, 'workers');
    const two = run(workers, '--workers', '2');
    expect(two.stderr).not.toMatch(/internal error|heap out of memory/i);
    expect(two.code).toBe(one.code);
    expect(results(workers)).toBe(results(inProcess));
  }, 330_000);
});
