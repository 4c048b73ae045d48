/**
 * The README's sample output is what a run prints: each `<!-- sample-output: run ARGS -->` block
 * (a fenced table, or an inline `summary line`) is compared with `deadend ARGS` run now.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../core/modulePath.ts';
import { main } from './main.ts';

const README = readFileSync(join(packageRoot(), 'README.md'), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'deadend-readme-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function stdoutOf(args: string[]): Promise<string> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let text = '';
  stdout.on('data', (c: Buffer) => {
    text += c.toString();
  });
  stderr.resume();
  const dir = mkdtempSync(join(tmp, 'run-'));
  await main([...args, '--report', dir, '--reporter', 'json'], { stdout, stderr });
  return text;
}

const samples = [
  ...README.matchAll(/<!-- sample-output: (run[^(]*?) \(checked by[^>]*-->\n([\s\S]*?)\n\n/g),
].map((m) => ({ args: m[1]!.trim().split(/\s+/), block: m[2]! }));

describe('README sample output', () => {
  it('has the samples this test checks', () => {
    expect(samples.length).toBeGreaterThanOrEqual(2);
  });

  for (const { args, block } of samples) {
    it(`matches \`deadend ${args.join(' ')}\``, async () => {
      const out = await stdoutOf(args);
      const fenced = /```\n([\s\S]*?)\n\s*```/.exec(block);
      if (fenced) {
        const shown = fenced[1]!.split('\n').map((l) => l.trim());
        const printed = out.split('\n').filter((l) => l.startsWith('|'));
        expect(shown).toEqual(printed);
      } else {
        const summary = /`([^`]+)`/.exec(block)![1]!;
        expect(out.trimEnd().split('\n').at(-1)).toBe(summary);
      }
    });
  }
});
