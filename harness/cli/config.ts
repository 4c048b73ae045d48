/**
 * The config file: `deadend.config.ts` (or .mjs / .js) in the working folder, or `--config FILE`.
 * Its default export, written with `defineConfig`, gives the defaults of `deadend run` and
 * `deadend validate`; a flag on the command line overrides the same setting. Paths in it are
 * relative to the config file's folder.
 * A .ts config is loaded through jiti (harness/core/importUserModule.ts), on any Node >= 22 and
 * in CommonJS projects too.
 */
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { importUserModule } from '../core/importUserModule.ts';
import { oracleCatalogue } from '../oracles/catalogue.ts';
import { VOCABULARY_ORACLE_IDS } from '../oracles/vocabulary/index.ts';
import type { ReporterEntry } from '../report/loadReporter.ts';
import { PluginError, type PluginSet, pluginSet } from '../vocabulary/plugins/index.ts';
import type { PluginConfig } from '../vocabulary/schema/plugins.ts';

export interface DeadendConfig {
  /** Scenario files or folders (default `['scenarios/']`). */
  scenarios?: string[];
  /** Folder of merchant profiles (default `fixtures/merchants`). */
  merchants?: string;
  /** Folder of holiday calendars (default `fixtures/calendars`). */
  calendars?: string;
  /**
   * Reporters: `'json'`, `'md'`, `'junit'`, `'html'`, `'github'`, a module path (`'./my-reporter.ts'`),
   * or `[nameOrPath, options]` (options go to a module's default-export function). Default
   * `['json', 'md', 'html']`, plus `github` under GITHUB_ACTIONS.
   */
  reporters?: ReporterEntry[];
  /** Folder the reports are written to (default `reports/latest`). */
  report?: string;
  /** Baseline of accepted dead ends (default `deadend-baseline.json` when it exists). */
  baseline?: string;
  /** Worker threads (default: see `deadend run --help`). */
  workers?: number;
  /** Seed of every random choice (default 1). */
  seed?: number;
  /** Where journeys run (default `sim`). */
  target?: 'sim' | 'http' | 'browser' | 'container';
  /** Options of the http, browser and container targets (the flags of the same names). */
  targetOptions?: {
    shopUrl?: string;
    adapter?: string;
    image?: string;
    containerEnv?: Record<string, string>;
    healthPath?: string;
    sandboxPort?: number;
    smtpPort?: number;
  };
  /**
   * What data cannot say, in code (docs/plugins.md): actions, steps, conditions, oracles and
   * faults written with `defineAction`, `defineStep`, … and named in YAML by id.
   */
  plugins?: PluginConfig;
}

/** Types the config file: `export default defineConfig({ … })`. */
export function defineConfig(config: DeadendConfig): DeadendConfig {
  return config;
}

export const CONFIG_FILES = ['deadend.config.ts', 'deadend.config.mjs', 'deadend.config.js'] as const;

const port = z.number().int().min(0).max(65535);
const configSchema = z.strictObject({
  scenarios: z.array(z.string().min(1)).min(1).optional(),
  merchants: z.string().min(1).optional(),
  calendars: z.string().min(1).optional(),
  reporters: z
    .array(
      z.union([
        z.string().min(1),
        z.tuple([z.string().min(1)]),
        z.tuple([z.string().min(1), z.record(z.string(), z.unknown())]),
      ]),
    )
    .min(1)
    .optional(),
  report: z.string().min(1).optional(),
  baseline: z.string().min(1).optional(),
  workers: z.number().int().min(1).optional(),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  target: z.enum(['sim', 'http', 'browser', 'container']).optional(),
  targetOptions: z
    .strictObject({
      shopUrl: z.string().min(1).optional(),
      adapter: z.string().min(1).optional(),
      image: z.string().min(1).optional(),
      containerEnv: z.record(z.string(), z.string()).optional(),
      healthPath: z.string().min(1).optional(),
      sandboxPort: port.optional(),
      smtpPort: port.optional(),
    })
    .optional(),
  // Checked entry by entry by pluginSet (what each kind of plugin needs, ids used twice).
  plugins: z
    .custom<PluginConfig>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
      message: 'expected { actions, steps, conditions, oracles, faults }',
    })
    .optional(),
});

/** A config file that is missing, does not load or is not valid: a usage error (exit 2). */
export class ConfigError extends Error {}

