/** `deadend run --target http` through the real CLI: the reference shop, an external shop with an adapter, bad flags. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startShop } from '../../../fixtures/shop/server.ts';
import { BIN, ROOT, runCli } from '../../cli/testdata/spawnCli.ts';
import type { ResultsFile } from '../../core/contract.ts';

const SCENARIO = 'scenarios/000-converter-lite-christmas-eve.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'deadend-http-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const deadend = (args: string[]) => runCli(args);

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const results = (dir: string) => JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as ResultsFile;

describe('deadend run --target http', () => {
  it('starts the sandbox and the reference shop, runs over the wire, and agrees with sim', () => {
    const httpDir = join(tmp, 'http');
    const simDir = join(tmp, 'sim');
    const h = deadend(['run', SCENARIO, '--target', 'http', '--report', httpDir, '--reporter', 'json']);
    expect(h.stderr).toMatch(
      /http target: sandbox http:\/\/127\.0\.0\.1:\d+ .*shop http:\/\/127\.0\.0\.1:\d+/,
    );
    expect(h.code).toBe(0);
    expect(deadend(['run', SCENARIO, '--report', simDir, '--reporter', 'json']).code).toBe(0);
    const [a, b] = [results(simDir), results(httpDir)];
    expect(b.target).toBe('http');
    const outcomes = (r: ResultsFile) =>
      r.scenarios[0]!.runs.map((x) => [x.faults.join('+'), x.outcome, x.findings.length]);
    expect(outcomes(b)).toEqual(outcomes(a));
  });

  it('runs against an external shop through an adapter module, on the ports it was told', async () => {
    const [sandboxPort, smtpPort] = [await freePort(), await freePort()];
    const shop = await startShop({
      sandboxUrl: `http://127.0.0.1:${sandboxPort}`,
      smtp: { host: '127.0.0.1', port: smtpPort },
    });
    const counted = join(tmp, 'actions.txt');
    try {
      const args = [
        BIN,
        'run',
        SCENARIO,
        '--target',
        'http',
        '--shop-url',
        shop.url,
        '--adapter',
        'harness/targets/http/testdata/countingAdapter.ts',
        '--sandbox-port',
        String(sandboxPort),
        '--smtp-port',
        String(smtpPort),
        '--report',
        join(tmp, 'external'),
        '--reporter',
        'json',
        '-q',
      ];
      // Spawned asynchronously: the shop in this process must keep answering while the CLI runs.
      const code = await new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, args, {
          cwd: ROOT,
          env: { ...process.env, DEADEND_TEST_COUNT_FILE: counted },
          stdio: 'ignore',
        });
        child.on('exit', resolve);
      });
      expect(code).toBe(0);
      expect(readFileSync(counted, 'utf8')).toContain('checkout');
      expect(results(join(tmp, 'external')).summary.failed).toBe(0);
    } finally {
      await shop.close();
    }
  });

  it('a shop that breaks down mid-suite: exit 2, and the runs that finished are still reported', async () => {
    const [sandboxPort, smtpPort] = [await freePort(), await freePort()];
    const shop = await startShop({
      sandboxUrl: `http://127.0.0.1:${sandboxPort}`,
      smtp: { host: '127.0.0.1', port: smtpPort },
    });
    const report = join(tmp, 'broken');
    try {
      const args = [
        BIN,
        'run',
        'scenarios',
        '--target',
        'http',
        '--shop-url',
        shop.url,
        '--adapter',
        'harness/targets/http/testdata/breakingAdapter.ts',
        '--sandbox-port',
        String(sandboxPort),
        '--smtp-port',
        String(smtpPort),
        '-q',
        '--report',
        report,
        '--reporter',
        'json',
      ];
      // Asynchronously: the shop in this process must keep answering while the CLI runs.
      const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d) => {
          stderr += d;
        });
        child.on('exit', (code) => resolve({ code, stderr }));
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('the http target failed: the shop went away (test adapter)');
      expect(r.stderr).toMatch(/The \d+ runs that finished before it are reported in/);
      expect(results(report).summary.runs).toBeGreaterThan(0);
    } finally {
      await shop.close();
    }
  });

  it('a shop that does not answer, or flags without the target, are exit 2 with a plain message', () => {
    const down = deadend([
      'run',
      SCENARIO,
      '--target',
      'http',
      '--shop-url',
      'http://127.0.0.1:9',
      '-q',
      '--report',
      join(tmp, 'down'),
    ]);
    expect(down.code).toBe(2);
    expect(down.stderr).toContain('the http target failed: no answer from the shop at http://127.0.0.1:9');
    const stray = deadend(['run', SCENARIO, '--adapter', 'x.ts']);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('--shop-url and --adapter go with --target http');
    const port = deadend(['run', SCENARIO, '--target', 'http', '--sandbox-port', 'abc']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('"abc" is not a port');
  });
});
