/**
 * bin/deadend.js, the first thing a user's Node runs: a Node that is too old gets one line on how
 * to get a supported one (exit 2); a launcher that cannot import deadend is deadend's failure
 * (stack, exit 3), never Node's raw exit 1.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../core/modulePath.ts';

const LAUNCHER = join(packageRoot(), 'bin/deadend.js');
const tmp = mkdtempSync(join(tmpdir(), 'deadend-launcher-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('bin/deadend.js', () => {
  it('on Node 20 says how to get a supported Node, in one line, and exits 2', () => {
    const pretend20 = 'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"20.11.0"})';
    const r = spawnSync(process.execPath, ['--import', pretend20, LAUNCHER, '--version'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /deadend needs Node 22 or newer.*Install a current Node from https:\/\/nodejs\.org/,
    );
    expect(r.stderr).not.toMatch(/bundled|npx/);
  });

  it('a failed import is an internal error: the stack and exit 3', () => {
    const broken = join(tmp, 'broken');
    mkdirSync(join(broken, 'bin'), { recursive: true });
    copyFileSync(LAUNCHER, join(broken, 'bin/deadend.js'));
    writeFileSync(join(broken, 'package.json'), '{"type":"module"}\n');
    const r = spawnSync(process.execPath, [join(broken, 'bin/deadend.js'), '--version'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^deadend: internal error: Error \[ERR_MODULE_NOT_FOUND\]/);
    expect(r.stderr).toMatch(/dist\/harness\/cli\/main\.js/);
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  it('a reader that closes the pipe early (`deadend run --help | head`) ends it quietly, exit 0', () => {
    const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    // `true` reads nothing and exits at once, so the help is written to a closed pipe; the
    // launcher's own status goes to stderr (a pipeline's status is its last command's).
    const launch = `${quote(process.execPath)} ${quote(LAUNCHER)} run --help`;
    const r = spawnSync('/bin/sh', ['-c', `(${launch}; echo "launcher exit $?" >&2) | true`], {
      encoding: 'utf8',
    });
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(r.stderr.trim()).toBe('launcher exit 0');
  });

  it('in the repository it runs the sources (no build needed)', () => {
    const r = spawnSync(process.execPath, [LAUNCHER, '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
