/**
 * Generated scenario, merchant and calendar files — the seed files, valid, and mutated with
 * the values that broke deadend before (huge numbers, empty windows, durations without a
 * length, paths for ids, long strings) — and the property every one of them must keep:
 * `validate` never fails with exit 3, and a file it accepts runs to a result within a time and
 * memory bound. fast-check draws the files from a seed and shrinks a failure to a small one.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { runSuite } from '../../engine/runner.ts';
import { loadScenarios } from '../../scenario/load.ts';
import { validateCommand } from '../commands/validate.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const readYamlDir = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ name: f, data: parse(readFileSync(join(dir, f), 'utf8')) as Json }));

const SCENARIOS = readYamlDir('scenarios');
const MERCHANTS = readYamlDir('fixtures/merchants');
const CALENDARS = readYamlDir('fixtures/calendars');

/** Values that crashed, hung or leaked before, and their neighbours. */
const HOSTILE: Json[] = [
  '',
  'P',
  'garbage',
  '-5m',
  'P1M',
  'PT0S',
  '99999999999999999999d',
  `P${'9'.repeat(400)}D`,
  '99999999999999 business hours',
  '99999999999 business days',
  '2500 business days',
  '3650d',
  '1.5 business days',
  '../../../../etc/passwd',
  'x'.repeat(10_000),
  '\u0000\u001b[31m',
  '2026-02-30T25:61',
  '9999-12-31T23:59',
  0,
  -1,
  1.5,
  2147483648,
  Number.MAX_SAFE_INTEGER,
  1e308,
  true,
  null,
  {},
  [],
  { from: '2026-01-01T00:00' },
  { until: '2026-01-01T00:00' },
];

type Mutation =
  | { path: number[]; kind: 'set'; value: number }
  | { path: number[]; kind: 'delete' }
  | { path: number[]; kind: 'copy' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    path: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
    kind: fc.constant('set' as const),
    value: fc.nat(HOSTILE.length - 1),
  }),
  fc.record({
    path: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
    kind: fc.constant('delete' as const),
  }),
  fc.record({ path: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), kind: fc.constant('copy' as const) }),
);

/** Applies a mutation at the node the path leads to (each step picks a child by index, modulo). */
function mutate(root: Json, m: Mutation): Json {
  const copy = structuredClone(root);
  let parent: Json = copy;
  for (let depth = 0; depth < m.path.length; depth++) {
    if (parent === null || typeof parent !== 'object') return copy;
    const keys = Array.isArray(parent) ? parent.map((_, i) => i) : Object.keys(parent);
    if (keys.length === 0) return copy;
    const key = keys[m.path[depth]! % keys.length]!;
    const child = (parent as Record<string | number, Json>)[key]!;
    const last = depth === m.path.length - 1 || child === null || typeof child !== 'object';
    if (!last) {
      parent = child;
      continue;
    }
    const holder = parent as Record<string | number, Json>;
    if (m.kind === 'set') holder[key] = structuredClone(HOSTILE[m.value]!);
    else if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete holder[key];
    } else if (Array.isArray(parent)) parent.push(structuredClone(child));
    else holder[key] = [structuredClone(child), structuredClone(child)];
    return copy;
  }
  return copy;
}

export interface Project {
  scenario: { name: string; data: Json };
  merchant?: { name: string; data: Json };
  calendar?: { name: string; data: Json };
}

const mutated = (files: { name: string; data: Json }[]) =>
  fc
    .record({ file: fc.constantFrom(...files), mutations: fc.array(mutation, { maxLength: 3 }) })
    .map(({ file, mutations }) => ({
      name: file.name,
      data: mutations.reduce(mutate, file.data),
    }));

/** A project: one scenario (a seed, mutated or not), maybe one mutated merchant or calendar. */
export const projects: fc.Arbitrary<Project> = fc.record(
  {
    scenario: mutated(SCENARIOS),
    merchant: mutated(MERCHANTS),
    calendar: mutated(CALENDARS),
  },
  { requiredKeys: ['scenario'] },
);

export interface Bounds {
  /** Wall-clock time for validate + run of one project. */
  ms: number;
  /** Heap growth allowed for one project. */
  heapBytes: number;
}

/**
 * The property. Throws (fast-check reports it with the seed and the path to replay) when
 * `validate` fails with an internal error, or a file it accepts does not run to a result
 * within the bounds.
 */
export async function checkProject(project: Project, dir: string, bounds: Bounds): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  const merchants = join(dir, 'merchants');
  const calendars = join(dir, 'calendars');
  mkdirSync(join(dir, 'scenarios'), { recursive: true });
  cpSync('fixtures/merchants', merchants, { recursive: true });
  cpSync('fixtures/calendars', calendars, { recursive: true });
  if (project.merchant)
    writeFileSync(join(merchants, project.merchant.name), stringify(project.merchant.data));
  if (project.calendar)
    writeFileSync(join(calendars, project.calendar.name), stringify(project.calendar.data));
  const file = join(dir, 'scenarios', project.scenario.name);
  writeFileSync(file, stringify(project.scenario.data));

  const started = performance.now();
  const heap = process.memoryUsage().heapUsed;
  const out: string[] = [];
  // An exception here is what the CLI reports as exit 3.
  const code = await validateCommand([file], {
    merchantsDir: merchants,
    calendarsDir: calendars,
    out: (l) => out.push(l),
  });
  if (code !== 0 && code !== 2) throw new Error(`validate exited ${code}`);
  if (out.some((l) => l.length > 2_000))
    throw new Error('validate echoed a value whole (a line over 2,000 characters)');
  if (code === 2) return;
  const loaded = await loadScenarios([file], { merchantsDir: merchants, calendarsDir: calendars });
  const results = await runSuite(loaded.scenarios, { seed: 1, calendarsDir: calendars });
  const ms = performance.now() - started;
  const grown = process.memoryUsage().heapUsed - heap;
  if (results.summary.runs === 0 && loaded.scenarios.length > 0)
    throw new Error('an accepted file ran no run');
  if (ms > bounds.ms)
    throw new Error(`validate + run took ${Math.round(ms)} ms, over the bound of ${bounds.ms} ms`);
  if (grown > bounds.heapBytes)
    throw new Error(`the heap grew by ${Math.round(grown / 2 ** 20)} MiB, over the bound`);
}
