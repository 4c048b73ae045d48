/**
 * Loading scenario files (YAML, or TypeScript with `defineScenario`) and the merchant profiles
 * they name: schema first, then the checks that need more than one file (products the
 * merchant sells, faults in the catalogue, instants in the right time zone, an expected
 * outcome for every fault combination). Bad input never throws: every problem comes back as a
 * `file:line:col` error, and one bad file never hides the others.
 */

import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { CalendarError } from '../clock/calendar.ts';
import {
  CalendarFileError,
  loadCalendarDefinitions,
  registryFromDefinitions,
} from '../clock/calendarFiles.ts';
import { parseDuration as clockParseDuration } from '../clock/duration.ts';
import { parseInstant as clockParseInstant } from '../clock/instant.ts';
import { parseFact } from '../core/facts.ts';
import { excerpt } from '../input/excerpt.ts';
import { fileForId, outsideFolder, tooBig } from '../input/projectPaths.ts';
import { applyOverrides, type MerchantProfile, merchantProfileSchema } from '../merchant/profile.ts';
import { ORACLE_IDS } from '../oracles/catalogue.ts';
import { faultCatalogue } from '../services/index.ts';
import {
  combinationKey,
  countCombinations,
  expectationFor,
  faultLabel,
  ruleMatches,
} from './combinations.ts';
import { didYouMean } from './didYouMean.ts';
import { planCombinations } from './faultSpace.ts';
import { type FaultUse, type Scenario, type Step, scenarioSchema } from './schema.ts';
import {
  CODE_POSITION_NOTE,
  codeLocator,
  type Locator,
  type PathKey,
  type Problem,
  parseYaml,
  type SourceError,
  sortErrors,
  yamlLocator,
} from './source.ts';
import { unknownSystems } from './systemReferences.ts';
import { issuesToProblems } from './zodIssues.ts';

/** What the loader needs to know about a fault (a FaultDefinition from the catalogue fits). */
export interface FaultInfo {
  id: string;
  summary: string;
  params: z.ZodType;
  needsWindow?: boolean;
}

export interface LoadEnv {
  /** Where merchant profiles live: merchant id X is `merchantsDir/X.yaml`. Default `fixtures/merchants`. */
  merchantsDir?: string;
  /** Where the calendars that support channels name live. Default `fixtures/calendars`. */
  calendarsDir?: string;
  /** The fault catalogue. Default: harness/services/index.ts. */
  faults?: ReadonlyMap<string, FaultInfo>;
  /** Default: harness/clock/duration.ts. Throws on text that is not a duration. */
  parseDuration?: (text: string) => unknown;
  /** Default: harness/clock/instant.ts. Epoch ms; throws on bad text or an unknown zone. */
  parseInstant?: (text: string, zone: string) => number;
  /** Merchant profiles already loaded, by file. loadScenarios shares one across its files. */
  merchantCache?: Map<string, Promise<MerchantLoad>>;
}

export interface Loaded<T> {
  /** Present only when there are no errors. */
  value?: T;
  errors: SourceError[];
}

export interface LoadedScenario {
  file: string;
  /** Defaults applied; each fault's `params` parsed by that fault's schema. */
  scenario: Scenario;
  /** The profile with the scenario's capability and policy overrides applied. */
  merchant: MerchantProfile;
  merchantFile: string;
}

export const DEFAULT_MERCHANTS_DIR = 'fixtures/merchants';
export const DEFAULT_CALENDARS_DIR = 'fixtures/calendars';
/** Above this many fault combinations the coverage of `expect` is not checked (nor run in full). */
const MAX_CHECKED_COMBINATIONS = 65_536;
const SCENARIO_FILE = /\.(ya?ml|scenario\.ts)$/;

interface MerchantLoad extends Loaded<MerchantProfile> {
  file: string;
  /** The file does not exist. */
  missing?: boolean;
}

interface Resolved {
  merchantsDir: string;
  calendarsDir: string;
  /** The calendar ids of calendarsDir (or why they cannot be read), read once per load. */
  calendars?: { ids: string[]; calendar: (id: string) => unknown } | { error: string };
  faults: ReadonlyMap<string, FaultInfo>;
  parseDuration: (text: string) => unknown;
  parseInstant: (text: string, zone: string) => number;
  merchantCache: Map<string, Promise<MerchantLoad>>;
}

