/**
 * Loading scenario files (YAML, or TypeScript with `defineScenario`) and the merchant profiles
 * they name: schema first, then the checks that need more than one file (products the
 * merchant sells, faults in the catalogue, instants in the right time zone, an expected
 * outcome for every fault combination). Bad input never throws: every problem comes back as a
 * `file:line:col` error, and one bad file never hides the others.
 */

import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { outsideFolder } from '../input/projectPaths.ts';
import type { LoadedOpenScenario } from '../vocabulary/loaded.ts';
import { checkScenario, rawReferenceChecks } from './checks.ts';
import { errorAtStart, finish, messageOf, place, readTs, readYaml } from './files.ts';
import { type LoadEnv, type Loaded, type LoadedScenario, type Resolved, resolveEnv } from './loadEnv.ts';
import { isOpenScenario, merchantIdOf } from './open/detect.ts';
import { loadOpenScenario } from './open/loadOpenScenario.ts';
import { openProfileFiles, profileIsOpen } from './open/profiles.ts';
import { scenarioSchema } from './schema.ts';
import { type Locator, type SourceError, sortErrors } from './source.ts';
import { issuesToProblems } from './zodIssues.ts';

export {
  DEFAULT_CALENDARS_DIR,
  DEFAULT_MERCHANTS_DIR,
  type FaultInfo,
  type LoadEnv,
  type Loaded,
  type LoadedScenario,
} from './loadEnv.ts';
export { loadMerchantFile } from './merchants.ts';
export { isOpenScenario } from './open/detect.ts';
export { loadOpenScenarioFile } from './open/loadOpenScenario.ts';

/** A seed scenario (no `kind`) or an open-vocabulary one (`kind: 'open'`). */
export type AnyLoadedScenario = LoadedScenario | LoadedOpenScenario;

const SCENARIO_FILE = /\.(ya?ml|scenario\.ts)$/;

// ---------------------------------------------------------------------------------------------
// Scenarios

/** One seed scenario file (`.yaml`, `.yml` or a `.ts` module whose default export is the scenario). */
export async function loadScenarioFile(file: string, env: LoadEnv = {}): Promise<Loaded<LoadedScenario>> {
  const { value, errors, locator } = await loadOne(file, resolveEnv(env));
  if (value && 'kind' in value)
    return {
      errors: [
        locator.place({
          path: [],
          message:
            'this is an open-vocabulary scenario: load it with loadAnyScenarioFile or loadOpenScenarioFile',
        }),
      ],
    };
  return value ? { value, errors } : { errors };
}

/** One scenario file of either kind. */
export async function loadAnyScenarioFile(
  file: string,
  env: LoadEnv = {},
): Promise<Loaded<AnyLoadedScenario>> {
  const { value, errors } = await loadOne(file, resolveEnv(env));
  return value ? { value, errors } : { errors };
}

type One = Loaded<AnyLoadedScenario> & { locator: Locator; warnings?: SourceError[] };

async function loadOne(file: string, env: Resolved): Promise<One> {
  const isCode = file.endsWith('.ts');
  const read = isCode ? await readTs(file) : await readYaml(file);
  const { locator } = read;
  if (read.errors.length > 0 || read.data === undefined)
    return { locator, errors: finish(locator, read.errors, isCode) };
  if (!isCode && (await isOpen(read.data, env)))
    return { locator, ...(await loadOpenScenario(file, read, env)) };

  const parsed = scenarioSchema.safeParse(read.data);
  if (!parsed.success) {
    const problems = issuesToProblems(parsed.error.issues, scenarioSchema, read.data);
    problems.push(...(await rawReferenceChecks(read.data, env)));
    return { locator, errors: finish(locator, place(locator, problems), isCode) };
  }
  const checked = await checkScenario(parsed.data, file, env);
  const errors = [...place(locator, checked.problems), ...checked.otherErrors];
  if (errors.length > 0 || !checked.value) return { locator, errors: finish(locator, errors, isCode) };
  return { locator, value: checked.value, errors: [] };
}

