import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportCatalogue } from '../engine/reportCatalogue.ts';
import { sampleResults } from './fixtures/sample-results.ts';
import { jsonReporter, parseResults, readResults, stringifyResults } from './json.ts';

function tempFile(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'deadend-json-')), 'results.json');
  writeFileSync(path, content);
  return path;
}

describe('results.json', () => {
  it('is byte-stable: equal input gives equal bytes', () => {
    const a = jsonReporter.files(sampleResults(), reportCatalogue());
    const b = jsonReporter.files(sampleResults(), reportCatalogue());
    expect(a).toHaveLength(1);
    expect(a[0]?.path).toBe('results.json');
    expect(a[0]?.content).toBe(b[0]?.content);
  });

  it('uses a 2-space indent, the construction key order and a trailing newline', () => {
    const text = stringifyResults(sampleResults());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n').slice(0, 3)).toEqual(['{', '  "schemaVersion": 2,', '  "tool": {']);
    const topKeys = [...text.matchAll(/^ {2}"(\w+)":/gm)].map((m) => m[1]);
    expect(topKeys).toEqual(['schemaVersion', 'tool', 'seed', 'target', 'selection', 'summary', 'scenarios']);
  });

  it('reads back what it wrote', () => {
    const results = sampleResults();
    expect(readResults(tempFile(stringifyResults(results)))).toEqual(results);
  });

  it('explains a schema version it cannot read', () => {
    const path = tempFile(JSON.stringify({ ...sampleResults(), schemaVersion: 3 }));
    expect(() => readResults(path)).toThrow(
      `${path} has schemaVersion 3, but this deadend reads schemaVersion 2.`,
    );
  });

  it('explains a file that is not a results file at all', () => {
    expect(() => readResults(tempFile('{"hello": 1}'))).toThrow(
      'is not a deadend results file: it has no "schemaVersion"',
    );
    expect(() => readResults(tempFile('{"schemaVersion": 1,'))).toThrow('is not valid JSON');
    expect(() => readResults('/nonexistent/results.json')).toThrow(
      'Cannot read results: /nonexistent/results.json does not exist.',
    );
  });

  it('names the first field that breaks the contract', () => {
    const results = sampleResults() as unknown as { scenarios: { runs: { outcome: string }[] }[] };
    results.scenarios[0]!.runs[2]!.outcome = 'stranded';
    expect(() => parseResults(results, 'shard-2.json')).toThrow(
      /^shard-2\.json is not a valid deadend results file: scenarios\[0\]\.runs\[2\]\.outcome: /,
    );
  });
});
