import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { stringifyBaseline } from '../report/baseline.ts';
import { scenarioTests } from './vitest.ts';

const tmp = mkdtempSync(join(tmpdir(), 'deadend-vitest-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Collects what scenarioTests registers instead of handing it to vitest. */
function collector() {
  const suites: { name: string; tests: { name: string; fn: () => void }[] }[] = [];
  return {
    suites,
    register: {
      describe: (name: string, fn: () => void) => {
        suites.push({ name, tests: [] });
        fn();
      },
      it: (name: string, fn: () => void) => {
        suites.at(-1)!.tests.push({ name, fn });
      },
    },
  };
}

/** The first seed scenario as a journey whose fault-free run misses: it expects a dead end. */
function wrongScenario(): string {
  const name = readdirSync('scenarios')
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()[0]!;
  const scenario = parse(readFileSync(join('scenarios', name), 'utf8')) as Record<string, unknown>;
  scenario.id = 'wrong-expectation';
  scenario.faults = [];
  scenario.expect = [{ otherwise: true, outcome: 'dead-end' }];
  const file = join(tmp, 'wrong.yaml');
  writeFileSync(file, stringify(scenario));
  return file;
}

describe('scenarioTests', () => {
  it('registers one describe per scenario and one it per journey × fault combination', async () => {
    const c = collector();
    await scenarioTests('scenarios/', { register: c.register });
    expect(c.suites.length).toBe(readdirSync('scenarios').filter((f) => /\.ya?ml$/.test(f)).length);
    const first = c.suites[0]!;
    expect(first.name).toMatch(/^[a-z0-9-]+: /);
    expect(first.tests[0]!.name).toBe('none');
    expect(new Set(first.tests.map((t) => t.name)).size).toBe(first.tests.length);
  });

  it('fails a missed expectation with the explanation and the replay command', async () => {
    const c = collector();
    await scenarioTests(wrongScenario(), { register: c.register, baseline: false });
    const test = c.suites[0]!.tests[0]!;
    expect(test.name).toBe('none');
    let message = '';
    try {
      test.fn();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^wrong-expectation — none · persona #0 \(.*wrong\.yaml\)$/m);
    expect(message).toMatch(/^expected dead end, got /m);
    expect(message).toMatch(/^what happened: /m);
    expect(message).toMatch(
      /^replay: npx deadend run .*wrong\.yaml --seed 1 --grep 'wrong-expectation › none › #0'$/m,
    );
  });

  it('lets a dead end the baseline accepts pass', async () => {
    // Seed story 000: the key mail quarantined while support is closed dead-ends; expect it to work.
    const seed = join('scenarios', '000-converter-lite-christmas-eve.yaml');
    const scenario = parse(readFileSync(seed, 'utf8')) as Record<string, unknown>;
    const faults = ['key-quarantined', 'holidays'];
    scenario.id = 'accepted-dead-end';
    scenario.faults = (scenario.faults as { id: string }[]).filter((f) => faults.includes(f.id));
    scenario.explore = {};
    scenario.expect = [{ otherwise: true, outcome: 'recovered-with-help' }];
    const file = join(tmp, 'accepted.yaml');
    writeFileSync(file, stringify(scenario));
    const baseline = join(tmp, 'baseline.json');
    writeFileSync(
      baseline,
      stringifyBaseline({ schemaVersion: 1, accepted: [{ scenario: 'accepted-dead-end', faults }] }),
    );
    const deadEnd = (c: ReturnType<typeof collector>) =>
      c.suites[0]!.tests.find((t) => t.name === 'key-quarantined + holidays')!;

    const without = collector();
    await scenarioTests(file, { register: without.register, baseline: false });
    expect(() => deadEnd(without).fn()).toThrow(/expected recovered with help, got dead end/);

    const withBaseline = collector();
    await scenarioTests(file, { register: withBaseline.register, baseline });
    expect(() => deadEnd(withBaseline).fn()).not.toThrow();
  });

  it('rejects scenario files with errors, naming file:line:col', async () => {
    const file = join(tmp, 'broken.yaml');
    writeFileSync(file, 'id: broken\ntitle: x\n');
    await expect(scenarioTests(file, { register: collector().register })).rejects.toThrow(
      /broken\.yaml:\d+:\d+: /,
    );
  });
});
