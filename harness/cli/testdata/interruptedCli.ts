/**
 * For the interruption tests: a generated suite of 3,000 runs, and the CLI run with a signal sent
 * once it has reported its first progress line.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSuite, toYaml } from '../../../bench/generate.ts';
import { countRuns } from '../../engine/runner.ts';
import { loadScenarios } from '../../scenario/load.ts';
import { BIN, ROOT } from './spawnCli.ts';

/** Writes a 3,000-run suite generated from the seed scenarios into `dir`; the number of runs it plans. */
export async function writeBigSuite(dir: string): Promise<number> {
  const seeds = await loadScenarios(['scenarios']);
  const scenarios = generateSuite(seeds.scenarios, 3000);
  mkdirSync(dir);
  for (const s of scenarios) writeFileSync(join(dir, `${s.scenario.id}.yaml`), toYaml(s));
  return countRuns(scenarios, {});
}

/** Runs the CLI and sends `signal` once it has reported its first progress line. */
export function interrupted(
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
