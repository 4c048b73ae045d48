import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskResults } from '../core/contract.ts';
import { runSuite, streamSuite } from '../engine/runner.ts';
import { loadScenarios } from '../scenario/load.ts';
import { stringifyResults } from './json.ts';
import { writeResultsStreaming } from './jsonStream.ts';

describe('results.json written while the suite runs', () => {
  it('gives the same bytes as the JSON reporter, and leaves no spool file behind', async () => {
    const loaded = await loadScenarios(['scenarios']);
    const whole = await runSuite(loaded.scenarios, { seed: 3 });
    const dir = mkdtempSync(join(tmpdir(), 'deadend-stream-'));
    const path = join(dir, 'results.json');
    const { scenarios: _all, summary: _sum, ...head } = whole;
    const summary = writeResultsStreaming(path, head, streamSuite(loaded.scenarios, { seed: 3 }));
    expect(summary).toEqual(whole.summary);
    expect(readFileSync(path, 'utf8')).toBe(stringifyResults(maskResults(whole)));
    expect(readdirSync(dir)).toEqual(['results.json']);
  });

  it('writes a valid file for a selection that runs nothing', async () => {
    const loaded = await loadScenarios(['scenarios']);
    const whole = await runSuite(loaded.scenarios, { seed: 1, grep: 'no such journey' });
    const path = join(mkdtempSync(join(tmpdir(), 'deadend-stream-')), 'results.json');
    const { scenarios: _all, summary: _sum, ...head } = whole;
    writeResultsStreaming(path, head, streamSuite(loaded.scenarios, { seed: 1, grep: 'no such journey' }));
    expect(readFileSync(path, 'utf8')).toBe(stringifyResults(whole));
  });
});
