/**
 * Where the world, the engine and the oracles call plugins: one function per use, so each call
 * site is a line. Params are parsed with the plugin's schema (validate has already reported
 * any that do not parse, with file:line:col); a plugin that throws stops the run with a
 * PluginError naming the plugin — a bug in the team's plugin, not in deadend.
 */
import type { Finding } from '../../core/contract.ts';
import type { ActionPlugin, ConditionPlugin, PluginOracleContext, StepPlugin } from '../schema/index.ts';
import { PluginError } from './define.ts';
import { createPluginWorld, type PluginHost } from './pluginWorld.ts';
import { type PluginReferenceKind, type PluginSet, pluginOf } from './registry.ts';

/** A YAML use of a plugin: a condition, an effect or a step `{ plugin: id, params }`. */
export interface PluginUse {
  plugin: string;
  params?: Record<string, unknown>;
}

const parsedParams = new WeakMap<object, unknown>();

function pluginFor(set: PluginSet, kind: PluginReferenceKind, use: PluginUse) {
  const plugin = pluginOf(set, kind, use.plugin);
  if (!plugin) {
    const known = [...set[kindList(kind)].keys()];
    throw new PluginError(
      `no ${kind} "${use.plugin}" is registered in ${set.source ?? 'deadend.config.ts'} (${known.length > 0 ? `registered: ${known.join(', ')}` : 'none are'})`,
    );
  }
  return plugin;
}

function kindList(kind: PluginReferenceKind) {
  return kind === 'plugin action' ? 'actions' : kind === 'plugin step' ? 'steps' : 'conditions';
}

function paramsOf(
  kind: PluginReferenceKind,
  plugin: { id: string; params: { safeParse(v: unknown): unknown } },
  use: PluginUse,
) {
  if (parsedParams.has(use)) return parsedParams.get(use);
  const parsed = plugin.params.safeParse(use.params ?? {}) as
    | { success: true; data: unknown }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || 'params'}: ${i.message}`);
    throw new PluginError(`${kind} "${plugin.id}": its params do not parse: ${why.join('; ')}`);
  }
  parsedParams.set(use, parsed.data);
  return parsed.data;
}

function guarded<T>(what: string, id: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof PluginError) throw error;
    throw new PluginError(`plugin "${id}" (${what}) threw: ${(error as Error)?.message ?? String(error)}`, {
      cause: error,
    });
  }
}

/** `{ plugin: id, params }` as a condition. */
export function holdsPluginCondition(set: PluginSet, use: PluginUse, host: PluginHost): boolean {
  const plugin = pluginFor(set, 'plugin condition', use) as ConditionPlugin<unknown>;
  const params = paramsOf('plugin condition', plugin, use);
  return guarded(
    'condition',
    plugin.id,
    () => plugin.holds(createPluginWorld(host, plugin.id), params) === true,
  );
}

export interface PluginRun {
  tookMs: number;
  effortMs: number;
}

function checkRun(id: string, r: unknown): PluginRun {
  const took = (r as { tookMs?: unknown } | undefined)?.tookMs;
  const effort = (r as { effortMs?: unknown } | undefined)?.effortMs ?? took;
  if (typeof took !== 'number' || !(took >= 0) || typeof effort !== 'number' || !(effort >= 0)) {
    throw new PluginError(
      `plugin action "${id}": run must return { tookMs, effortMs? } of ms ≥ 0, got ${JSON.stringify(r)}`,
    );
  }
  return { tookMs: took, effortMs: effort };
}

/**
 * `{ plugin: id, params }` as an effect (in a declared action, a process step, a remedy): the
 * plugin action's `run` at now. The times it returns are the caller's to use or ignore (a
 * declared action's `takes` already placed its effects in time).
 */
export function applyPluginEffect(set: PluginSet, use: PluginUse, host: PluginHost): PluginRun {
  const plugin = pluginFor(set, 'plugin action', use) as ActionPlugin<unknown>;
  const params = paramsOf('plugin action', plugin, use);
  return checkRun(
    plugin.id,
    guarded('run', plugin.id, () => plugin.run(createPluginWorld(host, plugin.id), params)),
  );
}

export type StepOutcome = { ok: true } | { ok: false; problem: string; what: string };

/** `- plugin: id` as a scripted step. */
export function runPluginStep(set: PluginSet, use: PluginUse, host: PluginHost): StepOutcome {
  const plugin = pluginFor(set, 'plugin step', use) as StepPlugin<unknown>;
  const params = paramsOf('plugin step', plugin, use);
  const r = guarded('step', plugin.id, () => plugin.run(createPluginWorld(host, plugin.id), params));
  if (r?.ok === true) return { ok: true };
  if (r?.ok === false && typeof r.problem === 'string' && typeof r.what === 'string') return r;
  throw new PluginError(
    `plugin step "${plugin.id}": run must return { ok: true } or { ok: false, problem, what }`,
  );
}

/** A plugin action the explorer may take now, with the params it takes it with. */
export interface PluginOffer {
  /** The plugin's id. */
  plugin: string;
  params: unknown;
  label: string;
  by: 'customer' | 'staff';
  /** The plugin's channel (`on`), if it has one. */
  on?: string;
  /** Tells two offers of one plugin apart in paths and state keys: `plugin:<id>` or `plugin:<id>#<n>`. */
  key: string;
}

