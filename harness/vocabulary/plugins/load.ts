/**
 * The plugins of a config file, loaded on their own: what a worker thread does (it gets the
 * config's path, since functions cannot cross to a worker) and what the CLI does once per run.
 */
import { relative, resolve } from 'node:path';
import { importUserModule } from '../../core/importUserModule.ts';
import type { PluginConfig } from '../schema/plugins.ts';
import { PluginError } from './define.ts';
import { type PluginSet, pluginSet } from './registry.ts';

/** The `plugins` of the config file's default export (none: an empty set). */
export async function loadPluginSet(configFile: string, cwd = process.cwd()): Promise<PluginSet> {
  const shown = relative(cwd, configFile) || configFile;
  let mod: { default?: unknown };
  try {
    mod = await importUserModule(configFile);
  } catch (error) {
    throw new PluginError(`${shown}: the config file does not load: ${(error as Error).message}`);
  }
  const plugins = (mod.default as { plugins?: PluginConfig } | undefined)?.plugins;
  return pluginSet(plugins, shown, resolve(cwd, configFile));
}
