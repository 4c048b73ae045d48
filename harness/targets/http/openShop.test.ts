/**
 * An open-vocabulary journey on the http target: the account's buttons pressed at the reference
 * shop, the chat reached through its support form, the recovery search branching over the
 * world handed to the sandbox and back — with the same result as on sim.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../core/contract.ts';
import { planOpenRuns } from '../../engine/open/plan.ts';
import { prepareOpen, runOpenOne } from '../../engine/open/runOpen.ts';
import { toyLoaded } from '../testdata/openToy.ts';
import { type HttpTarget, startHttpTarget } from './wireShop.ts';

let target: HttpTarget;
beforeAll(() => {
  target = startHttpTarget();
}, 60_000);
afterAll(() => target?.close());

function both(loaded = toyLoaded()): { sim: RunResult; http: RunResult } {
  const prep = prepareOpen(loaded);
  const run = planOpenRuns(loaded, {})[0]!;
  return { sim: runOpenOne(prep, run, 1).result, http: runOpenOne(prep, run, 1, target).result };
}

const same = (r: RunResult) => ({
  outcome: r.outcome,
  path: r.path,
  findings: r.findings.map((f) => f.oracle),
  trace: r.trace,
  scorecard: r.scorecard,
});

describe('http target: open-vocabulary journeys at the reference shop', () => {
  it('a locked account: sign-in refused at the shop, the chat unlocks it, then cancel — as on sim', () => {
    const before = target.wireMoves();
    const { sim, http } = both();
    expect(http.outcome).toBe('recovered-with-help');
    expect(same(http)).toEqual(same(sim));
    const after = target.wireMoves();
    expect(after.performAction).toBeGreaterThan(before.performAction);
    expect(after.contactAbout).toBeGreaterThan(before.contactAbout);
  });

  it('an account that is not locked: the scripted steps pass over the wire', () => {
    const loaded = toyLoaded();
    const facts = loaded.profile.facts.map((f) => (f.id === 'locked' ? { ...f, initially: false } : f));
    const { sim, http } = both({ ...loaded, profile: { ...loaded.profile, facts } });
    expect(http.outcome).toBe('ok');
    expect(same(http)).toEqual(same(sim));
  });
});
