/** Loading the scenario files a command was given, as `run` and `analyze` both do. */
import type { AnyLoadedScenario } from '../scenario/load.ts';
import { faultCatalogue } from '../services/index.ts';
import type { PluginSet } from '../vocabulary/plugins/index.ts';
import type { IO } from './io.ts';

/**
 * The scenarios in `paths` (seed and open-vocabulary, in file order); on errors, every `file:line:col: message` and then `afterErrors`
 * (what the command did not do) go to stderr, and the result is undefined (exit 2).
 */
export async function loadScenarioFiles(
  paths: string[],
  opts: { merchants: string; calendars: string; plugins?: PluginSet },
  io: IO,
  afterErrors: (count: number) => string,
): Promise<AnyLoadedScenario[] | undefined> {
  const { loadScenarios } = await import('../scenario/load.ts');
  const { formatSourceError } = await import('../scenario/source.ts');
  const loaded = await loadScenarios(paths, {
    merchantsDir: opts.merchants,
    calendarsDir: opts.calendars,
    faults: faultCatalogue,
    ...(opts.plugins ? { plugins: opts.plugins } : {}),
  });
  if (loaded.errors.length === 0) return loaded.all;
  for (const error of loaded.errors) io.stderr.write(`${formatSourceError(error)}\n`);
  io.stderr.write(afterErrors(loaded.errors.length));
  return undefined;
}