/** Open when its steps say so or when the profile it names declares a vocabulary. */
async function isOpen(data: unknown, env: Resolved): Promise<boolean> {
  if (isOpenScenario(data)) return true;
  const id = merchantIdOf(data);
  return id !== undefined && (await profileIsOpen(id, env));
}

// ---------------------------------------------------------------------------------------------
// Many files

export interface LoadedScenarios {
  /** The valid seed scenarios, in file order. */
  scenarios: LoadedScenario[];
  /** The valid open-vocabulary scenarios, in file order. */
  openScenarios: LoadedOpenScenario[];
  /** Both kinds, in file order. */
  all: AnyLoadedScenario[];
  /** Every error of every file, sorted by file and position. */
  errors: SourceError[];
  /** Warnings (validate prints them; they never stop a run), sorted. */
  warnings: SourceError[];
  /** The scenario files found (directories expanded, sorted). */
  files: string[];
  /** The merchant profile files the scenarios use (that exist), sorted. */
  merchantFiles: string[];
}

/**
 * Files and directories (searched recursively for *.yaml, *.yml and *.scenario.ts). Every file
 * is loaded; errors in one never hide the others.
 */
export async function loadScenarios(paths: readonly string[], env: LoadEnv = {}): Promise<LoadedScenarios> {
  const resolved = resolveEnv(env);
  const errors: SourceError[] = [];
  const found = new Set<string>();
  for (const p of paths) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(p);
    } catch (e) {
      errors.push(errorAtStart(p, `cannot read: ${messageOf(e)}`));
      continue;
    }
    if (info.isDirectory()) {
      const inDir = await scenarioFilesIn(p, p, errors);
      if (inDir.length === 0)
        errors.push(errorAtStart(p, 'no scenario files (*.yaml, *.yml, *.scenario.ts) in this folder'));
      for (const f of inDir) found.add(f);
    } else if (/\.(ya?ml|ts)$/.test(p)) found.add(p);
    else errors.push(errorAtStart(p, 'not a scenario file: expected .yaml, .yml or .scenario.ts'));
  }
  const files = [...found].sort(byPath);
  const results = await Promise.all(files.map((f) => loadOne(f, resolved)));

  const all: AnyLoadedScenario[] = [];
  const warnings: SourceError[] = [];
  const ids = new Map<string, string>();
  results.forEach((r, i) => {
    errors.push(...r.errors);
    warnings.push(...(r.warnings ?? []));
    if (!r.value) return;
    const id = r.value.scenario.id;
    const other = ids.get(id);
    if (other !== undefined) {
      errors.push(
        r.locator.place({ path: ['id'], message: `the scenario id "${id}" is already used by ${other}` }),
      );
      return;
    }
    ids.set(id, files[i]!);
    all.push(r.value);
  });
  const scenarios = all.filter((s): s is LoadedScenario => !('kind' in s));
  const openScenarios = all.filter((s): s is LoadedOpenScenario => 'kind' in s);

  const merchantFiles: string[] = [];
  for (const pending of resolved.merchantCache.values()) {
    const load = await pending;
    if (!load.missing) merchantFiles.push(load.file);
  }
  merchantFiles.push(...(await openProfileFiles(resolved)).filter((f) => !merchantFiles.includes(f)));
  return {
    scenarios,
    openScenarios,
    all,
    errors: sortErrors(errors),
    warnings: sortErrors(warnings),
    files,
    merchantFiles: merchantFiles.sort(byPath),
  };
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function scenarioFilesIn(dir: string, root: string, errors: SourceError[]): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await scenarioFilesIn(full, root, errors)));
    else if (!SCENARIO_FILE.test(entry.name)) continue;
    else if (entry.isSymbolicLink() && outsideFolder(full, root))
      errors.push(errorAtStart(full, outsideFolder(full, root)!));
    else out.push(full);
  }
  return out;
}
