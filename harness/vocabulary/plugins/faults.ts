/**
 * Plugin faults join the vocabulary fault catalogue: each becomes a VocabularyFaultDefinition
 * (family `plugins`), so the loader parses and checks its params, the world consults its hooks
 * and `deadend faults` lists it, exactly as for the built-in ones.
 */
import { type VocabularyFaultDefinition, vocabularyFaults } from '../faults/index.ts';
import type { FaultPlugin } from '../schema/plugins.ts';
import type { PluginSet } from './registry.ts';

export function faultDefinitionOf<P>(plugin: FaultPlugin<P>): VocabularyFaultDefinition<P> {
  return {
    id: plugin.id,
    family: 'plugins',
    summary: plugin.summary,
    description: plugin.description ?? plugin.summary,
    params: plugin.params,
    example: plugin.example ?? { fault: plugin.id },
    hooks: {},
    world: plugin.world,
    refs: plugin.refs ?? {},
  };
}

/** The built-in vocabulary faults followed by the plugin faults (pluginSet refused clashing ids). */
export function faultsWithPlugins(set: PluginSet): readonly VocabularyFaultDefinition[] {
  if (set.faults.size === 0) return vocabularyFaults;
  return [...vocabularyFaults, ...[...set.faults.values()].map(faultDefinitionOf)];
}

/** The vocabulary fault of this id: a built-in one, else one of the set's plugin faults. */
export function faultWithPlugins(set: PluginSet, id: string): VocabularyFaultDefinition | undefined {
  const builtIn = vocabularyFaults.find((f) => f.id === id);
  if (builtIn) return builtIn;
  const plugin = set.faults.get(id);
  return plugin ? faultDefinitionOf(plugin) : undefined;
}
