/**
 * Loading an open-vocabulary scenario: the scenario parsed, its merged profile with the
 * scenario's capability and parameter overrides, and everything §2.10 checks — references in
 * every file where they are written, fault params, persona traits, business durations,
 * instants, expectation coverage — as `file:line:col` errors, plus warnings.
 */
import { CalendarFileError, loadCalendarDefinitions } from '../../clock/calendarFiles.ts';
import type { CalendarDefinition } from '../../clock/calendarSchema.ts';
import { VOCABULARY_ORACLE_IDS } from '../../oracles/vocabulary/index.ts';
import type { LoadedOpenScenario } from '../../vocabulary/loaded.ts';
import {
  faultsWithPlugins,
  NO_PLUGINS,
  pluginNamespaces,
  pluginParamsProblems,
} from '../../vocabulary/plugins/index.ts';
import {
  type OpenMerchantProfile,
  type OpenScenario,
  openScenarioSchema,
} from '../../vocabulary/schema/index.ts';
import { faultLabel } from '../combinations.ts';
import { finish, messageOf, place, type Read, readYaml } from '../files.ts';
import { type LoadEnv, type Loaded, type Resolved, resolveEnv } from '../loadEnv.ts';
import { missingMerchant } from '../merchants.ts';
import type { Locator, PathKey, Problem, SourceError } from '../source.ts';
import { issuesToProblems } from '../zodIssues.ts';
import { calendarBuilder, calendarProblems } from './calendars.ts';
import { coverageProblems } from './coverage.ts';
import { merchantIdOf } from './detect.ts';
import { durationProblems } from './durations.ts';
import { checkFaultUses } from './faults.ts';
import { traitProblems } from './personas.ts';
import { loadOpenProfile, type MergedProfile, profileIsOpen } from './profiles.ts';
import { namespacesOf, unresolved } from './references.ts';
import { type Reference, walk } from './walk.ts';
import { type Located, vocabularyWarnings } from './warnings.ts';

export interface OpenLoaded extends Loaded<LoadedOpenScenario> {
  /** Printed by validate; they never stop a run. */
  warnings: SourceError[];
}

/** One open-vocabulary scenario file (YAML). */
export async function loadOpenScenarioFile(file: string, env: LoadEnv = {}): Promise<OpenLoaded> {
  const read = await readYaml(file);
  return loadOpenScenario(file, read, resolveEnv(env));
}

