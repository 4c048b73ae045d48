/**
 * deadend scenarios as vitest tests: `import { scenarioTests } from 'deadend/vitest'`.
 *
 * ```ts
 * // journeys.test.ts
 * import { scenarioTests } from 'deadend/vitest';
 *
 * await scenarioTests('scenarios/', { seed: 1 });
 * ```
 *
 * One `describe` per scenario, one `it` per journey × fault combination (all personas of the
 * combination run in it). A run that misses its expectation fails its test with what was
 * expected, what happened, why (for a dead end, why every way out was closed) and the command
 * that replays it alone. Dead ends accepted in the baseline (`deadend-baseline.json` in the
 * working directory, or `baseline`) pass, as they do in `deadend run`.
 *
 * The scenario files are loaded while vitest collects the test file, which is why the call is
 * awaited (top-level await, or inside an async `describe`); the journeys run inside the tests, so
 * `vitest -t` runs only the ones it selects. Secrets are masked in the messages as in the reports.
 */
import { existsSync } from 'node:fs';
import * as vitest from 'vitest';
import type { RunResult } from '../core/contract.ts';
import { maskResults } from '../core/contract.ts';
import { type PlannedRun, type PreparedScenario, planRuns, prepare, runOne } from '../engine/runner.ts';
import { acceptsRun, BASELINE_FILE, type Baseline, readBaseline } from '../report/baseline.ts';
import { faultsLabel, OUTCOME_LABEL, plural } from '../report/format.ts';
import { whyItMissed } from '../report/terminal.ts';
import { combinationKey } from '../scenario/combinations.ts';
import { type LoadedScenario, loadScenarios } from '../scenario/load.ts';
import { formatSourceError } from '../scenario/source.ts';
import { faultCatalogue } from '../services/index.ts';

export interface ScenarioTestOptions {
  /** Seed of every random choice (default 1, as `deadend run`). */
  seed?: number;
  /** Folder of merchant profiles (default `fixtures/merchants`). */
  merchantsDir?: string;
  /** Folder of holiday calendars (default `fixtures/calendars`). */
  calendarsDir?: string;
  /** Baseline of accepted dead ends (default `deadend-baseline.json` when it exists); `false`: none. */
  baseline?: string | false;
  /** The `describe` and `it` to register with (default vitest's; tests of this module pass their own). */
  register?: {
    describe: (name: string, fn: () => void) => unknown;
    it: (name: string, fn: () => void) => unknown;
  };
}

/** The message a failing run's test fails with. */
export function explainRun(scenario: LoadedScenario, run: RunResult): string {
  const safe = maskResults(run);
  const expected =
    OUTCOME_LABEL[safe.expected.outcome] +
    (safe.expected.findings ? ` with findings [${safe.expected.findings.join(', ')}]` : '');
  const lines = [
    `${scenario.scenario.id} — ${faultsLabel(safe.faults)} · persona #${safe.persona.index} (${scenario.file})`,
    `expected ${expected}, got ${OUTCOME_LABEL[safe.outcome]}`,
  ];
  return [...lines, ...whyItMissed(safe)].join('\n');
}

/** A failed journey: the message is the whole explanation, the stack is of no use. */
class JourneyFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JourneyFailure';
    this.stack = `${this.name}: ${message}`;
  }
}

function loadBaselineOption(option: ScenarioTestOptions['baseline']): Baseline | undefined {
  if (option === false) return undefined;
  const path = option ?? (existsSync(BASELINE_FILE) ? BASELINE_FILE : undefined);
  return path === undefined ? undefined : readBaseline(path);
}

/**
 * Registers the scenarios found in `paths` (files or folders) as vitest suites. Throws, failing the
 * test file, when a scenario file has errors (every `file:line:col: message` is in the error).
 */
export async function scenarioTests(
  paths: string | readonly string[],
  options: ScenarioTestOptions = {},
): Promise<void> {
  const list = typeof paths === 'string' ? [paths] : [...paths];
  const seed = options.seed ?? 1;
  const loaded = await loadScenarios(list, {
    ...(options.merchantsDir ? { merchantsDir: options.merchantsDir } : {}),
    ...(options.calendarsDir ? { calendarsDir: options.calendarsDir } : {}),
    faults: faultCatalogue,
  });
  if (loaded.errors.length > 0) {
    throw new Error(
      `${plural(loaded.errors.length, 'error')} in the scenario files (\`deadend validate\` shows them too):\n` +
        loaded.errors.map(formatSourceError).join('\n'),
    );
  }
  if (loaded.scenarios.length === 0) {
    throw new Error(`no scenarios in ${list.join(', ')} (looking for *.yaml, *.yml and *.scenario.ts files)`);
  }
  const baseline = loadBaselineOption(options.baseline);
  const { describe, it } = options.register ?? vitest;

  for (const scenario of loaded.scenarios) {
    const combinations = new Map<string, PlannedRun[]>();
    for (const run of planRuns(scenario, {})) {
      const key = combinationKey(run.combo);
      combinations.set(key, [...(combinations.get(key) ?? []), run]);
    }
    let prepared: PreparedScenario | undefined;
    describe(`${scenario.scenario.id}: ${scenario.scenario.title}`, () => {
      for (const runs of combinations.values()) {
        const name = faultsLabel(runs[0]!.combo) + (runs.length > 1 ? ` (${runs.length} personas)` : '');
        it(name, () => {
          prepared ??= prepare(scenario, options.calendarsDir);
          const failures: string[] = [];
          for (const run of runs) {
            const { result } = runOne(prepared, run, seed);
            if (result.pass) continue;
            if (baseline && acceptsRun(baseline, scenario.scenario.id, result)) continue;
            failures.push(explainRun(scenario, result));
          }
          if (failures.length > 0) {
            const head = runs.length > 1 ? `${failures.length} of ${runs.length} personas missed:\n\n` : '';
            throw new JourneyFailure(head + failures.join('\n\n'));
          }
        });
      }
    });
  }
}
