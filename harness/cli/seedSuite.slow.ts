/**
 * `deadend run` and `validate` on the seed suite, through the real CLI (spawned): apart from
 * main.slow.ts so that vitest runs the two long files side by side.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { ResultsFile } from '../core/contract.ts';
import { ROOT, runCli } from './testdata/spawnCli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'deadend-seed-suite-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const deadend = (...args: string[]) => runCli(args);
// The seed scenarios are the top-level files of scenarios/ (the stories live in scenarios/stories/).
const SEEDS = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => `scenarios/${f}`);

// These need the engine (harness/engine/runner.ts), the loader and the seed scenarios.
describe('deadend run on the seed suite (spawned)', () => {
  const results = (dir: string) => readFileSync(join(dir, 'results.json'), 'utf8');

  it('runs the seed scenarios, passes, writes the reports and prints the outcome', () => {
    const dir = join(tmp, 'all');
    const r = deadend('run', ...SEEDS, '--report', dir, '--reporter', 'json,md,junit,html');
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const parsed = JSON.parse(results(dir)) as ResultsFile;
    expect(parsed.schemaVersion).toBe(2);
    expect(parsed.seed).toBe(1);
    expect(parsed.summary.failed).toBe(0);
    expect(parsed.summary.runs).toBeGreaterThan(0);
    expect(readdirSync(dir).length).toBeGreaterThanOrEqual(4);
    expect(r.stdout).toMatch(/\| scenario +\| faults +\| outcome +\| expected/);
    for (const scenario of parsed.scenarios) expect(r.stdout).toContain(scenario.id);
    expect(r.stdout).not.toMatch(/^\d+ missed expectations?:$/m);
    expect(r.stdout).toMatch(/0 missed expectations\n$/);
    expect(r.stdout).toContain(`Reports in ${dir}: results.json, summary.md, junit.xml, report.html`);
  });

  it('is deterministic: 1 and 2 workers, and three shards merged, give the same results.json bytes', () => {
    const whole = join(tmp, 'whole');
    const one = [...SEEDS, '--seed', '7', '--reporter', 'json', '--quiet'];
    expect(deadend('run', ...one, '--workers', '1', '--report', whole).code).toBe(0);
    const again = join(tmp, 'again');
    expect(deadend('run', ...one, '--workers', '2', '--report', again).code).toBe(0);
    expect(results(again)).toBe(results(whole));

    const shards = ['1/3', '2/3', '3/3'].map((shard, i) => {
      const dir = join(tmp, `shard-${i + 1}`);
      const r = deadend('run', ...one, '--shard', shard, '--report', dir);
      expect(r.code).toBe(0);
      return dir;
    });
    const runsIn = (dir: string) => (JSON.parse(results(dir)) as ResultsFile).summary.runs;
    for (const dir of shards) expect(runsIn(dir)).toBeGreaterThan(0);
    expect(shards.reduce((n, dir) => n + runsIn(dir), 0)).toBe(runsIn(whole));
    const merged = join(tmp, 'merged');
    const m = deadend('merge-reports', ...shards, '--report', merged, '--reporter', 'json,md');
    expect(m.stderr).toBe('');
    expect(m.code).toBe(0);
    expect(results(merged)).toBe(results(whole));

    const missing = deadend('merge-reports', shards[0]!, shards[2]!, '--report', join(tmp, 'merged-missing'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/shard 2\/3 missing/);
  });

  it('--reporter json in one thread streams results.json: same bytes and output as the in-memory run', () => {
    const seed = parse(readFileSync(join(ROOT, 'scenarios/000-converter-lite-christmas-eve.yaml'), 'utf8'));
    const scenario = seed as { id: string; expect: { faults?: string[]; outcome: string }[] };
    scenario.id = 'streamed-journey';
    // One dead end the scenario does not expect, accepted by the baseline; the what-if finds fixes.
    for (const rule of scenario.expect) {
      if (rule.faults?.join() === 'key-quarantined,holidays') rule.outcome = 'recovered';
    }
    const file = join(tmp, 'streamed-journey.yaml');
    writeFileSync(file, stringify(scenario));
    const baseline = join(tmp, 'streamed-baseline.json');
    writeFileSync(
      baseline,
      JSON.stringify({
        schemaVersion: 1,
        accepted: [{ scenario: scenario.id, faults: ['holidays', 'key-quarantined'] }],
      }),
    );
    const run = (dir: string, reporter: string) =>
      deadend(
        'run',
        file,
        '--baseline',
        baseline,
        '--report',
        join(tmp, dir),
        '--reporter',
        reporter,
        '--workers',
        '1',
      );
    const streamed = run('streamed', 'json');
    const inMemory = run('in-memory', 'json,md');
    expect(streamed.code).toBe(0);
    expect(streamed.stdout).toContain('results.json (written as the suite ran)');
    expect(inMemory.stdout).not.toContain('written as the suite ran');
    expect(inMemory.code).toBe(0);
    expect(results(join(tmp, 'streamed'))).toBe(results(join(tmp, 'in-memory')));
    const withoutReports = (out: string) => out.replace(/^Reports in .*$/m, '');
    expect(withoutReports(streamed.stdout)).toBe(withoutReports(inMemory.stdout));
    const parsed = JSON.parse(results(join(tmp, 'streamed'))) as ResultsFile;
    expect(parsed.fixes?.[0]?.change).toBe('offer downloadFromOrderPage');
    expect(parsed.summary.accepted).toBe(1);
  });

  it('baseline: an accepted dead end turns a failing run green, a new dead end turns it red', () => {
    // Seed story 000 with two dead ends the team did not expect.
    const seed = parse(readFileSync(join(ROOT, 'scenarios/000-converter-lite-christmas-eve.yaml'), 'utf8'));
    const scenario = seed as { id: string; faults: { id: string }[]; explore?: unknown; expect: unknown[] };
    scenario.id = 'baseline-journey';
    scenario.faults = scenario.faults.filter((f) =>
      ['key-quarantined', 'address-typo', 'holidays'].includes(f.id),
    );
    scenario.explore = { maxFaults: 2 };
    const CLOSED = ['holidays', 'key-quarantined'];
    const TYPO = ['address-typo', 'holidays'];
    // Expects self-service with help where the journey really dead-ends, for the given combinations.
    const expectWrong = (...wrong: string[][]) => {
      const outcome = (faults: string[]) =>
        wrong.some((w) => w.join() === [...faults].sort().join()) ? 'recovered-with-help' : 'dead-end';
      scenario.expect = [
        { faults: [], outcome: 'ok' },
        { faults: ['holidays'], outcome: 'ok' },
        { faults: ['key-quarantined', 'holidays'], outcome: outcome(CLOSED) },
        { faults: ['address-typo', 'holidays'], outcome: outcome(TYPO) },
        { otherwise: true, outcome: 'recovered-with-help' },
      ];
      writeFileSync(file, stringify(scenario));
    };
    const file = join(tmp, 'baseline-journey.yaml');
    const baseline = join(tmp, 'deadend-baseline.json');
    const run = (...more: string[]) =>
      deadend(
        'run',
        file,
        '--baseline',
        baseline,
        ...more,
        '--report',
        join(tmp, 'baseline-report'),
        '--quiet',
      );
    const update = () => run('--update-baseline');
    const accepted = () =>
      (JSON.parse(results(join(tmp, 'baseline-report'))) as ResultsFile).scenarios[0]!.runs.filter(
        (r) => r.accepted,
      );

    // Not expected, not in the baseline: red.
    expectWrong(CLOSED);
    writeFileSync(baseline, '{ "schemaVersion": 1, "accepted": [] }\n');
    let r = run();
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/1 new dead end · 0 accepted · 0 disappeared/);
    expect(r.stdout).toMatch(/✗ baseline-journey — holidays \+ key-quarantined/);

    // Accepted in the baseline: green, reported as accepted, marked in results.json.
    writeFileSync(
      baseline,
      JSON.stringify({ schemaVersion: 1, accepted: [{ scenario: scenario.id, faults: CLOSED }] }),
    );
    r = run();
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 new dead ends · 1 accepted · 0 disappeared/);
    expect(r.stdout).toMatch(/☑ baseline-journey — holidays \+ key-quarantined/);
    expect(r.stdout).toMatch(/2 dead ends \(1 accepted\) · 0 missed expectations/);
    expect(accepted().map((run) => [...run.faults].sort())).toEqual([CLOSED]);

    // A new dead end: red again, and only the new one is listed as new.
    expectWrong(CLOSED, TYPO);
    r = run();
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/1 new dead end · 1 accepted · 0 disappeared/);
    expect(r.stdout).toMatch(/✗ baseline-journey — address-typo \+ holidays/);

    // --update-baseline accepts it; a fixed expectation makes the first one disappear.
    r = update();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/updated: 2 accepted dead ends \(1 added, 0 dropped\)/);
    expectWrong(TYPO);
    r = run();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 new dead ends · 1 accepted · 0 disappeared/);
    r = update();
    expect(r.stdout).toMatch(/updated: 1 accepted dead end \(0 added, 1 dropped\)/);
    expect(JSON.parse(readFileSync(baseline, 'utf8'))).toEqual({
      schemaVersion: 1,
      accepted: [{ scenario: scenario.id, faults: TYPO }],
    });

    const missing = deadend('run', file, '--baseline', join(tmp, 'no-such-baseline.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no-such-baseline\.json: no such file/);
  });

  it('--grep that matches no run is a usage error', () => {
    const r = deadend('run', ...SEEDS, '--grep', 'no-such-journey', '--report', join(tmp, 'grep-none'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--grep "no-such-journey" matches no run/);
    expect(existsSync(join(tmp, 'grep-none'))).toBe(false);
  });

  it('validate accepts the seed scenarios', () => {
    const r = deadend('validate', 'scenarios/');
    expect(r.code).toBe(0);
  });

  it('a scenario with an error: prints file:line:col, runs nothing, exits 2', () => {
    const file = join(tmp, 'broken.yaml');
    const source = firstSeedScenario();
    const scenario = parse(source) as Record<string, unknown>;
    scenario.faults = [{ fault: 'mail.quarantine' }];
    writeFileSync(file, stringify(scenario));
    const dir = join(tmp, 'broken-report');
    const r = deadend('run', file, '--report', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.yaml:\d+:\d+: /);
    expect(r.stderr).toMatch(/nothing was run/);
    expect(existsSync(dir)).toBe(false);
  });

  it('a missed expectation: exits 1, explains it and prints a replay command that reproduces it', () => {
    const file = join(tmp, 'wrong-expectation.yaml');
    const scenario = parse(firstSeedScenario()) as Record<string, unknown>;
    scenario.id = 'wrong-expectation';
    scenario.faults = [];
    // The fault-free run of a seed journey works, so expecting a dead end misses.
    scenario.expect = [{ otherwise: true, outcome: 'dead-end' }];
    writeFileSync(file, stringify(scenario));
    const r = deadend('run', file, '--report', join(tmp, 'wrong'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/1 missed expectation/);
    expect(r.stdout).toMatch(/✗ wrong-expectation — none/);
    expect(r.stdout).toMatch(/expected dead end, got /);
    const replay = /replay: (?:npx )?deadend (.*)/.exec(r.stdout)?.[1];
    expect(replay).toBeDefined();
    const args = splitShellWords(replay!);
    // A later --report wins over one in the replay command.
    const again = deadend(...args, '--report', join(tmp, 'replay'));
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/✗ wrong-expectation — none/);
  });
});

function firstSeedScenario(): string {
  const name = readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()[0];
  if (!name) throw new Error('no YAML scenario in scenarios/');
  return readFileSync(join(ROOT, 'scenarios', name), 'utf8');
}

/** Enough of POSIX shell word splitting for replay commands: spaces, single and double quotes. */
function splitShellWords(text: string): string[] {
  const words: string[] = [];
  for (const m of text.matchAll(/'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g)) {
    words.push(m[1] ?? m[2]?.replace(/\\(.)/g, '$1') ?? m[3]!);
  }
  return words;
}