/** The config file in use: `explicit`, else the first of CONFIG_FILES in `cwd`, else none. */
export function findConfig(explicit: string | undefined, cwd = process.cwd()): string | undefined {
  if (explicit !== undefined) {
    const file = resolve(cwd, explicit);
    if (!existsSync(file)) throw new ConfigError(`--config ${explicit}: no such file.`);
    return file;
  }
  for (const name of CONFIG_FILES) {
    const file = resolve(cwd, name);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** Imports and checks a config file; its paths are made relative to `cwd`. */
export async function loadConfig(file: string, cwd = process.cwd()): Promise<DeadendConfig> {
  const shown = relative(cwd, file) || file;
  let mod: { default?: unknown };
  try {
    mod = await importUserModule(file);
  } catch (error) {
    throw new ConfigError(`${shown}: the config file does not load: ${(error as Error).message}`);
  }
  const parsed = configSchema.safeParse(mod.default);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${shown}: ${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`,
    );
    const head =
      mod.default === undefined
        ? [`${shown}: no default export: write \`export default defineConfig({ … })\`.`]
        : problems;
    throw new ConfigError(head.join('\n'));
  }
  const config = parsed.data as DeadendConfig;
  configPlugins(config, shown);
  const base = dirname(file);
  const path = (p: string) => relative(cwd, resolve(base, p)) || '.';
  const reporter = (entry: ReporterEntry): ReporterEntry => {
    const [name, options] = Array.isArray(entry) ? entry : [entry, undefined];
    const fixed = /^\.{1,2}[\\/]/.test(name) ? `./${path(name)}` : name;
    return options ? [fixed, options] : fixed;
  };
  return {
    ...config,
    ...(config.scenarios ? { scenarios: config.scenarios.map(path) } : {}),
    ...(config.merchants ? { merchants: path(config.merchants) } : {}),
    ...(config.calendars ? { calendars: path(config.calendars) } : {}),
    ...(config.report ? { report: path(config.report) } : {}),
    ...(config.baseline ? { baseline: path(config.baseline) } : {}),
    ...(config.reporters ? { reporters: config.reporters.map(reporter) } : {}),
    ...(config.targetOptions?.adapter
      ? { targetOptions: { ...config.targetOptions, adapter: path(config.targetOptions.adapter) } }
      : {}),
  };
}

/**
 * The config's plugins as the run passes them on (to the loader, hence to the world, the
 * engine and the oracles); `shown` names the config file in messages, `file` is its absolute
 * path (worker threads load the plugins again from it). A plugin that cannot be registered is a
 * ConfigError.
 */
export function configPlugins(config: DeadendConfig, shown = 'deadend.config.ts', file?: string): PluginSet {
  try {
    const set = pluginSet(config.plugins, shown, file);
    // An expectation names findings by oracle id: a plugin oracle may not take a built-in one's.
    const builtIn = new Set([...oracleCatalogue.keys(), ...VOCABULARY_ORACLE_IDS]);
    const clash = [...set.oracles.keys()].find((id) => builtIn.has(id));
    if (clash)
      throw new PluginError(
        `${shown}: plugins.oracles: "${clash}" is a built-in oracle's id; choose another`,
      );
    return set;
  } catch (error) {
    if (error instanceof PluginError) throw new ConfigError(error.message);
    throw error;
  }
}

/** The option values commander parsed, with the config's where the flag was not given. */
export function applyConfig<T extends Record<string, unknown>>(
  config: DeadendConfig,
  opts: T,
  command: Pick<Command, 'getOptionValueSource'>,
): T {
  const out: Record<string, unknown> = { ...opts };
  const fromFlag = (key: string) => command.getOptionValueSource(key) === 'cli';
  const take = (key: string, value: unknown) => {
    if (value !== undefined && !fromFlag(key)) out[key] = value;
  };
  const t = config.targetOptions ?? {};
  take('seed', config.seed);
  take('target', config.target);
  take('report', config.report);
  take('workers', config.workers);
  take('baseline', config.baseline);
  take('merchants', config.merchants);
  take('calendars', config.calendars);
  take('shopUrl', t.shopUrl);
  take('adapter', t.adapter);
  take('image', t.image);
  take('healthPath', t.healthPath);
  take('sandboxPort', t.sandboxPort);
  take('smtpPort', t.smtpPort);
  if (t.containerEnv)
    take(
      'containerEnv',
      Object.entries(t.containerEnv).map(([k, v]) => `${k}=${v}`),
    );
  return out as T;
}

/** True when the command line gave scenario paths (else the config's `scenarios`, else the default). */
export function scenarioPaths(
  config: DeadendConfig,
  given: string[],
  command: Pick<Command, 'args'>,
): string[] {
  return command.args.length > 0 ? given : (config.scenarios ?? given);
}
