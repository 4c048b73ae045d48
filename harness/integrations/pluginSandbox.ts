/**
 * A sandbox for plugin authors: `import { pluginSandbox } from 'deadend/testing'`. It loads a
 * merchant profile (its includes merged) with the plugins, and gives a world to call plugins in
 * and a run of a scenario, in two lines:
 *
 * ```ts
 * const sandbox = await pluginSandbox('merchants/beanbox.yaml', config.plugins);
 * const world = sandbox.world({ at: '2026-03-02T09:00' });
 * expect(world.applicable('pause-deliveries')).toBe(true);
 * const run = await sandbox.run('scenarios/holiday-pause.yaml');
 * expect(run.runs.every((r) => r.pass)).toBe(true);
 * ```
 *
 * The world is the vocabulary world a run uses (virtual time, seeded draws), so a plugin
 * behaves in the sandbox exactly as in `deadend run`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ScenarioResult } from '../core/contract.ts';
import { type TraceEvent, toArray } from '../core/trace.ts';
import { after } from '../engine/open/durations.ts';
import { pluginActionOffers, takePluginAction } from '../engine/open/pluginMoves.ts';
import { prepareOpen } from '../engine/open/runOpen.ts';
import { runSuite } from '../engine/runner.ts';
import { loadScenarios } from '../scenario/load.ts';
import { DEFAULT_CALENDARS_DIR, resolveEnv } from '../scenario/loadEnv.ts';
import { loadOpenProfile } from '../scenario/open/profiles.ts';
import { formatSourceError, type SourceError } from '../scenario/source.ts';
import { faultCatalogue } from '../services/index.ts';
import type { LoadedOpenScenario } from '../vocabulary/loaded.ts';
import {
  createPluginWorld,
  holdsPluginCondition,
  type PluginConfig,
  type PluginRun,
  type PluginSet,
  type PluginWorld,
  pluginOffers,
  pluginSet,
  runPluginStep,
  type StepOutcome,
} from '../vocabulary/plugins/index.ts';
import { openScenarioSchema } from '../vocabulary/schema/index.ts';
import {
  advanceTo,
  createWorld,
  effortMs,
  type MoneyTotals,
  money,
  pluginHost,
  type VWorld,
} from '../vocabulary/world/index.ts';

export interface SandboxOptions {
  /** Folder of holiday calendars (default `fixtures/calendars`). */
  calendarsDir?: string;
  /** Seed of the world's draws and of runs (default 1). */
  seed?: number;
}

export interface WorldOptions {
  /** The world's start, local time in the profile's zone (default 2026-01-05T09:00, a Monday). */
  at?: string;
  /** Facts that hold besides the profile's `initially` ones. */
  facts?: string[];
  /** Persona trait values (the profile's defaults for the others). */
  traits?: Record<string, boolean | number | string>;
}

/** The world a plugin sees, plus what a test needs to set it up and look at it. */
export interface SandboxWorld extends PluginWorld {
  /** Whether the registered plugin action would be offered now with these params (defaults applied). */
  applicable(action: string, params?: Record<string, unknown>): boolean;
  /** The labels of the plugin actions the explorer would offer now (customer ones; `staff`: theirs too). */
  offers(opts?: { staff?: boolean }): string[];
  /** Takes a registered plugin action as the explorer does: its effects, then its time passes. */
  take(action: string, params?: Record<string, unknown>): PluginRun;
  /** A registered plugin condition, params parsed with its schema. */
  condition(id: string, params?: Record<string, unknown>): boolean;
  /** A registered plugin step, params parsed with its schema. */
  step(id: string, params?: Record<string, unknown>): StepOutcome;
  /** Runs the world's scheduled events (processes, deliveries) for this long: "P3D", "2 business days". */
  wait(duration: string): void;
  /** The facts that hold now. */
  facts(): string[];
  /** The trace so far. */
  events(): TraceEvent[];
  money(): MoneyTotals;
}

export interface PluginSandbox {
  readonly plugins: PluginSet;
  world(opts?: WorldOptions): SandboxWorld;
  /** Runs a scenario over this profile with these plugins: a file, or the scenario as an object. */
  run(scenario: string | Record<string, unknown>): Promise<ScenarioResult>;
}

const DEFAULT_AT = '2026-01-05T09:00';

class SandboxError extends Error {}

function failed(what: string, errors: readonly SourceError[]): SandboxError {
  return new SandboxError(`${what}:\n${errors.map(formatSourceError).join('\n')}`);
}

/**
 * A sandbox over the open merchant profile at `profileFile` (merchant id: its file name; its
 * includes are read from ../vocabularies as for `deadend run`) with `plugins` — a config's
 * `plugins: { … }`, or a PluginSet.
 */