const choicesOf = new WeakMap<object, readonly unknown[]>();

function choices(plugin: ActionPlugin<unknown>): readonly unknown[] {
  let list = choicesOf.get(plugin);
  if (!list) {
    if (plugin.choices) list = plugin.choices;
    else {
      // No choices: offered once with its defaults, or never in search if `{}` does not parse
      // (then it is only usable as an effect with params written in YAML).
      const d = plugin.params.safeParse({});
      list = d.success ? [d.data] : [];
    }
    choicesOf.set(plugin, list);
  }
  return list;
}

/**
 * The plugin actions that apply now, in registration order, each choice of params apart:
 * what the explorer adds to the declared actions' offers. `staff`: whether staff actions count
 * (the second search, as for declared remedies).
 */
export function pluginOffers(set: PluginSet, host: PluginHost, opts: { staff: boolean }): PluginOffer[] {
  const out: PluginOffer[] = [];
  for (const plugin of set.actions.values()) {
    const by = plugin.by ?? 'customer';
    if (by === 'staff' && !opts.staff) continue;
    const list = choices(plugin);
    list.forEach((params, n) => {
      const world = createPluginWorld(host, plugin.id);
      if (!guarded('applicable', plugin.id, () => plugin.applicable(world, params))) return;
      const label = guarded('label', plugin.id, () => plugin.label(params));
      out.push({
        plugin: plugin.id,
        params,
        label,
        by,
        ...(plugin.on ? { on: plugin.on } : {}),
        key: list.length > 1 ? `plugin:${plugin.id}#${n}` : `plugin:${plugin.id}`,
      });
    });
  }
  return out;
}

/**
 * The plugin actions that do not apply now, each with why in words (its `why`, else "it does not
 * apply now"): what a dead end's explanation says of them, as of closed declared actions.
 */
export function unavailablePluginActions(
  set: PluginSet,
  host: PluginHost,
  opts: { staff: boolean },
): { label: string; why: string }[] {
  const out: { label: string; why: string }[] = [];
  for (const plugin of set.actions.values()) {
    if ((plugin.by ?? 'customer') === 'staff' && !opts.staff) continue;
    for (const params of choices(plugin)) {
      const world = createPluginWorld(host, plugin.id);
      if (guarded('applicable', plugin.id, () => plugin.applicable(world, params))) continue;
      const label = guarded('label', plugin.id, () => plugin.label(params));
      const why = plugin.why
        ? guarded('why', plugin.id, () => plugin.why!(world, params))
        : 'it does not apply now';
      out.push({ label, why });
    }
  }
  return out;
}

/**
 * Takes an offer: traced as `action.performed`, the plugin's `run` at now, the customer's effort
 * counted (host.spend); the caller advances the clock by tookMs.
 */
export function performPluginOffer(set: PluginSet, offer: PluginOffer, host: PluginHost): PluginRun {
  const plugin = set.actions.get(offer.plugin);
  if (!plugin) throw new PluginError(`no plugin action "${offer.plugin}" is registered`);
  host.trace({
    kind: 'action.performed',
    text: offer.by === 'staff' ? `Staff chose to ${offer.label}.` : `The customer chose to ${offer.label}.`,
    data: {
      action: offer.key,
      by: offer.by,
      ...(offer.on ? { channel: offer.on } : {}),
      label: offer.label,
      plugin: plugin.id,
    },
    actor: offer.by === 'staff' ? 'merchant' : 'customer',
  });
  const r = checkRun(
    plugin.id,
    guarded('run', plugin.id, () => plugin.run(createPluginWorld(host, plugin.id), offer.params)),
  );
  if (offer.by === 'customer') host.spend?.(r.effortMs);
  return r;
}

/**
 * The plugin oracles' findings over a finished run, in registration order: run after the
 * built-in oracles, counted by expectations like theirs.
 */
export function runPluginOracles(set: PluginSet, ctx: PluginOracleContext): Finding[] {
  const out: Finding[] = [];
  for (const oracle of set.oracles.values()) {
    const found = guarded('check', oracle.id, () => oracle.check(ctx));
    if (!Array.isArray(found))
      throw new PluginError(`plugin oracle "${oracle.id}": check must return a list of { message, events }`);
    for (const f of found) {
      const events = Array.isArray(f?.events)
        ? f.events.filter((i) => Number.isInteger(i) && i >= 0 && i < ctx.events.length)
        : [];
      if (typeof f?.message !== 'string')
        throw new PluginError(`plugin oracle "${oracle.id}": a finding needs a message`);
      out.push({ oracle: oracle.id, severity: oracle.severity ?? 'medium', message: f.message, events });
    }
  }
  return out;
}
