/**
 * A reporter module of the user's own (`--reporter ./my-reporter.ts`): imported like the config
 * file (core/importUserModule.ts), its default export a Reporter or a function of its options
 * returning one.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { importUserModule } from '../core/importUserModule.ts';
import type { Reporter, ReporterModule } from '../report/lifecycle.ts';
import { ReporterInputError } from '../report/loadReporter.ts';

function isReporter(value: unknown): value is Reporter {
  if (!value || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return ['onBegin', 'onRun', 'onScenario', 'onEnd'].some((hook) => typeof r[hook] === 'function');
}

/**
 * Imports a reporter module (relative to `cwd`) and makes its reporter. A missing file, a module
 * that does not load, or a default export that is no reporter is the user's input: ReporterInputError.
 */
export async function loadReporterModule(
  path: string,
  options: Record<string, unknown>,
  cwd = process.cwd(),
): Promise<Reporter> {
  const file = resolve(cwd, path);
  if (!existsSync(file)) throw new ReporterInputError(`--reporter ${path}: no such file.`);
  let mod: { default?: ReporterModule };
  try {
    mod = (await importUserModule(file)) as { default?: ReporterModule };
  } catch (error) {
    throw new ReporterInputError(`--reporter ${path}: the module does not load: ${(error as Error).message}`);
  }
  const made = typeof mod.default === 'function' ? mod.default(options) : mod.default;
  if (!isReporter(made)) {
    throw new ReporterInputError(
      `--reporter ${path}: its default export must be a reporter (an object with onBegin, onRun, onScenario or onEnd) or a function returning one; see docs/ci.md ("Reporters of your own").`,
    );
  }
  return { ...made, name: typeof made.name === 'string' && made.name ? made.name : path, ...bind(made) };
}

/** Hooks keep `this` when the reporter is a class instance. */
function bind(r: Reporter): Partial<Reporter> {
  const out: Partial<Reporter> = {};
  if (r.onBegin) out.onBegin = r.onBegin.bind(r);
  if (r.onRun) out.onRun = r.onRun.bind(r);
  if (r.onScenario) out.onScenario = r.onScenario.bind(r);
  if (r.onEnd) out.onEnd = r.onEnd.bind(r);
  return out;
}
