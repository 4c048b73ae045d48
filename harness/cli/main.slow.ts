import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type IO, main } from './main.ts';
import { ROOT, runCli } from './testdata/spawnCli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'deadend-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const deadend = (...args: string[]) => runCli(args);

describe('deadend (spawned)', () => {
  it('--help documents the commands and exits 0', () => {
    const r = deadend('--help');
    expect(r.code).toBe(0);
    for (const word of ['run', 'validate', 'faults', 'merge-reports', 'docs', 'Exit codes']) {
      expect(r.stdout).toContain(word);
    }
  });

  it('run --help documents every option', () => {
    const r = deadend('run', '--help');
    expect(r.code).toBe(0);
    for (const flag of [
      '--seed',
      '--target',
      '--report',
      '--reporter',
      '--grep',
      '--shard',
      '--workers',
      '--quiet',
      '--grep-invert',
      '--last-failed',
      '--list',
      '--config',
    ]) {
      expect(r.stdout).toContain(flag);
    }
  });

  it('no command prints the help on stderr and exits 2', () => {
    const r = deadend();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: deadend');
  });

  it('faults lists the catalogue', () => {
    const r = deadend('faults');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('mail.quarantined');
    expect(r.stdout).toMatch(/by \(default "PT6H"\)/);
  });

  it('oracles lists the findings oracles, and --markdown is docs/oracles.md', () => {
    const r = deadend('oracles');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/silent-failure\s+high/);
    expect(r.stdout).toContain('ping-pong');
    const md = deadend('oracles', '--markdown');
    expect(md.stdout).toBe(readFileSync(join(ROOT, 'docs/oracles.md'), 'utf8'));
  });

  it('faults --markdown prints the page docs/faults.md holds', () => {
    const r = deadend('faults', '--markdown');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'docs/faults.md'), 'utf8'));
  });

  it('docs --check passes on the committed docs', () => {
    const r = deadend('docs', '--check');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['run', '--frobnicate'], /unknown option '--frobnicate'/],
    [['run', '--seed', 'abc'], /--seed <n>.*'abc' is invalid.*whole number/],
    [['run', '--seed', '1.5'], /'1\.5' is invalid/],
    [['run', '--target', 'nope'], /'nope' is invalid.*sim, http, browser, container/],
    [['run', '--target', 'browser', '--adapter', 'x.ts'], /--adapter needs --shop-url/],
    [
      ['run', '--target', 'browser', '--shop-url', 'http://127.0.0.1:9'],
      /needs --adapter: page objects for your site/,
    ],
    [['run', '--target', 'container', '--shop-url', 'http://127.0.0.1:9'], /the container is the shop/],
    [['run', '--image', 'shop:1'], /--image, --container-env and --health-path go with --target container/],
    [
      ['run', '--target', 'container', '--container-env', 'NOEQUALS'],
      /--container-env NOEQUALS: write KEY=VALUE/,
    ],
    [['run', '--shard', '3/2'], /'3\/2' is invalid.*between 1 and 2/],
    [['run', '--workers', 'many'], /--workers <n>.*'many' is invalid/],
    [['run', 'no/such/folder'], /no\/such\/folder: no such file or folder/],
    [['run', '--merchants', 'no/such/merchants'], /--merchants no\/such\/merchants: no such folder/],
    [['merge-reports'], /missing required argument 'dirs'/],
  ])('deadend %j exits 2 with a message', (args, message) => {
    const r = deadend(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^deadend: /);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('an unknown reporter is a usage error', () => {
    const r = deadend('run', '--reporter', 'json,jnuit', '--report', join(tmp, 'never'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown reporter "jnuit".*junit/);
    expect(existsSync(join(tmp, 'never'))).toBe(false);
  });

  it('merge-reports on a folder without results.json is a usage error', () => {
    const r = deadend('merge-reports', join(tmp, 'nothing-here'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not exist/);
  });
});

describe('progress and colour (in-process)', () => {
  const ESC = String.fromCharCode(27);
  function streams(isTTY: boolean) {
    const out: string[] = [];
    const err: string[] = [];
    const stream = (chunks: string[]) =>
      ({
        isTTY,
        columns: 100,
        write: (s: string) => {
          chunks.push(s);
          return true;
        },
      }) as unknown as IO['stdout'];
    return {
      io: { stdout: stream(out), stderr: stream(err) },
      out: () => out.join(''),
      err: () => err.join(''),
    };
  }
  const saved = { NO_COLOR: process.env.NO_COLOR, FORCE_COLOR: process.env.FORCE_COLOR };
  afterAll(() => Object.assign(process.env, saved));

  it('draws a live bar with colour on a TTY, and plain lines without colour elsewhere', async () => {
    delete process.env.NO_COLOR;
    delete process.env.FORCE_COLOR;
    const args = ['run', 'scenarios/000-converter-lite-christmas-eve.yaml', '--workers', '1'];

    const tty = streams(true);
    expect(await main([...args, '--report', join(tmp, 'tty')], tty.io)).toBe(0);
    expect(tty.err()).toMatch(new RegExp(`\\r${ESC}\\[2K.*█`));
    expect(tty.err()).toContain(`${ESC}[36m`); // the bar is coloured
    expect(tty.err().endsWith(`\r${ESC}[2K`)).toBe(true); // and wiped before the outcome
    expect(tty.out()).toContain(`${ESC}[32m`); // the summary line is coloured

    const pipe = streams(false);
    expect(await main([...args, '--report', join(tmp, 'pipe')], pipe.io)).toBe(0);
    expect(pipe.err()).toMatch(/^deadend: \d+\/\d+ runs \(100%\)$/m);
    expect(pipe.err()).not.toContain(ESC);
    expect(pipe.err()).not.toContain('\r');
    expect(pipe.out()).not.toContain(ESC);

    process.env.NO_COLOR = '1';
    const noColor = streams(true);
    expect(await main([...args, '--report', join(tmp, 'no-color')], noColor.io)).toBe(0);
    expect(noColor.err()).toContain('█');
    expect(noColor.err()).not.toMatch(new RegExp(`${ESC}\\[3\\dm`));
    expect(noColor.out()).not.toContain(ESC);
  });
});
