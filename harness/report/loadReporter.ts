/**
 * Which reporters a run uses: `--reporter json,md,github,./my-reporter.ts` or the config file's
 * `reporters` (names, module paths, or `[nameOrPath, options]`). Built-in names are the report
 * files (json, md, junit, html) and `github`; anything that looks like a path is a module of the
 * user's own whose default export is a Reporter or a function of its options returning one.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { importUserModule } from '../core/importUserModule.ts';
import type { Reporter, ReporterModule } from './lifecycle.ts';
import { parseReporterList, REPORTER_NAMES, type ReporterName } from './reporter.ts';

export type ReporterSpec =
  | { kind: 'file'; name: ReporterName }
  | { kind: 'github' }
  | { kind: 'module'; path: string; options: Record<string, unknown> };

/** One entry of the config file's `reporters`. */
export type ReporterEntry = string | [string, Record<string, unknown>?];

/** Bad reporter input: a usage error (exit 2). */
export class ReporterInputError extends Error {}

const looksLikePath = (text: string) => /^[./~]|[\\/]|\.(m?[jt]s|cjs)$/.test(text);

export function parseReporterEntries(entries: readonly ReporterEntry[]): ReporterSpec[] {
  const specs: ReporterSpec[] = [];
  const names: string[] = [];
  for (const entry of entries) {
    const [text, options] = Array.isArray(entry) ? entry : [entry, undefined];
    if (typeof text !== 'string' || text.trim() === '')
      throw new ReporterInputError(
        `a reporter entry must be a name or a module path, not ${JSON.stringify(entry)}.`,
      );
    const name = text.trim();
    if (looksLikePath(name)) {
      specs.push({ kind: 'module', path: name, options: options ?? {} });
      continue;
    }
    if (name === 'github') {
      if (!specs.some((s) => s.kind === 'github')) specs.push({ kind: 'github' });
      continue;
    }
    names.push(name);
    try {
      const [known] = parseReporterList(name);
      if (!specs.some((s) => s.kind === 'file' && s.name === known))
        specs.push({ kind: 'file', name: known as ReporterName });
    } catch (error) {
      throw new ReporterInputError(
        (error as Error).message.replace(
          `Known reporters: ${REPORTER_NAMES.join(', ')}.`,
          `Known reporters: ${REPORTER_NAMES.join(', ')}, github, or a module path (./my-reporter.ts).`,
        ),
      );
    }
  }
  if (specs.length === 0)
    throw new ReporterInputError(`no reporter given. Known reporters: ${REPORTER_NAMES.join(', ')}, github.`);
  return specs;
}

/** `--reporter a,b,./c.ts` */
export function parseReporterSpecs(text: string): ReporterSpec[] {
  return parseReporterEntries(text.split(',').filter((t) => t.trim() !== ''));
}

/** The report-file names among the specs, in order. */
export function fileReporterNames(specs: readonly ReporterSpec[]): ReporterName[] {
  return specs.flatMap((s) => (s.kind === 'file' ? [s.name] : []));
}

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
