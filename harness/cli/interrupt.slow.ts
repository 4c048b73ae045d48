/**
 * (Slow suite: `npm run test:slow`.) Ctrl-C half-way through a big suite, through the real CLI: the report set that is left is
 * complete, valid and marked partial, names the runs that did not run, and is never mixed with
 * the previous run's files.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSuite, toYaml } from '../../bench/generate.ts';
import { countRuns } from '../engine/runner.ts';
import { readResults } from '../report/json.ts';
import { loadScenarios } from '../scenario/load.ts';
import { BIN, ROOT } from './testdata/spawnCli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'deadend-interrupt-'));
const suite = join(tmp, 'suite');
let total = 0;

beforeAll(async () => {
  const seeds = await loadScenarios(['scenarios']);
  const scenarios = generateSuite(seeds.scenarios, 3000);
  total = countRuns(scenarios, {});
  mkdirSync(suite);
  for (const s of scenarios) writeFileSync(join(suite, `${s.scenario.id}.yaml`), toYaml(s));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the CLI and sends `signal` once it has reported its first progress line. */
function interrupted(
  args: string[],
  signal: NodeJS.Signals,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // The progress line ("… 10% …") says some runs are done; the suite is far from over.
      if (!sent && /\d+%/.test(stderr)) {
        sent = true;
        child.kill(signal);
      }
    });
    child.stdout.resume();
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('interrupting a 3,000-run suite on worker threads', () => {
  it('SIGINT: the runs the workers finished are kept, and report.html says it is partial', async () => {
    const report = join(tmp, 'report-html');
    const r = await interrupted(
      ['run', suite, '--report', report, '--workers', '2', '--reporter', 'json,html'],
      'SIGINT',
    );
    expect(r.code).toBe(130);
    const results = readResults(join(report, 'results.json'));
    expect(results.partial!.notRun.length).toBeGreaterThan(0);
    expect(results.summary.runs + results.partial!.notRun.length).toBe(total);
    expect(readFileSync(join(report, 'report.html'), 'utf8')).toMatch(
      /class="partial"[^>]*><strong>Partial report/,
    );
  }, 120_000);
});
