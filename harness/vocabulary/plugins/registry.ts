/**
 * The plugins of one run, as a plain value built from deadend.config.ts's `plugins` and passed
 * along with the loaded scenario (LoadedOpenScenario.plugins): no module-level registry, so two
 * suites with different configs (or a test and its sandbox) never see each other's plugins.
 */

import { vocabularyFaults } from '../faults/index.ts';
import type {
  ActionPlugin,
  ConditionPlugin,
  FaultPlugin,
  OraclePlugin,
  PluginConfig,
  StepPlugin,
} from '../schema/plugins.ts';
import { FAULT_ID, PLUGIN_ID, PluginError } from './define.ts';

// biome-ignore lint/suspicious/noExplicitAny: a registry holds plugins of every parameter type
type Any = any;

export interface PluginSet {
  readonly actions: ReadonlyMap<string, ActionPlugin<Any>>;
  readonly steps: ReadonlyMap<string, StepPlugin<Any>>;
  readonly conditions: ReadonlyMap<string, ConditionPlugin<Any>>;
  readonly oracles: ReadonlyMap<string, OraclePlugin>;
  readonly faults: ReadonlyMap<string, FaultPlugin<Any>>;
  /** Where they were registered (the config file, project-relative), for messages. */
  readonly source?: string;
  /**
   * The config file's absolute path, when they came from one: a worker thread loads them again
   * from it (functions cannot be sent to a thread).
   */
  readonly file?: string;
}

/** The reference kinds of the schema's `ref()` that name a plugin, and the list each one reads. */
export const PLUGIN_REFERENCE_KINDS = {
  'plugin action': 'actions',
  'plugin step': 'steps',
  'plugin condition': 'conditions',
} as const;
export type PluginReferenceKind = keyof typeof PLUGIN_REFERENCE_KINDS;

const LISTS = ['actions', 'steps', 'conditions', 'oracles', 'faults'] as const;
type ListName = (typeof LISTS)[number];

const HELPER: Record<ListName, string> = {
  actions: 'defineAction',
  steps: 'defineStep',
  conditions: 'defineCondition',
  oracles: 'defineOracle',
  faults: 'defineFault',
};

/** What each list's entries must have besides an id (functions), so a mistake fails at load. */
const NEEDS: Record<ListName, string[]> = {
  actions: ['label', 'applicable', 'run'],
  steps: ['run'],
  conditions: ['holds'],
  oracles: ['check'],
  faults: ['world'],
};

export const NO_PLUGINS: PluginSet = Object.freeze({
  actions: new Map(),
  steps: new Map(),
  conditions: new Map(),
  oracles: new Map(),
  faults: new Map(),
});

function byId<T extends { id: string }>(list: ListName, entries: unknown, where: string): Map<string, T> {
  const out = new Map<string, T>();
  if (entries === undefined) return out;
  if (!Array.isArray(entries))
    throw new PluginError(`${where}plugins.${list}: expected a list of ${HELPER[list]}(…)`);
  entries.forEach((entry, i) => {
    const at = `${where}plugins.${list}[${i}]`;
    if (typeof entry !== 'object' || entry === null)
      throw new PluginError(`${at}: expected ${HELPER[list]}(…)`);
    const { id } = entry as { id?: unknown };
    if (typeof id !== 'string' || !(list === 'faults' ? FAULT_ID : PLUGIN_ID).test(id)) {
      throw new PluginError(
        `${at}: the id ${JSON.stringify(id)} must use lower-case letters, digits and dashes${list === 'faults' ? ', as family.what' : ''}`,
      );
    }
    for (const key of NEEDS[list]) {
      const value = (entry as Record<string, unknown>)[key];
      const ok = key === 'world' ? typeof value === 'object' && value !== null : typeof value === 'function';
      if (!ok) throw new PluginError(`${at} (${id}): ${key} is missing; write it with ${HELPER[list]}(…)`);
    }
    if (out.has(id))
      throw new PluginError(`${at}: the ${list.slice(0, -1)} plugin "${id}" is registered twice`);
    out.set(id, entry as T);
  });
  return out;
}

/**
 * The plugins of a config's `plugins` (undefined: none). `source` names the config file in
 * messages; `file` is its absolute path (for worker threads). Throws PluginError (a usage error) for an entry that is not a plugin or an id used
 * twice in one list.
 */
export function pluginSet(config: PluginConfig | undefined, source?: string, file?: string): PluginSet {
  const from = { ...(source !== undefined ? { source } : {}), ...(file !== undefined ? { file } : {}) };
  if (config === undefined)
    return source === undefined && file === undefined ? NO_PLUGINS : { ...NO_PLUGINS, ...from };
  const where = source ? `${source}: ` : '';
  if (typeof config !== 'object' || config === null)
    throw new PluginError(`${where}plugins: expected an object`);
  const unknown = Object.keys(config).filter((k) => !(LISTS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    throw new PluginError(`${where}plugins.${unknown[0]}: not a kind of plugin (${LISTS.join(', ')})`);
  }
  const faults = byId<FaultPlugin<Any>>('faults', config.faults, where);
  // A scenario naming a built-in fault's id would silently mean one of the two.
  const clash = vocabularyFaults.find((f) => faults.has(f.id));
  if (clash)
    throw new PluginError(`${where}plugins.faults: "${clash.id}" is a built-in fault's id; choose another`);
  return {
    actions: byId('actions', config.actions, where),
    steps: byId('steps', config.steps, where),
    conditions: byId('conditions', config.conditions, where),
    oracles: byId('oracles', config.oracles, where),
    faults,
    ...from,
  };
}

/** True when nothing is registered (the built-in vocabulary only). */
export function isEmpty(set: PluginSet): boolean {
  return LISTS.every((list) => set[list].size === 0);
}

/**
 * The ids each plugin reference kind may name, for validate's reference check (the schema's
 * `ref('plugin condition')` and the like): one namespace per kind, as for declared ids.
 */
export function pluginNamespaces(set: PluginSet): Record<PluginReferenceKind, string[]> {
  return {
    'plugin action': [...set.actions.keys()],
    'plugin step': [...set.steps.keys()],
    'plugin condition': [...set.conditions.keys()],
  };
}

/** The plugin a reference of `kind` names, if registered. */
export function pluginOf(
  set: PluginSet,
  kind: PluginReferenceKind,
  id: string,
): ActionPlugin<Any> | StepPlugin<Any> | ConditionPlugin<Any> | undefined {
  return set[PLUGIN_REFERENCE_KINDS[kind]].get(id);
}

/** One problem with a use's `params`: where under params, and what. */
export interface ParamsProblem {
  path: (string | number)[];
  message: string;
}

/**
 * Checks a YAML use's `params` against the plugin's schema, for validate (file:line:col of
 * `params.<path>`); [] when they parse, or when the id is not registered (reported apart).
 */
export function checkPluginParams(
  set: PluginSet,
  kind: PluginReferenceKind,
  id: string,
  params: unknown,
): ParamsProblem[] {
  const plugin = pluginOf(set, kind, id);
  if (!plugin) return [];
  const parsed = plugin.params.safeParse(params ?? {});
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: i.message,
  }));
}
