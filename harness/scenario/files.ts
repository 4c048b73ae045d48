/**
 * Reading a YAML or TypeScript file for the loader: refused paths, unreadable files and parse
 * errors come back as errors with a locator that places later problems at `file:line:col`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { outsideFolder, tooBig } from '../input/projectPaths.ts';
import {
  CODE_POSITION_NOTE,
  codeLocator,
  type Locator,
  type Problem,
  parseYaml,
  type SourceError,
  sortErrors,
  yamlLocator,
} from './source.ts';

export const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
export const errorAtStart = (file: string, message: string, hint?: string): SourceError => ({
  file,
  line: 1,
  col: 1,
  message,
  ...(hint ? { hint } : {}),
});

export interface Read {
  locator: Locator;
  data?: unknown;
  errors: SourceError[];
}

export async function readYaml(
  file: string,
  folder = path.dirname(file),
): Promise<Read & { missing?: boolean }> {
  const refused = outsideFolder(file, folder) ?? tooBig(file);
  if (refused) return { locator: codeLocator(file), errors: [errorAtStart(file, refused)] };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      locator: codeLocator(file),
      errors: [errorAtStart(file, `cannot read the file: ${messageOf(e)}`)],
      missing,
    };
  }
  const parsed = parseYaml(file, text);
  const locator = parsed.source ? yamlLocator(parsed.source) : codeLocator(file);
  return { locator, errors: parsed.errors, ...('data' in parsed ? { data: parsed.data } : {}) };
}

export async function readTs(file: string): Promise<Read> {
  const locator = codeLocator(file);
  let mod: { default?: unknown };
  try {
    mod = await import(pathToFileURL(path.resolve(file)).href);
  } catch (e) {
    return { locator, errors: [errorAtStart(file, `cannot load this .ts scenario: ${messageOf(e)}`)] };
  }
  if (mod.default === undefined) {
    return {
      locator,
      errors: [errorAtStart(file, 'no default export: write "export default defineScenario({ … })"')],
    };
  }
  return { locator, data: mod.default, errors: [] };
}

export const place = (locator: Locator, problems: readonly Problem[]) =>
  problems.map((p) => locator.place(p));

/** For a .ts file, the first error says why every position is 1:1. */
export function finish(locator: Locator, errors: SourceError[], isCode: boolean): SourceError[] {
  const sorted = sortErrors(errors);
  const first = sorted.findIndex((e) => e.file === locator.file);
  if (isCode && first >= 0) {
    const e = sorted[first]!;
    sorted[first] = { ...e, hint: e.hint ? `${e.hint}; ${CODE_POSITION_NOTE}` : CODE_POSITION_NOTE };
  }
  return sorted;
}
