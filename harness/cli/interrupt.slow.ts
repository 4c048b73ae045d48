/**
 * (Slow suite: `npm run test:slow`.) Ctrl-C half-way through a big suite, through the real CLI: the report set that is left is
 * complete, valid and marked partial, names the runs that did not run, and is never mixed with
 * the previous run's files.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
