/**
 * The helpers a team writes its plugins with in deadend.config.ts: each takes the plugin and
 * returns it, typed by its zod `params` (what the YAML's `params:` parse to, defaults applied).
 * They check the id at once, so a misspelt id fails where it is written, not in a run.
 *
 * ```ts
 * export const callBack = defineAction({
 *   id: 'ask-for-call-back',
 *   params: z.object({ within: z.string().default('2h') }),
 *   label: (p) => `ask to be called back within ${p.within}`,
 *   applicable: (world) => world.fact('order-placed') && !world.fact('call-back-booked'),
 *   run: (world) => { world.apply({ set: 'call-back-booked' }); return { tookMs: 10 * 60_000 }; },
 * });
 * ```
 */
import { z } from 'zod';
import type {
  ActionPlugin,
  ConditionPlugin,
  FaultPlugin,
  OraclePlugin,
  StepPlugin,
} from '../schema/plugins.ts';

/** A plugin id is written in YAML like any declared id: lower-case letters, digits and dashes. */
export const PLUGIN_ID = /^[a-z0-9][a-z0-9-]*$/;
/** A fault id, as the built-in ones: `family.what` (`courier.strike`). */
export const FAULT_ID = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/;

/** A plugin that cannot be registered (bad id, the same id twice): a usage error (exit 2). */
export class PluginError extends Error {}

function checkId(what: string, id: unknown): void {
  if (what === 'defineFault') {
    if (typeof id !== 'string' || !FAULT_ID.test(id))
      throw new PluginError(
        `${what} ${JSON.stringify(id)}: a fault id is family.what, e.g. "courier.strike"`,
      );
    return;
  }
  if (typeof id !== 'string' || !PLUGIN_ID.test(id)) {
    throw new PluginError(
      `${what} ${JSON.stringify(id)}: a plugin id uses lower-case letters, digits and dashes, e.g. "ask-for-call-back"`,
    );
  }
}

/** Params for plugins that take none: `{}` or nothing. */
const noParams = z.strictObject({});
type NoParams = typeof noParams;

type WithParams<T, S extends z.ZodType> = Omit<T, 'params'> & { params?: S };

/** An action whose applicability and effects are code; the explorer offers it like a declared one. */
export function defineAction<S extends z.ZodType = NoParams>(
  plugin: WithParams<ActionPlugin<z.output<S>>, S>,
): ActionPlugin<z.output<S>> {
  checkId('defineAction', plugin.id);
  return { ...plugin, params: (plugin.params ?? noParams) as z.ZodType<z.output<S>> };
}

/** A scripted step (`- plugin: id` in a scenario's steps). */
export function defineStep<S extends z.ZodType = NoParams>(
  plugin: WithParams<StepPlugin<z.output<S>>, S>,
): StepPlugin<z.output<S>> {
  checkId('defineStep', plugin.id);
  return { ...plugin, params: (plugin.params ?? noParams) as z.ZodType<z.output<S>> };
}

/** A condition (`{ plugin: id }` wherever a condition goes: requires, when, goals, await). */
export function defineCondition<S extends z.ZodType = NoParams>(
  plugin: WithParams<ConditionPlugin<z.output<S>>, S>,
): ConditionPlugin<z.output<S>> {
  checkId('defineCondition', plugin.id);
  return { ...plugin, params: (plugin.params ?? noParams) as z.ZodType<z.output<S>> };
}

/** An oracle over the run's trace; it runs after the built-in ones and its findings count alike. */
export function defineOracle(plugin: OraclePlugin): OraclePlugin {
  checkId('defineOracle', plugin.id);
  return plugin;
}

/** A fault, listed by `deadend faults` and usable in scenarios like the built-in ones. */
export function defineFault<S extends z.ZodType = NoParams>(
  plugin: WithParams<FaultPlugin<z.output<S>>, S>,
): FaultPlugin<z.output<S>> {
  checkId('defineFault', plugin.id);
  return { ...plugin, params: (plugin.params ?? noParams) as z.ZodType<z.output<S>> };
}
