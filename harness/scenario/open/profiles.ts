/**
 * Open merchant profiles and the vocabulary files they include, merged into one profile: lists
 * merge by id (the same id written twice — across includes too — is an error naming both
 * places), `extends` starts from another profile and overrides by id, an include cycle is an
 * error. Every file is read once per load; each merged profile is built once per load.
 */
import path from 'node:path';
import type { z } from 'zod';
import { didYouMean } from '../../input/didYouMean.ts';
import { fileForId } from '../../input/projectPaths.ts';
import {
  type OpenMerchantProfile,
  openMerchantProfileSchema,
  vocabularyFileSchema,
} from '../../vocabulary/schema/index.ts';
import { readYaml } from '../files.ts';
import type { Resolved } from '../loadEnv.ts';
import { checkZone } from '../merchants.ts';
import { type Locator, type PathKey, type Problem, type SourceError, sortErrors } from '../source.ts';
import { issuesToProblems } from '../zodIssues.ts';
import { isOpenProfile } from './detect.ts';

/** One file a merged profile was built from, parsed. */
export interface SourceFile {
  file: string;
  locator: Locator;
  schema: z.ZodType;
  data: Record<string, unknown>;
  /** "included from fixtures/merchants/clipforge.yaml:8:10", for messages placed in this file. */
  includedFrom?: string;
}

export interface MergedProfile {
  profile: OpenMerchantProfile;
  /** The root profile first, then every file merged into it. */
  sources: SourceFile[];
}

export interface OpenProfileLoad {
  file: string;
  missing?: boolean;
  value?: MergedProfile;
  errors: SourceError[];
}

const LISTS = [
  'products',
  'calendars',
  'messages',
  'channels',
  'parties',
  'systems',
  'records',
  'facts',
  'traits',
  'reasons',
  'problems',
  'actions',
  'processes',
  'commitments',
  'routes',
] as const;
const RECORDS = ['parameters', 'capabilities', 'sales'] as const;

interface Origin {
  source: SourceFile;
  path: PathKey[];
}
interface Entry {
  value: unknown;
  origin: Origin;
}
/** Declarations by list (or record) and id, each with where it was written. */
type Layer = Map<string, Map<string, Entry>>;

interface Context {
  env: Resolved;
  reads: Map<string, ReturnType<typeof readYaml>>;
  profiles: Map<string, Promise<OpenProfileLoad>>;
}
const contexts = new WeakMap<Resolved, Context>();
function contextOf(env: Resolved): Context {
  let c = contexts.get(env);
  if (!c) {
    c = { env, reads: new Map(), profiles: new Map() };
    contexts.set(env, c);
  }
  return c;
}

/** Vocabulary files live beside the merchant profiles: fixtures/vocabularies/ID.yaml. */
export const vocabulariesDir = (env: Resolved) => path.join(path.dirname(env.merchantsDir), 'vocabularies');

export function profileFile(id: string, env: Resolved): string {
  return path.join(env.merchantsDir, `${id}.yaml`);
}

function read(file: string, ctx: Context) {
  const key = path.resolve(file);
  let pending = ctx.reads.get(key);
  if (!pending) {
    pending = readYaml(file);
    ctx.reads.set(key, pending);
  }
  return pending;
}

/** Whether the profile file `id` is an open profile (false when it is missing or unreadable). */
export async function profileIsOpen(id: string, env: Resolved): Promise<boolean> {
  // An id that is not a plain id is never opened as a path (the seed loader reports it).
  const file = fileForId(env.merchantsDir, id);
  if (file === undefined) return false;
  const r = await read(file, contextOf(env));
  return r.errors.length === 0 && isOpenProfile(r.data);
}

/** The merged open profile `id`, loaded once per load. */
export function loadOpenProfile(id: string, env: Resolved): Promise<OpenProfileLoad> {
  const ctx = contextOf(env);
  let pending = ctx.profiles.get(id);
  if (!pending) {
    pending = buildProfile(id, ctx);
    ctx.profiles.set(id, pending);
  }
  return pending;
}

