/**
 * docs/plugins.md's worked example through the command line: `deadend run` with its config
 * (which registers the plugins, importing them from 'deadend' as a user's project does) meets
 * every expectation. One run only: from the sources, the config's import of the whole public
 * API goes through jiti (about 20 s on a loaded machine).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type IO, main } from './main.ts';

function capture(): IO & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  const stream = (chunks: string[]) =>
    ({
      write: (s: string) => {
        chunks.push(s);
        return true;
      },
    }) as unknown as IO['stdout'];
  return { stdout: stream(out), stderr: stream(err), out: () => out.join(''), err: () => err.join('') };
}

const EXAMPLE = 'docs/examples/plugins';
const CONFIG = `${EXAMPLE}/deadend.config.ts`;

describe('the plugins example on the command line', () => {
  it('runs with its config: every expectation met, the plugin oracle’s findings in results.json', async () => {
    const report = mkdtempSync(join(tmpdir(), 'deadend-plugins-run-'));
    const io = capture();
    const code = await main(
      [
        'run',
        `${EXAMPLE}/scenarios`,
        '--config',
        CONFIG,
        '--report',
        report,
        '--reporter',
        'json',
        '--quiet',
      ],
      io,
    );
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const results = JSON.parse(readFileSync(join(report, 'results.json'), 'utf8'));
    const runs = results.scenarios[0].runs as {
      outcome: string;
      pass: boolean;
      findings: { oracle: string }[];
    }[];
    expect(runs.map((r) => [r.outcome, r.pass])).toEqual([
      ['recovered', true],
      ['dead-end', true],
    ]);
    expect(runs[0]!.findings.map((f) => f.oracle)).toEqual(['charged-while-paused', 'charged-while-paused']);
  });
});
