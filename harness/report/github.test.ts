import { describe, expect, it } from 'vitest';
import type { ResultsFile, RunResult } from '../core/contract.ts';
import { type ExpectLocator, githubAnnotations } from './github.ts';

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
  const file = 'scenarios/lost-key.yaml';
  // The `expect` entry that applies to the run (scenario/expectPosition.ts finds it in the file).
  const expectAt: ExpectLocator = (f, faults) =>
    f === file && faults.join('+') === 'key-quarantined' ? { line: 8, col: 5 } : undefined;

  it('writes one ::error per missed expectation, escaped as workflow commands need', () => {
    const results = {
      scenarios: [{ id: 'lost-key', file, runs: [run([], true), run(['key-quarantined'], false)] }],
    } as unknown as ResultsFile;
    const lines = githubAnnotations(results, expectAt);
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