/** Every profile or vocabulary file that exists and was read while loading open profiles (for validate's file count). */
export async function openProfileFiles(env: Resolved): Promise<string[]> {
  const out: string[] = [];
  for (const [file, pending] of contexts.get(env)?.reads ?? []) {
    if (!(await pending).missing) out.push(path.relative(process.cwd(), file));
  }
  return out;
}

async function buildProfile(id: string, ctx: Context): Promise<OpenProfileLoad> {
  const file = profileFile(id, ctx.env);
  const errors: SourceError[] = [];
  const sources: SourceFile[] = [];
  const built = await profileLayer(id, [], ctx, errors, sources, undefined);
  if (built === 'missing') return { file, missing: true, errors: sortErrors(errors) };
  if (!built || errors.length > 0) return { file, errors: sortErrors(errors) };
  const root = sources[0]!.data as OpenMerchantProfile;
  const profile = { ...root } as Record<string, unknown>;
  for (const key of [...LISTS, ...RECORDS]) {
    const entries = [...(built.layer.get(key)?.entries() ?? [])];
    profile[key] = (RECORDS as readonly string[]).includes(key)
      ? Object.fromEntries(entries.map(([k, e]) => [k, e.value]))
      : entries.map(([, e]) => e.value);
  }
  return { file, value: { profile: profile as OpenMerchantProfile, sources }, errors: [] };
}

interface Parsed {
  source: SourceFile;
  data: Record<string, unknown>;
}

async function parseFile(
  file: string,
  schema: z.ZodType,
  ctx: Context,
  errors: SourceError[],
  includedFrom: string | undefined,
): Promise<Parsed | 'missing' | undefined> {
  const r = await read(file, ctx);
  if (r.missing) return 'missing';
  if (r.errors.length > 0 || r.data === undefined) {
    errors.push(...r.errors);
    return undefined;
  }
  const parsed = schema.safeParse(r.data);
  const place = (p: Problem) => {
    const e = r.locator.place(p);
    return includedFrom ? { ...e, hint: e.hint ? `${e.hint}; ${includedFrom}` : includedFrom } : e;
  };
  if (!parsed.success) {
    errors.push(...issuesToProblems(parsed.error.issues, schema, r.data).map(place));
    return undefined;
  }
  const data = parsed.data as Record<string, unknown>;
  const source: SourceFile = {
    file,
    locator: { file: r.locator.file, place },
    schema,
    data,
    ...(includedFrom ? { includedFrom } : {}),
  };
  const expected = path.basename(file).replace(/\.ya?ml$/, '');
  if (data.id !== expected) {
    errors.push(
      place({
        path: ['id'],
        message: `the id "${String(data.id)}" does not match the file name: it is found as "${expected}"`,
        hint: `rename the file to ${String(data.id)}.yaml or set "id: ${expected}"`,
      }),
    );
  }
  return { source, data };
}

/** A profile's declarations: its base (extends) overridden by its includes and its own. */
async function profileLayer(
  id: string,
  chain: string[],
  ctx: Context,
  errors: SourceError[],
  sources: SourceFile[],
  extendedFrom: string | undefined,
): Promise<{ layer: Layer } | 'missing' | undefined> {
  const file = profileFile(id, ctx.env);
  const parsed = await parseFile(file, openMerchantProfileSchema, ctx, errors, extendedFrom);
  if (parsed === 'missing' || !parsed) return parsed;
  const { source, data } = parsed;
  sources.push(source);
  const zoneError = checkZone(String(data.timezone), ctx.env);
  if (zoneError) errors.push(source.locator.place({ path: ['timezone'], message: zoneError }));

  let base: Layer = new Map();
  const ext = data.extends as string | undefined;
  if (ext !== undefined) {
    const at = ['extends'];
    if (chain.includes(ext) || ext === id) {
      errors.push(
        source.locator.place({ path: at, message: `extends cycle: ${[...chain, id, ext].join(' → ')}` }),
      );
    } else {
      const from = `extended by ${position(source, at)}`;
      const got = await profileLayer(ext, [...chain, id], ctx, errors, sources, from);
      if (got === 'missing')
        errors.push(
          source.locator.place(await missingFile('merchant profile', ext, at, ctx.env.merchantsDir)),
        );
      else if (got) base = got.layer;
    }
  }
  const own = await withIncludes(source, data, [id], ctx, errors, sources);
  return { layer: override(base, own) };
}