export async function pluginSandbox(
  profileFile: string,
  plugins: PluginConfig | PluginSet | undefined,
  opts: SandboxOptions = {},
): Promise<PluginSandbox> {
  const set = isPluginSet(plugins) ? plugins : pluginSet(plugins, 'pluginSandbox');
  const merchantsDir = path.dirname(profileFile);
  const id = path.basename(profileFile).replace(/\.ya?ml$/, '');
  const calendarsDir = opts.calendarsDir ?? DEFAULT_CALENDARS_DIR;
  const seed = opts.seed ?? 1;
  const env = { merchantsDir, calendarsDir, plugins: set };
  const load = await loadOpenProfile(id, resolveEnv(env));
  if (!load.value) throw failed(`${profileFile} does not load as an open merchant profile`, load.errors);
  const profile = load.value.profile;
  const sources = load.value.sources.map((s) => s.file);

  const world = (w: WorldOptions = {}): SandboxWorld => {
    const scenario = openScenarioSchema.parse({
      id: 'plugin-sandbox',
      title: 'plugin sandbox',
      merchant: id,
      start: w.at ?? DEFAULT_AT,
      given: { facts: w.facts ?? [] },
      goal: { description: 'none', when: { fact: 'plugin-sandbox' }, deadline: '2100-01-01T00:00' },
      steps: [{ wait: { for: 'PT0M' } }],
      expect: [{ outcome: 'ok' }],
    });
    const loaded: LoadedOpenScenario = {
      kind: 'open',
      file: profileFile,
      scenario,
      profile,
      sources,
      plugins: set,
    };
    const prep = prepareOpen(loaded, calendarsDir);
    const persona = prep.personas[0]!;
    const vw = createWorld({
      loaded,
      persona: { id: persona.id, traits: { ...persona.traits, ...(w.traits ?? {}) }, channels: [] },
      faults: [],
      seedKey: `plugin-sandbox|${seed}`,
      calendars: prep.calendars,
      calendarDefinitions: prep.calendarDefinitions,
    });
    return sandboxWorld(vw, set, seed);
  };

  const run = async (scenario: string | Record<string, unknown>): Promise<ScenarioResult> => {
    const file = typeof scenario === 'string' ? scenario : writeScenario(scenario);
    const loaded = await loadScenarios([file], {
      merchantsDir,
      calendarsDir,
      plugins: set,
      faults: faultCatalogue,
    });
    if (loaded.errors.length > 0) throw failed(`${file} does not load`, loaded.errors);
    const results = await runSuite(loaded.all, { seed, calendarsDir });
    return results.scenarios[0]!;
  };

  return { plugins: set, world, run };
}

function isPluginSet(p: PluginConfig | PluginSet | undefined): p is PluginSet {
  return p !== undefined && (p as PluginSet).actions instanceof Map;
}

function writeScenario(scenario: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'deadend-sandbox-'));
  const file = path.join(dir, `${String(scenario.id ?? 'scenario')}.yaml`);
  // JSON is YAML: the loader reads it with positions as it reads any scenario file.
  writeFileSync(file, `${JSON.stringify(scenario, null, 2)}\n`);
  return file;
}

function sandboxWorld(w: VWorld, set: PluginSet, seed: number): SandboxWorld {
  // One PluginWorld per call (the host reads the world as it is now); one draw counter for the
  // sandbox world, so successive random() calls differ and repeat from run to run.
  const view = () => createPluginWorld(pluginHost(w), 'plugin-sandbox');
  const sandboxDraws = createPluginWorld(
    { ...pluginHost(w), moment: 'plugin-sandbox', seedKey: `plugin-sandbox|${seed}` },
    'plugin-sandbox',
  );
  const offers = (staff: boolean) => pluginActionOffers(w, staff);
  const find = (action: string, params?: Record<string, unknown>) => {
    const plugin = set.actions.get(action);
    if (!plugin) throw new SandboxError(`no plugin action "${action}" is registered`);
    const parsed = plugin.params.parse(params ?? {});
    return { plugin, parsed };
  };
  return {
    get now() {
      return w.now;
    },
    get zone() {
      return w.ctx.zone;
    },
    fact: (id) => view().fact(id),
    trait: (id) => view().trait(id),
    holds: (c) => view().holds(c),
    apply: (e) => view().apply(e),
    trace: (e) => view().trace(e),
    random: () => sandboxDraws.random(),
    applicable: (action, params) => {
      const { plugin, parsed } = find(action, params);
      return plugin.applicable(createPluginWorld(pluginHost(w), plugin.id), parsed) === true;
    },
    offers: (o = {}) => offers(o.staff === true).map((x) => x.label),
    take: (action, params) => {
      const { plugin, parsed } = find(action, params);
      const offer = pluginOffers(set, pluginHost(w), { staff: true }).find(
        (x) => x.plugin === action && JSON.stringify(x.params) === JSON.stringify(parsed),
      ) ?? {
        plugin: action,
        params: parsed,
        label: plugin.label(parsed),
        by: plugin.by ?? 'customer',
        key: `plugin:${action}`,
      };
      const [at, effort] = [w.now, effortMs(w)];
      takePluginAction(w, offer);
      return { tookMs: w.now - at, effortMs: effortMs(w) - effort };
    },
    condition: (id, params) =>
      holdsPluginCondition(set, { plugin: id, ...(params ? { params } : {}) }, pluginHost(w)),
    step: (id, params) => runPluginStep(set, { plugin: id, ...(params ? { params } : {}) }, pluginHost(w)),
    wait: (duration) => advanceTo(w, after(w, w.now, duration)),
    facts: () => Object.keys(w.facts).sort(),
    events: () => toArray(w.trace),
    money: () => money(w),
  };
}
