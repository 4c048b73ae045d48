/**
 * `deadend new scenario` writes expectations that hold: the template is run once (sim, seed 1)
 * and its `expect` block becomes what each fault combination did, so the new scenario passes on
 * its first run and its author edits from facts rather than guesses.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { runSuite } from '../../engine/runner.ts';
import { faultsLabel } from '../../report/format.ts';
import { type LoadEnv, loadScenarioFile } from '../../scenario/load.ts';

const EXPECT_HEAD = '\nexpect:\n';

/**
 * Rewrites the `expect:` block at the end of `file` with the outcome each fault combination had.
 * Leaves the file as it is (and returns false) when it does not load or has no such block.
 */
export async function expectWhatHappens(file: string, env: LoadEnv): Promise<boolean> {
  const text = readFileSync(file, 'utf8');
  const at = text.lastIndexOf(EXPECT_HEAD);
  if (at < 0) return false;
  const loaded = await loadScenarioFile(file, env);
  if (!loaded.value) return false;
  const results = await runSuite([loaded.value], {
    seed: 1,
    ...(env.calendarsDir ? { calendarsDir: env.calendarsDir } : {}),
  });
  const runs = results.scenarios[0]?.runs ?? [];
  if (runs.length === 0) return false;
  const rules = runs.map(
    (r) => `  - faults: [${r.faults.join(', ')}] # ${faultsLabel(r.faults)}\n    outcome: ${r.outcome}`,
  );
  const block =
    '# What each combination did on the first run (deadend new scenario ran it with seed 1): the\n' +
    '# scenario passes as written. Change an outcome to what the business needs, and the run fails\n' +
    '# until the merchant does it.\n';
  writeFileSync(file, `${text.slice(0, at)}${EXPECT_HEAD}${block}${rules.join('\n')}\n`);
  return true;
}