/** A file's own declarations combined with everything it includes; duplicates are errors. */
async function withIncludes(
  source: SourceFile,
  data: Record<string, unknown>,
  chain: string[],
  ctx: Context,
  errors: SourceError[],
  sources: SourceFile[],
): Promise<Layer> {
  const layer: Layer = new Map();
  const includes = (data.include as string[] | undefined) ?? [];
  for (const [i, inc] of includes.entries()) {
    const at = ['include', i];
    if (chain.includes(inc)) {
      errors.push(
        source.locator.place({ path: at, message: `include cycle: ${[...chain, inc].join(' → ')}` }),
      );
      continue;
    }
    const dir = vocabulariesDir(ctx.env);
    const from = `included from ${position(source, at)}`;
    const parsed = await parseFile(path.join(dir, `${inc}.yaml`), vocabularyFileSchema, ctx, errors, from);
    if (parsed === 'missing') {
      errors.push(source.locator.place(await missingFile('vocabulary file', inc, at, dir)));
      continue;
    }
    if (!parsed) continue;
    sources.push(parsed.source);
    const theirs = await withIncludes(parsed.source, parsed.data, [...chain, inc], ctx, errors, sources);
    combine(layer, theirs, errors);
  }
  combine(layer, declared(source, data, errors), errors);
  return layer;
}

function declared(source: SourceFile, data: Record<string, unknown>, errors: SourceError[]): Layer {
  const layer: Layer = new Map();
  for (const key of LISTS) {
    const items = (data[key] as { id: string }[] | undefined) ?? [];
    items.forEach((item, i) => {
      add(layer, key, item.id, { value: item, origin: { source, path: [key, i, 'id'] } }, errors);
    });
  }
  for (const key of RECORDS) {
    for (const [k, value] of Object.entries((data[key] as Record<string, unknown> | undefined) ?? {}))
      add(layer, key, k, { value, origin: { source, path: [key, k] } });
  }
  return layer;
}

function add(layer: Layer, key: string, id: string, entry: Entry, errors?: SourceError[]): void {
  let m = layer.get(key);
  if (!m) {
    m = new Map();
    layer.set(key, m);
  }
  const earlier = m.get(id);
  if (earlier && errors) {
    errors.push(
      entry.origin.source.locator.place({
        path: entry.origin.path,
        message: `${what(key)} "${id}" is declared twice: here and at ${position(earlier.origin.source, earlier.origin.path)}`,
        hint: 'ids are shared by a profile and everything it includes; rename one or remove it',
      }),
    );
    return;
  }
  if (!earlier) m.set(id, entry);
}

function combine(into: Layer, from: Layer, errors: SourceError[]): void {
  for (const [key, entries] of from) for (const [id, e] of entries) add(into, key, id, e, errors);
}

function override(base: Layer, top: Layer): Layer {
  const out: Layer = new Map([...base].map(([k, m]) => [k, new Map(m)]));
  for (const [key, entries] of top) {
    const m = out.get(key) ?? new Map<string, Entry>();
    for (const [id, e] of entries) m.set(id, e);
    out.set(key, m);
  }
  return out;
}

const WHAT: Record<string, string> = {
  messages: 'the message kind',
  parameters: 'the parameter',
  capabilities: 'the capability',
  sales: 'the sales channel',
  processes: 'the process',
  parties: 'the party',
};
const what = (key: string) => WHAT[key] ?? `the ${key.replace(/s$/, '')}`;

export function position(source: SourceFile, at: readonly PathKey[]): string {
  const e = source.locator.place({ path: at, message: '' });
  return `${e.file}:${e.line}:${e.col}`;
}

async function missingFile(kind: string, id: string, at: PathKey[], dir: string): Promise<Problem> {
  const { readdir } = await import('node:fs/promises');
  let known: string[] = [];
  try {
    known = (await readdir(dir))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -5))
      .sort();
  } catch {}
  return {
    path: at,
    message: `no ${kind} "${id}" — looked for ${path.join(dir, `${id}.yaml`)}${didYouMean(id, known)}`,
    hint: `known in ${dir}: ${known.join(', ') || 'none'}`,
  };
}
