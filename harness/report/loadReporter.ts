/**
 * Which reporters a run uses: `--reporter json,md,github,./my-reporter.ts` or the config file's
 * `reporters` (names, module paths, or `[nameOrPath, options]`). Built-in names are the report
 * files (json, md, junit, html) and `github`; anything that looks like a path is a module of the
 * user's own whose default export is a Reporter or a function of its options returning one
 * (imported by cli/reporterModule.ts).
 */
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
