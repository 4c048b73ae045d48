import { describe, expect, it } from 'vitest';
import type { ResultsFile } from '../core/contract.ts';
import { runOpenScenario } from './open/runOpen.ts';
import { gatedToyScenario } from './open/testdata/gated.ts';
import { openCandidates } from './open/whatIf.ts';
import { suggestFixes } from './whatIf.ts';

function fixesOf(loaded = gatedToyScenario()) {
  const result = runOpenScenario(loaded, { seed: 1 })!;
  const results = { seed: 1, scenarios: [result] } as unknown as ResultsFile;
  return { result, fixes: suggestFixes([loaded], results) };
}

describe('the what-if over an open scenario', () => {
  it('names a capability that is off by the actions it gates; one that gates nothing is no candidate', () => {
    const changes = openCandidates(gatedToyScenario()).map((c) => c.change);
    expect(changes).toEqual(['offer: sign in with a backup code', 'offer: read the newsletter']);
  });

  it('finds the capability that rescues the dead end, with the outcome it gets', () => {
    const { result, fixes } = fixesOf();
    // Only the customer without the key is stuck: the help desk is closed all weekend.
    expect(result.runs.map((r) => r.outcome)).toEqual(['recovered', 'dead-end']);
    expect(fixes).toEqual([
      expect.objectContaining({
        change: 'offer: sign in with a backup code',
        overrides: { capabilities: { 'backup-codes': true } },
        rescues: [{ scenario: 'toy-cancel', faults: [], outcome: 'recovered' }],
      }),
    ]);
  });

  it('gives the same fixes run after run', () => {
    expect(JSON.stringify(fixesOf().fixes)).toBe(JSON.stringify(fixesOf().fixes));
  });

  it('has no fix when the capability that would help is already on', () => {
    const on = gatedToyScenario();
    on.profile = { ...on.profile, capabilities: { ...on.profile.capabilities, 'backup-codes': true } };
    const { result, fixes } = fixesOf(on);
    expect(result.runs.map((r) => r.outcome)).toEqual(['recovered', 'recovered']);
    expect(fixes).toEqual([]);
  });
});
