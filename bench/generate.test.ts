import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarios } from '../harness/scenario/load.ts';
import { renderMarkdown, writeReadme } from './benchReport.ts';
import { generateSuite, runsOf, shiftInstant, toYaml } from './generate.ts';
import { runBench } from './run.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
const tempDir = async () => {
  const d = await mkdtemp(path.join(tmpdir(), 'deadend-bench-'));
  dirs.push(d);
  return d;
};

describe('bench/generate', () => {
  it('shifts wall-clock instants by whole hours', () => {
    expect(shiftInstant('2025-12-24T17:30', 7)).toBe('2025-12-25T00:30');
    expect(shiftInstant('2026-03-02 10:00:15', 26)).toBe('2026-03-03T12:00:15');
    expect(shiftInstant('2026-03-02T10:00-05:00', 1)).toBe('2026-03-02T11:00-05:00');
  });

  it('plans at least the runs asked for, in valid scenarios with distinct ids', async () => {
    const { scenarios: seeds, errors } = await loadScenarios(['scenarios']);
    expect(errors).toEqual([]);
    const suite = generateSuite(seeds, 300);
    const runs = suite.reduce((n, s) => n + runsOf(s), 0);
    expect(runs).toBeGreaterThanOrEqual(300);
    expect(new Set(suite.map((s) => s.scenario.id)).size).toBe(suite.length);

    const dir = await tempDir();
    for (const s of suite) await writeFile(path.join(dir, `${s.scenario.id}.yaml`), toYaml(s));
    const back = await loadScenarios([dir]);
    expect(back.errors).toEqual([]);
    expect(back.scenarios.reduce((n, s) => n + runsOf(s), 0)).toBe(runs);
    for (const s of back.scenarios) {
      const original = suite.find((g) => g.scenario.id === s.scenario.id)!;
      expect(s.merchant.capabilities).toEqual(original.merchant.capabilities);
    }
  });
});

describe('bench/run', () => {
  it('measures a tiny configuration and writes the results section', async () => {
    const results = await runBench({
      seed: 1,
      scenariosDir: 'scenarios',
      sizes: [20, 40],
      minMs: 1,
      warmup: 1,
      stressShapes: [{ faults: 5, maxFaults: 1, resend: true }],
    });
    const sizes = results.memory.kept.map((p) => p.runs);
    expect(sizes).toEqual(results.memory.streamed.map((p) => p.runs));
    expect(sizes[0]).toBeGreaterThanOrEqual(20);
    expect(sizes[1]).toBeGreaterThanOrEqual(40);
    expect(results.generated.runs).toBe(sizes[1]);
    const md = renderMarkdown(results);
    expect(md).toMatch(/^\| +# \| Measure +\| Result +\| Target +\| Status +\|$/m);
    expect(results.stress.map((r) => r.runs)).toEqual([6]);
    expect(md).toContain('| 5 faults, maxFaults 1, resend on');

    const file = path.join(await tempDir(), 'README.md');
    await writeFile(
      file,
      'before\n<!-- bench:results:start -->\nSTALE-RESULTS\n<!-- bench:results:end -->\nafter\n',
    );
    writeReadme(file, md);
    const text = await readFile(file, 'utf8');
    expect(text).toContain(md);
    expect(text).not.toContain('STALE-RESULTS');
    expect(text.startsWith('before\n')).toBe(true);
    expect(text.endsWith('after\n')).toBe(true);
  });
});
