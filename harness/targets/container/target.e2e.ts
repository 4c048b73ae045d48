/**
 * `deadend run --target container` end to end: the reference shop's image built from this
 * checkout, started with the sandbox in its environment; every seed scenario comes out as on
 * sim, a failing run keeps the container's log, and no container is left behind.
 * `npm run test:container` (needs a Docker engine: skipped without one, failing under CI=true).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../../cli/testdata/spawnCli.ts';
import type { ResultsFile } from '../../core/contract.ts';
import { outcomeShape } from '../testdata/agreement.ts';
import { dockerAvailable, LABEL_PID, labelledContainers } from './engine.ts';

const onCI = process.env.CI === 'true';
const available = await dockerAvailable();
const tmp = mkdtempSync(join(tmpdir(), 'deadend-container-target-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const deadend = (...args: string[]) =>
  runCli(args, { env: { TESTCONTAINERS_RYUK_DISABLED: 'true' }, timeoutMs: 600_000 });
// The seed scenarios: the container target serves the seed merchants; open-vocabulary merchants run on
// sim, http and browser (their agreement is checked in targets/http and targets/browser).
const SEEDS = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => join('scenarios', f));
const results = (dir: string) => JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as ResultsFile;

describe.skipIf(!available && !onCI)('deadend run --target container', () => {
  it('needs a Docker engine', () => {
    expect(available, 'no Docker engine: install docker.io and start dockerd (see .ci/run)').toBe(true);
  });

  it('every seed scenario reaches the same outcomes, findings and paths as on sim; no container is left', async () => {
    const sim = join(tmp, 'sim');
    const box = join(tmp, 'container');
    expect(deadend('run', ...SEEDS, '--report', sim, '--reporter', 'json', '-q').code).toBe(0);
    const r = deadend('run', ...SEEDS, '--target', 'container', '--report', box, '--reporter', 'json');
    expect(r.stderr).toMatch(
      /container target: sandbox .* shop http:\/\/127\.0\.0\.1:\d+ \(container [0-9a-f]{12}\)/,
    );
    expect(r.code).toBe(0);
    expect(results(box).target).toBe('container');
    expect(outcomeShape(results(box))).toEqual(outcomeShape(results(sim)));
    const left = (await labelledContainers()).filter((c) => c.labels[LABEL_PID] === String(r.pid));
    expect(left).toEqual([]);
  }, 600_000);

  it('a run that misses its expectation keeps the merchant container’s log of that run', () => {
    const report = join(tmp, 'failing');
    const r = deadend(
      'run',
      'harness/targets/browser/testdata/missed-expectation.yaml',
      '--target',
      'container',
      '--grep',
      'key-quarantined+holidays',
      '--report',
      report,
      '--reporter',
      'json',
    );
    expect(r.code).toBe(1);
    const run = results(report).scenarios[0]!.runs[0]!;
    const log = run.attachments?.find((a) => a.path.endsWith('container.log'));
    expect(log).toMatchObject({ name: 'merchant container log (this run)', contentType: 'text/plain' });
    const text = readFileSync(join(report, log!.path), 'utf8');
    expect(text).toContain('POST /api/checkout 201');
    expect(text).not.toContain('reference shop on');
  }, 300_000);

  it('Ctrl-C in the middle of a run removes the merchant container', async () => {
    const child = spawn(
      process.execPath,
      [BIN, 'run', ...SEEDS, '--target', 'container', '--report', join(tmp, 'interrupted')],
      {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1', TESTCONTAINERS_RYUK_DISABLED: 'true' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      let seen = '';
      child.stderr!.on('data', (d) => {
        seen += d;
        if (seen.includes('container target: sandbox')) resolve();
      });
    });
    const mine = async () =>
      (await labelledContainers()).filter((c) => c.labels[LABEL_PID] === String(child.pid));
    expect(await mine()).toHaveLength(1);
    child.kill('SIGINT');
    expect(await exited).not.toBe(0);
    let left = await mine();
    for (let i = 0; i < 30 && left.length > 0; i++) {
      await new Promise((r) => setTimeout(r, 500));
      left = await mine();
    }
    expect(left).toEqual([]);
  }, 300_000);

  it('a team image that does not exist is exit 2 with a plain message', () => {
    const r = deadend(
      'run',
      'scenarios/000-converter-lite-christmas-eve.yaml',
      '--target',
      'container',
      '--image',
      'no-such/shop:0',
      '-q',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^deadend: the container target could not start: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