/** An open scenario already read (load.ts reads a file once and sends it here or to the seed loader). */
export async function loadOpenScenario(file: string, read: Read, env: Resolved): Promise<OpenLoaded> {
  const { locator } = read;
  if (read.errors.length > 0 || read.data === undefined)
    return { errors: finish(locator, read.errors, false), warnings: [] };
  const parsed = openScenarioSchema.safeParse(read.data);
  if (!parsed.success) {
    const problems = issuesToProblems(parsed.error.issues, openScenarioSchema, read.data);
    return { errors: finish(locator, place(locator, problems), false), warnings: [] };
  }
  const s = parsed.data;
  const problems: Problem[] = [];
  const otherErrors: SourceError[] = [];
  const warnings: SourceError[] = [];

  const merged = await profileOf(s, read.data, env, problems, otherErrors);
  const profile = merged ? withOverrides(merged.profile, s) : undefined;
  const plugins = env.plugins ?? NO_PLUGINS;
  const faults = checkFaultUses(s, profile, faultsWithPlugins(plugins));
  problems.push(...faults.problems);

  if (merged && profile) {
    const scenarioRefs = [...walk(openScenarioSchema, s).references, ...faults.references];
    const sourceWalks = merged.sources.map((src) => walk(src.schema, src.data));
    const all = [...scenarioRefs, ...sourceWalks.flatMap((w) => w.references)];
    const calendars = calendarIds(env);
    if ('error' in calendars) problems.push({ path: merchantPath(s), message: calendars.error });
    const ns = namespacesOf(profile, {
      calendars: 'error' in calendars ? [] : calendars.ids,
      declared: all,
      personas: Array.isArray(s.personas) ? s.personas.map((p) => p.id) : [],
    });
    // The config's plugins are references like declared ids, one namespace per plugin kind.
    for (const [kind, ids] of Object.entries(pluginNamespaces(plugins))) ns.set(kind, ids);
    const owner = profile.id;
    problems.push(...unresolved(scenarioRefs, ns, owner, plugins.source));
    problems.push(...pluginParamsProblems(plugins, scenarioRefs, s));
    const lookup = { profile, parameters: profile.parameters };
    const build = calendarBuilder('error' in calendars ? new Map() : calendars.defs, profile);
    problems.push(...calendarProblems(scenarioRefs, {}, build));
    problems.push(...durationProblems(walk(openScenarioSchema, s).businessTimes, lookup));
    const inProfile = merged.sources.flatMap((src, i) => {
      const w = sourceWalks[i]!;
      const found = [
        ...unresolved(w.references, ns, owner, plugins.source),
        ...pluginParamsProblems(plugins, w.references, src.data),
        ...durationProblems(w.businessTimes, lookup),
        ...calendarProblems(w.references, src.data, build),
      ];
      return found.map((p) => src.locator.place(p));
    });
    otherErrors.push(...inProfile);
    if (inProfile.length > 0) problems.push(profileHasErrors(s, inProfile.length));
    problems.push(...traitProblems(s, profile));
    warnings.push(
      ...warningsOf(
        profile,
        merged,
        scenarioRefs,
        sourceWalks.map((w) => w.references),
        locator,
      ),
    );
  }
  problems.push(...instantProblems(s, profile, env));
  const oracles = [...VOCABULARY_ORACLE_IDS, ...plugins.oracles.keys()];
  problems.push(...coverageProblems(s, s.faults.map(faultLabel), oracles));

  const errors = [...place(locator, problems), ...otherErrors];
  if (errors.length > 0 || !merged || !profile) return { errors: finish(locator, errors, false), warnings };
  const value: LoadedOpenScenario = {
    kind: 'open',
    file,
    scenario: { ...s, faults: faults.faults },
    profile,
    sources: merged.sources.map((src) => src.file),
    ...(env.plugins ? { plugins: env.plugins } : {}),
  };
  return { value, errors: [], warnings };
}

const merchantPath = (s: OpenScenario): PathKey[] =>
  typeof s.merchant === 'string' ? ['merchant'] : ['merchant', 'profile'];

async function profileOf(
  s: OpenScenario,
  raw: unknown,
  env: Resolved,
  problems: Problem[],
  otherErrors: SourceError[],
): Promise<MergedProfile | undefined> {
  const id = merchantIdOf(raw)!;
  const load = await loadOpenProfile(id, env);
  if (!load.missing && !(await profileIsOpen(id, env))) {
    problems.push({
      path: merchantPath(s),
      message: `"${id}" is a seed merchant profile (it declares no vocabulary): do, await and contact steps need an open profile`,
      hint: 'declare the channels, facts and actions in the profile (or include a vocabulary file), or use the seed step kinds',
    });
    return undefined;
  }
  if (load.missing) {
    problems.push(await missingMerchant(id, load.file, merchantPath(s), env));
    otherErrors.push(...load.errors);
    return undefined;
  }
  if (!load.value) {
    otherErrors.push(...load.errors);
    problems.push(profileHasErrors(s, load.errors.length));
    return undefined;
  }
  return load.value;
}

function profileHasErrors(s: OpenScenario, n: number): Problem {
  const id = typeof s.merchant === 'string' ? s.merchant : s.merchant.profile;
  return {
    path: merchantPath(s),
    message: `the merchant profile "${id}" has ${n} error${n === 1 ? '' : 's'} (in its file or the files it includes or extends)`,
  };
}

