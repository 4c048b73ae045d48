/**
 * Ctrl-C half-way through a big suite, through the real CLI: the report set that is left is
 * complete, valid and marked partial, names the runs that did not run, and is never mixed with
 * the previous run's files.
 */
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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readResults } from '../report/json.ts';
import { interrupted, writeBigSuite } from './testdata/interruptedCli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'deadend-interrupt-'));
const suite = join(tmp, 'suite');
let total = 0;

beforeAll(async () => {
  total = await writeBigSuite(suite);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('interrupting a 3,000-run suite', () => {
  it('SIGINT: exit 130, a valid results.json marked partial naming the runs not run, report.html and summary.md say so', async () => {
    const report = join(tmp, 'report-int');
    mkdirSync(report);
    // The previous run's files must not be left looking current.
    writeFileSync(join(report, 'junit.xml'), '<testsuites name="an older run"/>');
    writeFileSync(join(report, 'index.html'), 'not deadend’s: kept');
    const r = await interrupted(
      ['run', suite, '--report', report, '--workers', '1', '--reporter', 'json,md,html'],
      'SIGINT',
    );
    expect(r.code).toBe(130);
    expect(total).toBeGreaterThanOrEqual(3000);
    const results = readResults(join(report, 'results.json'));
    expect(results.partial?.reason).toBe('interrupted (SIGINT)');
    expect(results.summary.runs).toBeGreaterThan(0);
    expect(results.partial!.notRun.length).toBeGreaterThan(0);
    expect(results.summary.runs + results.partial!.notRun.length).toBe(total);
    const finished = new Set(results.scenarios.flatMap((s) => s.runs.map((run) => run.replay)));
    expect(finished.size).toBe(results.summary.runs);
    expect(readFileSync(join(report, 'summary.md'), 'utf8')).toMatch(
      /Partial report: the suite was interrupted \(SIGINT\)/,
    );
    expect(existsSync(join(report, 'junit.xml'))).toBe(false);
    expect(readFileSync(join(report, 'report.html'), 'utf8')).toMatch(
      /class="partial"[^>]*><strong>Partial report/,
    );
    expect(readdirSync(report).sort()).toEqual(['index.html', 'report.html', 'results.json', 'summary.md']);
  }, 120_000);

  it('SIGTERM on the streamed path: exit 143, a valid partial results.json, no spool file left', async () => {
    const report = join(tmp, 'report-term');
    const r = await interrupted(
      ['run', suite, '--report', report, '--workers', '1', '--reporter', 'json'],
      'SIGTERM',
    );
    expect(r.code).toBe(143);
    const results = readResults(join(report, 'results.json'));
    expect(results.partial?.reason).toBe('interrupted (SIGTERM)');
    expect(results.summary.runs + results.partial!.notRun.length).toBe(total);
    expect(readdirSync(report)).toEqual(['results.json']);
  }, 120_000);
});