function resolveEnv(env: LoadEnv = {}): Resolved {
  return {
    merchantsDir: env.merchantsDir ?? DEFAULT_MERCHANTS_DIR,
    calendarsDir: env.calendarsDir ?? DEFAULT_CALENDARS_DIR,
    faults: env.faults ?? faultCatalogue,
    parseDuration: env.parseDuration ?? clockParseDuration,
    parseInstant: env.parseInstant ?? clockParseInstant,
    merchantCache: env.merchantCache ?? new Map(),
  };
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
const errorAtStart = (file: string, message: string, hint?: string): SourceError => ({
  file,
  line: 1,
  col: 1,
  message,
  ...(hint ? { hint } : {}),
});

// ---------------------------------------------------------------------------------------------
// Reading files

interface Read {
  locator: Locator;
  data?: unknown;
  errors: SourceError[];
}

async function readYaml(file: string, folder = path.dirname(file)): Promise<Read & { missing?: boolean }> {
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

async function readTs(file: string): Promise<Read> {
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

const place = (locator: Locator, problems: readonly Problem[]) => problems.map((p) => locator.place(p));

/** For a .ts file, the first error says why every position is 1:1. */
function finish(locator: Locator, errors: SourceError[], isCode: boolean): SourceError[] {
  const sorted = sortErrors(errors);
  const first = sorted.findIndex((e) => e.file === locator.file);
  if (isCode && first >= 0) {
    const e = sorted[first]!;
    sorted[first] = { ...e, hint: e.hint ? `${e.hint}; ${CODE_POSITION_NOTE}` : CODE_POSITION_NOTE };
  }
  return sorted;
}

// ---------------------------------------------------------------------------------------------
// Merchant profiles

/** A merchant profile file, validated on its own. */
export async function loadMerchantFile(file: string, env: LoadEnv = {}): Promise<Loaded<MerchantProfile>> {
  const { value, errors } = await loadMerchant(file, resolveEnv(env));
  return value ? { value, errors } : { errors };
}

function loadMerchantCached(file: string, env: Resolved): Promise<MerchantLoad> {
  const key = path.resolve(file);
  let pending = env.merchantCache.get(key);
  if (!pending) {
    pending = loadMerchant(file, env);
    env.merchantCache.set(key, pending);
  }
  return pending;
}

async function loadMerchant(file: string, env: Resolved): Promise<MerchantLoad> {
  const read = await readYaml(file);
  if (read.missing) return { file, errors: read.errors, missing: true };
  if (read.errors.length > 0 || read.data === undefined) return { file, errors: sortErrors(read.errors) };
  const parsed = merchantProfileSchema.safeParse(read.data);
  if (!parsed.success) {
    return {
      file,
      errors: sortErrors(
        place(read.locator, issuesToProblems(parsed.error.issues, merchantProfileSchema, read.data)),
      ),
    };
  }
  const problems = checkMerchant(parsed.data, file, env);
  if (problems.length > 0) return { file, errors: sortErrors(place(read.locator, problems)) };
  return { file, value: parsed.data, errors: [] };
}

function checkMerchant(m: MerchantProfile, file: string, env: Resolved): Problem[] {
  const problems: Problem[] = [];
  const expectedId = path.basename(file).replace(/\.ya?ml$/, '');
  if (m.id !== expectedId) {
    problems.push({
      path: ['id'],
      message: `the merchant id "${m.id}" does not match the file name: scenarios find this profile as "${expectedId}"`,
      hint: `rename the file to ${m.id}.yaml or set "id: ${expectedId}"`,
    });
  }
  const zoneError = checkZone(m.timezone, env);
  if (zoneError) problems.push({ path: ['timezone'], message: zoneError });

  problems.push(
    ...duplicates(
      m.products.map((p) => p.id),
      (i) => ['products', i, 'id'],
      'product',
    ),
  );
  problems.push(
    ...duplicates(
      m.support.map((c) => c.id),
      (i) => ['support', i, 'id'],
      'support channel',
    ),
  );
  problems.push(
    ...duplicates(
      m.systems.map((s) => s.id),
      (i) => ['systems', i, 'id'],
      'system',
    ),
  );

  m.products.forEach((p, i) => {
    problems.push(...checkDuration(p.term, ['products', i, 'term'], env));
  });
  const channels = m.support.map((c) => c.id);
  m.support.forEach((c, i) => {
    const base = ['support', i];
    for (const [problem, target] of Object.entries(c.redirects)) {
      if (target !== undefined && !channels.includes(target)) {
        problems.push(unknownChannel(m, target, [...base, 'redirects', problem]));
      }
    }
    if (c.escalation?.at !== undefined && !channels.includes(c.escalation.at)) {
      problems.push(unknownChannel(m, c.escalation.at, [...base, 'escalation', 'at']));
    }
    problems.push(...checkCalendar(c.calendar, [...base, 'calendar'], env));
    problems.push(...checkDuration(c.responseTime, [...base, 'responseTime'], env));
    if (c.escalation)
      problems.push(...checkDuration(c.escalation.answerAfter, [...base, 'escalation', 'answerAfter'], env));
  });
  m.policies.renewalRemindersBefore.forEach((d, i) => {
    problems.push(...checkDuration(d, ['policies', 'renewalRemindersBefore', i], env));
  });
  return problems;
}

/** A support channel's calendar must be one of the calendars folder's (the run would fail later). */
function checkCalendar(id: string, at: PathKey[], env: Resolved): Problem[] {
  if (!env.calendars) {
    try {
      const loaded = loadCalendarDefinitions(env.calendarsDir);
      env.calendars = {
        ids: [...loaded.keys()].sort(),
        calendar: registryFromDefinitions(
          new Map([...loaded].map(([id, { def }]) => [id, def])),
          env.calendarsDir,
        ),
      };
    } catch (e) {
      const first = e instanceof CalendarFileError ? e.problems[0] : undefined;
      env.calendars = {
        error: first ? `${first.file}:${first.line}:${first.col}: ${first.message}` : messageOf(e),
      };
    }
  }
  if ('error' in env.calendars) {
    return [
      { path: at, message: `the calendars in ${env.calendarsDir} cannot be read: ${env.calendars.error}` },
    ];
  }
  const known = env.calendars.ids;
  if (known.includes(id)) {
    // A channel needs opening hours: a holidays-only calendar (one made to be extended) has none.
    try {
      env.calendars.calendar(id);
      return [];
    } catch (e) {
      if (!(e instanceof CalendarError)) throw e;
      return [{ path: at, message: `calendar "${id}" cannot be a channel's calendar: ${messageOf(e)}` }];
    }
  }
  return [
    {
      path: at,
      message: `unknown calendar "${id}" — looked in ${env.calendarsDir}; known: ${known.join(', ') || 'none'}${didYouMean(id, known)}`,
    },
  ];
}

function duplicates(ids: readonly string[], at: (i: number) => PathKey[], what: string): Problem[] {
  const first = new Map<string, number>();
  const out: Problem[] = [];
  ids.forEach((id, i) => {
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, i);
    else
      out.push({
        path: at(i),
        message: `duplicate ${what} id "${id}", already used above`,
        seeAlso: at(earlier),
      });
  });
  return out;
}

function unknownChannel(m: MerchantProfile, channel: string, at: readonly PathKey[]): Problem {
  const channels = m.support.map((c) => c.id);
  return {
    path: at,
    message: `"${channel}" is not a support channel of ${m.id}${didYouMean(channel, channels)}`,
    hint:
      channels.length > 0
        ? `support channels of ${m.id}: ${channels.join(', ')}`
        : `${m.id} has no support channels`,
  };
}

function checkZone(zone: string, env: Resolved): string | undefined {
  try {
    env.parseInstant('2000-01-01T00:00', zone);
    return undefined;
  } catch (e) {
    return messageOf(e);
  }
}

function checkDuration(text: string | undefined, at: readonly PathKey[], env: Resolved): Problem[] {
  if (text === undefined) return [];
  try {
    env.parseDuration(text);
    return [];
  } catch (e) {
    return [{ path: at, message: messageOf(e) }];
  }
}

async function knownMerchants(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((f) => /\.yaml$/.test(f))
      .map((f) => f.replace(/\.yaml$/, ''))
      .sort();
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------------------------------------
// Scenarios

/** One scenario file (`.yaml`, `.yml` or a `.ts` module whose default export is the scenario). */
export async function loadScenarioFile(file: string, env: LoadEnv = {}): Promise<Loaded<LoadedScenario>> {
  const { value, errors } = await loadOne(file, resolveEnv(env));
  return value ? { value, errors } : { errors };
}

async function loadOne(file: string, env: Resolved): Promise<Loaded<LoadedScenario> & { locator: Locator }> {
  const isCode = file.endsWith('.ts');
  const read = isCode ? await readTs(file) : await readYaml(file);
  const { locator } = read;
  if (read.errors.length > 0 || read.data === undefined)
    return { locator, errors: finish(locator, read.errors, isCode) };

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

async function missingMerchant(id: string, file: string, at: PathKey[], env: Resolved): Promise<Problem> {
  const known = await knownMerchants(env.merchantsDir);
  return {
    path: at,
    message: `no merchant profile "${id}" — looked for ${file}; known: ${known.join(', ') || 'none'}${didYouMean(id, known)}`,
  };
}

/**
 * The checks that need no valid scenario: a missing merchant file and unknown faults are
 * reported together with the schema errors, so one round of fixes is enough.
 */
async function rawReferenceChecks(data: unknown, env: Resolved): Promise<Problem[]> {
  const problems: Problem[] = [];
  if (typeof data !== 'object' || data === null) return problems;
  const raw = data as { merchant?: unknown; faults?: unknown };
  const merchant = raw.merchant as string | { profile?: unknown } | undefined;
  const merchantId = typeof merchant === 'string' ? merchant : merchant?.profile;
  // An id that is not a plain id is a schema error already; it is never opened as a path.
  const merchantFile = typeof merchantId === 'string' ? fileForId(env.merchantsDir, merchantId) : undefined;
  if (typeof merchantId === 'string' && merchantFile) {
    if ((await loadMerchantCached(merchantFile, env)).missing) {
      const path = typeof merchant === 'string' ? ['merchant'] : ['merchant', 'profile'];
      problems.push(await missingMerchant(merchantId, merchantFile, path, env));
    }
  }
  if (Array.isArray(raw.faults)) {
    const known = [...env.faults.keys()];
    raw.faults.forEach((use: unknown, i) => {
      const fault = (use as { fault?: unknown } | null)?.fault;
      if (typeof fault !== 'string' || env.faults.has(fault)) return;
      problems.push({
        path: ['faults', i, 'fault'],
        message: `unknown fault ${excerpt(fault)}${didYouMean(fault, known)}`,
      });
    });
  }
  return problems;
}

interface Checked {
  value?: LoadedScenario;
  problems: Problem[];
  /** Errors in other files (the merchant profile). */
  otherErrors: SourceError[];
}

async function checkScenario(s: Scenario, file: string, env: Resolved): Promise<Checked> {
  const problems: Problem[] = [];
  const otherErrors: SourceError[] = [];

  // The merchant profile, with the scenario's overrides.
  const merchantId = typeof s.merchant === 'string' ? s.merchant : s.merchant.profile;
  const merchantPath = typeof s.merchant === 'string' ? ['merchant'] : ['merchant', 'profile'];
  const merchantFile = path.join(env.merchantsDir, `${merchantId}.yaml`);
  const load = await loadMerchantCached(merchantFile, env);
  let merchant: MerchantProfile | undefined;
  if (load.missing) {
    problems.push(await missingMerchant(merchantId, merchantFile, merchantPath, env));
  } else if (!load.value) {
    otherErrors.push(...load.errors);
    const n = load.errors.length;
    problems.push({
      path: merchantPath,
      message: `the merchant profile "${merchantId}" has ${n} error${n === 1 ? '' : 's'} (in ${merchantFile})`,
    });
  } else {
    merchant = withOverrides(load.value, s, problems);
  }

  // Times.
  const customerZone = s.customer.timezone;
  let zone = merchant?.timezone;
  if (customerZone !== undefined) {
    const zoneError = checkZone(customerZone, env);
    if (zoneError) problems.push({ path: ['customer', 'timezone'], message: zoneError });
    zone = zoneError ? undefined : customerZone;
  }
  const instant = (text: string | undefined, at: readonly PathKey[]): number | undefined => {
    if (text === undefined || zone === undefined) return undefined;
    try {
      return env.parseInstant(text, zone);
    } catch (e) {
      problems.push({ path: at, message: messageOf(e) });
      return undefined;
    }
  };
  const start = instant(s.start, ['start']);
  const deadline = instant(s.goal.deadline, ['goal', 'deadline']);
  if (start !== undefined && deadline !== undefined && deadline <= start) {
    problems.push({
      path: ['goal', 'deadline'],
      message: `the deadline ${s.goal.deadline} must be after the start ${s.start}`,
    });
  }
  s.given.forEach((g, i) => {
    const at = instant(g.at, ['given', i, 'at']);
    if (at !== undefined && start !== undefined && at > start) {
      problems.push({
        path: ['given', i, 'at'],
        message: `${g.at} is after the start ${s.start}: "given" lists purchases made before the journey starts`,
      });
    }
  });
  const duration = (text: string | undefined, at: readonly PathKey[]) =>
    problems.push(...checkDuration(text, at, env));
  duration(s.customer.traits.patience, ['customer', 'traits', 'patience']);
  duration(s.customer.traits.followUpAfter, ['customer', 'traits', 'followUpAfter']);

  // Steps.
  const products = merchant?.products.map((p) => p.id) ?? [];
  const product = (id: string, at: readonly PathKey[]) => {
    if (merchant && !products.includes(id)) {
      problems.push({
        path: at,
        message: `"${id}" is not a product of ${merchant.id}${didYouMean(id, products)}`,
        hint: `products of ${merchant.id}: ${products.join(', ')}`,
      });
    }
  };
  const salesChannel = (channel: string, at: readonly PathKey[]) => {
    if (merchant && merchant.sales[channel as keyof MerchantProfile['sales']] === undefined) {
      const sales = Object.keys(merchant.sales);
      problems.push({
        path: at,
        message: `${merchant.id} does not sell through the "${channel}" channel`,
        hint: `sales channels of ${merchant.id}: ${sales.join(', ') || 'none'}`,
      });
    }
  };
  const step = (st: Step, at: readonly PathKey[]) => {
    if ('order' in st) {
      product(st.order.product, [...at, 'order', 'product']);
      salesChannel(st.order.channel, [...at, 'order', 'channel']);
    } else if ('await-mail' in st) duration(st['await-mail'].within, [...at, 'await-mail', 'within']);
    else if ('await-delivery' in st) {
      const p = st['await-delivery'];
      product(p.product, [...at, 'await-delivery', 'product']);
      duration(p.within, [...at, 'await-delivery', 'within']);
      instant(p.by, [...at, 'await-delivery', 'by']);
    } else if ('install' in st) product(st.install.product, [...at, 'install', 'product']);
    else if ('activate' in st) product(st.activate.product, [...at, 'activate', 'product']);
    else if ('cancel-subscription' in st)
      product(st['cancel-subscription'].product, [...at, 'cancel-subscription', 'product']);
    else if ('await-statement' in st)
      duration(st['await-statement'].within, [...at, 'await-statement', 'within']);
    else if ('wait' in st) duration(st.wait.for, [...at, 'wait', 'for']);
    else if ('contact-support' in st && merchant) {
      const { channel, product: about } = st['contact-support'];
      if (about !== undefined) product(about, [...at, 'contact-support', 'product']);
      if (!merchant.support.some((c) => c.id === channel)) {
        problems.push(unknownChannel(merchant, channel, [...at, 'contact-support', 'channel']));
      }
    }
  };
  s.steps.forEach((st, i) => {
    step(st, ['steps', i]);
  });
  s.afterwards.forEach((st, i) => {
    step(st, ['afterwards', i]);
  });
  s.given.forEach((g, i) => {
    product(g.owns, ['given', i, 'owns']);
    salesChannel(g.channel, ['given', i, 'channel']);
  });
  s.goal.needs.forEach((fact, i) => {
    const id = parseFact(fact).subject;
    if (id !== undefined) product(id, ['goal', 'needs', i]);
  });

  // Faults.
  const faults = checkFaults(s, merchant, env, problems, instant);
  checkExpectations(s, faults, problems);

  if (problems.length > 0 || otherErrors.length > 0 || !merchant) return { problems, otherErrors };
  return { value: { file, scenario: { ...s, faults }, merchant, merchantFile }, problems, otherErrors };
}

function withOverrides(profile: MerchantProfile, s: Scenario, problems: Problem[]): MerchantProfile {
  if (typeof s.merchant === 'string') return profile;
  const { capabilities, policies } = s.merchant;
  if (policies === undefined) return applyOverrides(profile, { ...(capabilities ? { capabilities } : {}) });
  // Validate only what the scenario sets: a partial schema would fill in every default and
  // silently undo the profile's own policies.
  const policySchema = merchantProfileSchema.shape.policies.unwrap().partial();
  const parsed = policySchema.safeParse(policies);
  if (!parsed.success) {
    problems.push(...issuesToProblems(parsed.error.issues, policySchema, policies, ['merchant', 'policies']));
    return profile;
  }
  const given = Object.fromEntries(
    Object.keys(policies).map((k) => [k, (parsed.data as Record<string, unknown>)[k]]),
  ) as Partial<MerchantProfile['policies']>;
  return applyOverrides(profile, { ...(capabilities ? { capabilities } : {}), policies: given });
}

function checkFaults(
  s: Scenario,
  merchant: MerchantProfile | undefined,
  env: Resolved,
  problems: Problem[],
  instant: (text: string | undefined, at: readonly PathKey[]) => number | undefined,
): FaultUse[] {
  const known = [...env.faults.keys()];
  const labels = new Map<string, number>();
  return s.faults.map((use, i) => {
    const at = ['faults', i];
    const label = faultLabel(use);
    const earlier = labels.get(label);
    if (earlier === undefined) labels.set(label, i);
    else {
      problems.push({
        path: [...at, labelKey(use)],
        message: `the fault label "${label}" is already used above`,
        seeAlso: ['faults', earlier, labelKey(s.faults[earlier]!)],
        hint: 'give each use of a fault its own "id:", and use those ids in expect',
      });
    }
    if (use.window) {
      const from = instant(use.window.from, [...at, 'window', 'from']);
      const until = instant(use.window.until, [...at, 'window', 'until']);
      if (from !== undefined && until !== undefined && until <= from) {
        problems.push({
          path: [...at, 'window', 'until'],
          message: `the window ends (${use.window.until}) before it starts (${use.window.from})`,
        });
      }
    }
    const fault = env.faults.get(use.fault);
    if (!fault) {
      problems.push({
        path: [...at, 'fault'],
        message: `unknown fault ${excerpt(use.fault)}${didYouMean(use.fault, known)}`,
        hint: `known faults (deadend faults): ${known.join(', ')}`,
      });
      return use;
    }
    if (fault.needsWindow && (use.window?.from === undefined || use.window.until === undefined)) {
      problems.push({
        path: use.window ? [...at, 'window'] : at,
        message: `${use.fault} needs a window with a start and an end: "window: { from: …, until: … }"`,
      });
    }
    const parsed = fault.params.safeParse(use.params);
    if (!parsed.success) {
      problems.push(...issuesToProblems(parsed.error.issues, fault.params, use.params, [...at, 'params']));
      return use;
    }
    const params = parsed.data as Record<string, unknown>;
    const channels = params.channels;
    if (merchant && Array.isArray(channels)) {
      channels.forEach((c, k) => {
        if (typeof c === 'string' && !merchant.support.some((ch) => ch.id === c)) {
          problems.push(unknownChannel(merchant, c, [...at, 'params', 'channels', k]));
        }
      });
    }
    if (merchant && Array.isArray(params.between))
      problems.push(...unknownSystems(merchant, params.between, [...at, 'params', 'between']));
    return { ...use, params };
  });
}

const labelKey = (use: FaultUse) => (use.id !== undefined ? 'id' : 'fault');

function checkExpectations(s: Scenario, faults: readonly FaultUse[], problems: Problem[]): void {
  const labels = faults.map(faultLabel);
  let usable = true;
  s.expect.forEach((rule, i) => {
    const selectors = (['faults', 'includes', 'otherwise'] as const).filter((k) => rule[k] !== undefined);
    if (selectors.length === 0) {
      usable = false;
      problems.push({
        path: ['expect', i],
        message: 'say which fault combinations this entry is for',
        hint: 'add "faults: [a, b]" (exactly these; [] for none), "includes: [a]" (any with a) or "otherwise: true"',
      });
    } else if (selectors.length > 1) {
      usable = false;
      problems.push({
        path: ['expect', i, selectors[1]!],
        key: true,
        message: `use one of faults, includes and otherwise per entry, not ${selectors.join(' and ')}`,
      });
    }
    rule.findings?.forEach((oracle, k) => {
      if (ORACLE_IDS.includes(oracle)) return;
      problems.push({
        path: ['expect', i, 'findings', k],
        message: `unknown finding "${oracle}"${didYouMean(oracle, ORACLE_IDS)}`,
        hint: `the oracles (deadend oracles): ${ORACLE_IDS.join(', ')}`,
      });
    });
    for (const kind of ['faults', 'includes'] as const) {
      rule[kind]?.forEach((label, k) => {
        if (labels.includes(label)) return;
        usable = false;
        const use = faults.find((f) => f.fault === label);
        problems.push({
          path: ['expect', i, kind, k],
          message: `"${label}" is not a fault of this scenario${didYouMean(label, labels)}`,
          hint: use
            ? `the ${label} fault is labelled "${faultLabel(use)}" here (its id)`
            : labels.length > 0
              ? `the fault labels of this scenario: ${labels.join(', ')}`
              : 'this scenario has no faults: the only combination is "faults: []"',
        });
      });
    }
  });
  if (!usable) return;

  const maxFaults = s.explore.maxFaults ?? labels.length;
  if (countCombinations(labels.length, maxFaults) > MAX_CHECKED_COMBINATIONS) return;
  const combos = planCombinations(s.explore, labels);
  const uncovered = combos.filter((c) => expectationFor(s.expect, c) === undefined);
  if (uncovered.length > 0) {
    const shown = uncovered.slice(0, 8).map(combinationKey);
    const more = uncovered.length > shown.length ? `, … (${uncovered.length - shown.length} more)` : '';
    const example = uncovered[0]!;
    problems.push({
      path: ['expect'],
      key: true,
      message:
        uncovered.length === 1
          ? `no expected outcome for the fault combination "${shown[0]}"`
          : `no expected outcome for ${uncovered.length} fault combinations: ${shown.join(', ')}${more}`,
      hint: `add "- otherwise: true" with an outcome as the last entry, or an entry with "faults: [${example.join(', ')}]"`,
    });
  }
  s.expect.forEach((rule, i) => {
    if (rule.otherwise) return; // a catch-all may be there just in case
    if (combos.some((c) => s.expect.findIndex((r) => ruleMatches(r, c)) === i)) return;
    const size = new Set(rule.faults ?? rule.includes ?? []).size;
    const matched = combos.filter((c) => ruleMatches(rule, c));
    const takenBy = matched.length > 0 ? s.expect.findIndex((r) => ruleMatches(r, matched[0]!)) : -1;
    problems.push({
      path: ['expect', i],
      message: `this entry never applies: ${
        takenBy >= 0
          ? 'the fault combinations it matches are taken by an entry above it'
          : size > maxFaults
            ? `explore.maxFaults is ${maxFaults}, so no combination of ${size} faults is tried`
            : 'no fault combination of this scenario matches it'
      }`,
      ...(takenBy >= 0 ? { seeAlso: ['expect', takenBy] } : {}),
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Many files

export interface LoadedScenarios {
  /** The valid scenarios, in file order. */
  scenarios: LoadedScenario[];
  /** Every error of every file, sorted by file and position. */
  errors: SourceError[];
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

  const scenarios: LoadedScenario[] = [];
  const ids = new Map<string, string>();
  results.forEach((r, i) => {
    errors.push(...r.errors);
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
    scenarios.push(r.value);
  });

  const merchantFiles: string[] = [];
  for (const pending of resolved.merchantCache.values()) {
    const load = await pending;
    if (!load.missing) merchantFiles.push(load.file);
  }
  return { scenarios, errors: sortErrors(errors), files, merchantFiles: merchantFiles.sort(byPath) };
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
