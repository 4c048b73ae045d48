/**
 * Parsers of option values (commander reports their errors as "option '--seed <n>' argument 'abc'
 * is invalid.") and the checks of paths and settings every command makes before it runs anything.
 */
import { existsSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { parseShard, type Shard } from '../core/merge.ts';
import { reportDirProblem } from '../report/reportDir.ts';
import { UsageError } from './io.ts';

export function parsePortOption(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n > 65535)
    throw new InvalidArgumentError(`"${text}" is not a port (0–65535).`);
  return n;
}

export function parseSeed(text: string): number {
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(Number(text))) {
    throw new InvalidArgumentError('The seed must be a whole number ≥ 0, e.g. --seed 7.');
  }
  return Number(text);
}

export function parseWorkers(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError('The number of workers must be a whole number ≥ 1, e.g. --workers 4.');
  }
  return n;
}

export function parseFixesTop(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError('The number of fixes must be a whole number ≥ 1, e.g. --fixes 3.');
  }
  return n;
}

export function parseShardOption(text: string): Shard {
  try {
    return parseShard(text);
  } catch (error) {
    // parseShard's message starts `Invalid --shard "x": `, which commander already says.
    throw new InvalidArgumentError(
      (error as Error).message.replace(/^Invalid --shard "[^"]*": (.)/, (_m, c: string) => c.toUpperCase()),
    );
  }
}

export function checkPathsExist(paths: readonly string[]): void {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new UsageError(
      missing.map((p) => `${p}: no such file or folder`).join('\n') +
        '\nGive scenario files (*.yaml, *.yml, *.scenario.ts) or folders that contain them.',
    );
  }
}

export function checkReportDir(dir: string): void {
  const problem = reportDirProblem(dir);
  if (problem) throw new UsageError(problem);
}

export function checkDir(path: string, what: string): void {
  if (!existsSync(path) || !statSync(path).isDirectory()) {
    throw new UsageError(`${what} ${path}: no such folder.`);
  }
}

export async function parseReporters(text: string) {
  const { parseReporterList } = await import('../report/reporter.ts');
  try {
    return parseReporterList(text);
  } catch (error) {
    throw new UsageError(`--reporter: ${(error as Error).message}`);
  }
}

/** The config file's settings (none without one) and the scenario paths: the command line's, else the config's. */
export async function configured(paths: string[], opts: { config?: string }, command: Command) {
  const { applyConfig, ConfigError, configPlugins, findConfig, loadConfig, scenarioPaths } = await import(
    './config.ts'
  );
  try {
    const file = findConfig(opts.config);
    const config = file ? await loadConfig(file) : {};
    const apply = <T extends object>(o: T): T =>
      applyConfig(config, o as Record<string, unknown>, command) as T;
    // The config's plugins, handed to the loader (and with the loaded scenarios to the run).
    const plugins = file ? configPlugins(config, relative(process.cwd(), file) || file, file) : undefined;
    return { config, paths: scenarioPaths(config, paths, command), apply, ...(plugins ? { plugins } : {}) };
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}
