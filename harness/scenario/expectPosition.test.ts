import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectPosition } from './expectPosition.ts';

const tmp = mkdtempSync(join(tmpdir(), 'deadend-expect-position-'));
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

describe('expectPosition', () => {
  const file = join(tmp, 'lost-key.yaml');
  writeFileSync(file, SCENARIO);

  it('points at the expect entry that applies to the run (the first that matches)', () => {
    expect(expectPosition(file, [])).toEqual({ line: 4, col: 5 });
    expect(expectPosition(file, ['holidays', 'key-quarantined'])).toEqual({ line: 6, col: 5 });
    expect(expectPosition(file, ['key-quarantined'])).toEqual({ line: 8, col: 5 });
    expect(expectPosition(join(tmp, 'x.scenario.ts'), [])).toBeUndefined();
  });
});
