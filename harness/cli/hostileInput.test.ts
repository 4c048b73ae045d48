/**
 * Command-line input a careless user or an attacker gives: every case ends in a clear message
 * and exit 2, before anything runs, and writes or deletes nothing it should not.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ResultsFile } from '../core/contract.ts';
import { sampleResults } from '../report/fixtures/sample-results.ts';
import { ATTACHMENTS_MARKER, prepareAttachments } from '../report/reportDir.ts';
import { type IO, main } from './main.ts';

const tmp = mkdtempSync(join(tmpdir(), 'deadend-hostile-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function streams() {
  const out: string[] = [];
  const err: string[] = [];
  const stream = (chunks: string[]) =>
    ({ isTTY: false, write: (s: string) => chunks.push(s) > 0 }) as unknown as IO['stdout'];
  return {
    io: { stdout: stream(out), stderr: stream(err) },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

async function deadend(...args: string[]) {
  const s = streams();
  const code = await main(args, s.io);
  return { code, stdout: s.out(), stderr: s.err() };
}

const SCENARIO = 'scenarios/001-slow-response.yaml';

describe('--report refuses a folder it cannot or must not write, before the suite runs', () => {
  const file = join(tmp, 'a-file');
  writeFileSync(file, 'keep me');
  const cases: Array<[string, string, RegExp]> = [
    ['an existing file', file, /is a file, not a folder/],
    ['a folder under a file', join(file, 'sub'), /is a file, not a folder/],
    ['an empty path', '', /needs a folder/],
    ['/dev/null', '/dev/null', /system folder/],
    ['a path under /proc', '/proc/self/deadend-reports', /system folder/],
    ['the root', '/', /root of the file system/],
  ];
  for (const [name, dir, message] of cases) {
    it(name, async () => {
      for (const command of [
        ['run', SCENARIO],
        ['merge-reports', tmp],
      ]) {
        const r = await deadend(...command, '--report', dir);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(message);
        expect(r.stdout).toBe(''); // nothing ran: no outcome printed
      }
      expect(readFileSync(file, 'utf8')).toBe('keep me');
    });
  }

  it.skipIf(process.getuid?.() === 0)('an unwritable folder', async () => {
    const locked = join(tmp, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const r = await deadend('run', SCENARIO, '--report', join(locked, 'reports'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not writable/);
  });
});

describe('merge-reports', () => {
  it('a part whose shard is "1/0" is bad input, not a crash', async () => {
    const part = (shard: string) => {
      const dir = join(tmp, `part-${shard.replace('/', '-of-')}`);
      mkdirSync(dir, { recursive: true });
      const results: ResultsFile = { ...sampleResults(), selection: { shard } };
      writeFileSync(join(dir, 'results.json'), JSON.stringify(results));
      return dir;
    };
    const r = await deadend('merge-reports', part('1/0'), part('1/2'), '--report', join(tmp, 'merged'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/selection\.shard: Invalid "1\/0": the total must be at least 1/);
  });
});

describe('replay commands are shell-safe', () => {
  it('a file named x$(touch pwned).yaml with spaces replays as that one file and runs nothing', async () => {
    const dir = join(tmp, 'odd names');
    mkdirSync(dir);
    const file = join(dir, "it's x$(touch pwned).yaml");
    writeFileSync(file, readFileSync(SCENARIO, 'utf8'));
    const report = join(tmp, 'replay-report');
    await deadend('run', file, '--report', report, '--reporter', 'json', '--quiet');
    const results = JSON.parse(readFileSync(join(report, 'results.json'), 'utf8')) as ResultsFile;
    const replay = results.scenarios[0]!.runs[0]!.replay;
    // The shell splits the command into words; print them instead of running deadend.
    const words = spawnSync('sh', ['-c', replay.replace(/^npx deadend run/, `printf '%s\\n'`)], {
      cwd: tmp,
      encoding: 'utf8',
    });
    expect(words.stdout.split('\n').slice(0, 2)).toEqual([file, '--seed']);
    expect(existsSync(join(tmp, 'pwned'))).toBe(false);
  });
});

describe('--target http|browser|container and DIR/attachments', () => {
  it('leaves a folder deadend did not write alone, and clears its own', () => {
    const foreign = join(tmp, 'project', 'attachments');
    mkdirSync(foreign, { recursive: true });
    writeFileSync(join(foreign, 'contract.pdf'), 'the project’s own file');
    expect(() => prepareAttachments(foreign)).toThrow(/was not written by deadend/);
    expect(readFileSync(join(foreign, 'contract.pdf'), 'utf8')).toBe('the project’s own file');

    const ours = join(tmp, 'reports', 'attachments');
    prepareAttachments(ours);
    expect(existsSync(join(ours, ATTACHMENTS_MARKER))).toBe(true);
    writeFileSync(join(ours, 'old-run.png'), 'x');
    prepareAttachments(ours);
    expect(existsSync(join(ours, 'old-run.png'))).toBe(false);
  });
});
