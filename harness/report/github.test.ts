import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ResultsFile, RunResult } from '../core/contract.ts';
import { expectPosition } from '../scenario/expectPosition.ts';
import { githubAnnotations } from './github.ts';

const tmp = mkdtempSync(join(tmpdir(), 'deadend-github-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SCENARIO = `id: lost-key
title: A lost key
expect:
  - faults: []
    outcome: ok
  - includes: [holidays]
    outcome: dead-end
  - otherwise: true
    outcome: recovered
`;

function run(faults: string[], pass: boolean): RunResult {
  return {
    faults,
    pass,
    outcome: 'dead-end',
    expected: { outcome: 'recovered' },
    failure: 'expected recovered, got dead-end',
    explanation: 'Support was closed: 50% of the way,\nnothing left',
    replay: "npx deadend run s.yaml --seed 1 --grep 'lost-key › key-quarantined › #0'",
    persona: { index: 0, name: 'A', email: 'a@example.test' },
  } as unknown as RunResult;
}

describe('github reporter', () => {
  const file = join(tmp, 'lost-key.yaml');
  writeFileSync(file, SCENARIO);

  it('writes one ::error per missed expectation, escaped as workflow commands need', () => {
    const results = {
      scenarios: [{ id: 'lost-key', file, runs: [run([], true), run(['key-quarantined'], false)] }],
    } as unknown as ResultsFile;
    const lines = githubAnnotations(results, (f, faults) => expectPosition(f, faults, readFileSync));
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatch(
      new RegExp(
        `^::error file=${file.replace(/[/.]/g, '\\$&')},line=8,col=5,title=deadend%3A lost-key — key-quarantined::`,
      ),
    );
    expect(line).toContain('expected recovered, got dead end%0A');
    expect(line).toContain('50%25 of the way,%0Anothing left');
    expect(line).not.toContain('\n');
  });
});