function withOverrides(profile: OpenMerchantProfile, s: OpenScenario): OpenMerchantProfile {
  if (typeof s.merchant === 'string') return profile;
  return {
    ...profile,
    capabilities: { ...profile.capabilities, ...(s.merchant.capabilities ?? {}) },
    parameters: { ...profile.parameters, ...(s.merchant.parameters ?? {}) },
  };
}

function calendarIds(
  env: Resolved,
): { ids: string[]; defs: Map<string, CalendarDefinition> } | { error: string } {
  try {
    const defs = new Map([...loadCalendarDefinitions(env.calendarsDir)].map(([id, c]) => [id, c.def]));
    return { ids: [...defs.keys()].sort(), defs };
  } catch (e) {
    const first = e instanceof CalendarFileError ? e.problems[0] : undefined;
    const why = first ? `${first.file}:${first.line}:${first.col}: ${first.message}` : messageOf(e);
    return { error: `the calendars in ${env.calendarsDir} cannot be read: ${why}` };
  }
}

/** Every local instant of the scenario must be a real time in its zone; the deadline after the start. */
function instantProblems(
  s: OpenScenario,
  profile: OpenMerchantProfile | undefined,
  env: Resolved,
): Problem[] {
  const zone = s.customer.timezone ?? profile?.timezone;
  if (zone === undefined) return [];
  const problems: Problem[] = [];
  const at = (text: string | undefined, path: PathKey[]): number | undefined => {
    if (text === undefined) return undefined;
    try {
      return env.parseInstant(text, zone);
    } catch (e) {
      problems.push({ path, message: messageOf(e) });
      return undefined;
    }
  };
  const start = at(s.start, ['start']);
  const deadline = at(s.goal.deadline, ['goal', 'deadline']);
  if (start !== undefined && deadline !== undefined && deadline <= start)
    problems.push({
      path: ['goal', 'deadline'],
      message: `the deadline ${s.goal.deadline} must be after the start ${s.start}`,
    });
  if (typeof s.horizon === 'string') at(s.horizon, ['horizon']);
  s.given?.charges.forEach((c, i) => {
    at(c.at, ['given', 'charges', i, 'at']);
  });
  s.faults.forEach((f, i) => {
    const from = at(f.window?.from, ['faults', i, 'window', 'from']);
    const until = at(f.window?.until, ['faults', i, 'window', 'until']);
    if (from !== undefined && until !== undefined && until <= from)
      problems.push({
        path: ['faults', i, 'window', 'until'],
        message: `the window ends (${f.window?.until}) before it starts (${f.window?.from})`,
      });
  });
  for (const [medium, a] of Object.entries(s.customer.addresses))
    at(a?.changedAt, ['customer', 'addresses', medium, 'changedAt']);
  s.expect.forEach((e, i) => {
    e.trace?.forEach((t, k) => {
      at(t.at, ['expect', i, 'trace', k, 'at']);
    });
    if (e.scorecard?.resolvedBy !== undefined)
      at(e.scorecard.resolvedBy, ['expect', i, 'scorecard', 'resolvedBy']);
  });
  return problems;
}

function warningsOf(
  profile: OpenMerchantProfile,
  merged: MergedProfile,
  scenarioRefs: readonly Reference[],
  sourceRefs: readonly (readonly Reference[])[],
  scenarioLocator: Locator,
): SourceError[] {
  const located: Located[] = [
    ...sourceRefs.flatMap((refs, i) => refs.map((ref) => ({ ref, source: i }))),
    ...scenarioRefs.map((ref) => ({ ref, source: -1 })),
  ];
  const declaredAt = (list: string, id: string) => {
    for (const [i, src] of merged.sources.entries()) {
      const k = ((src.data[list] as { id: string }[] | undefined) ?? []).findIndex((x) => x.id === id);
      if (k >= 0) return { source: i, path: [list, k, 'id'] };
    }
    return undefined;
  };
  return vocabularyWarnings(profile, located, declaredAt).map(({ source, problem }) =>
    source < 0 ? scenarioLocator.place(problem) : merged.sources[source]!.locator.place(problem),
  );
}
