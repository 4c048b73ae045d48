/**
 * Plugins: what data cannot say, written in TypeScript and registered from deadend.config.ts
 * (docs/plugins.md). The define helpers are the public API (harness/index.ts re-exports them);
 * the registry and the call functions are what the loader, the world, the engine and the
 * oracles use.
 */
export type {
  ActionPlugin,
  ConditionPlugin,
  FaultPlugin,
  OraclePlugin,
  PluginConfig,
  PluginOracleContext,
  PluginWorld,
  StepPlugin,
} from '../schema/plugins.ts';
export {
  applyPluginEffect,
  holdsPluginCondition,
  type PluginOffer,
  type PluginRun,
  type PluginUse,
  performPluginOffer,
  pluginOffers,
  runPluginOracles,
  runPluginStep,
  type StepOutcome,
  unavailablePluginActions,
} from './calls.ts';
export {
  defineAction,
  defineCondition,
  defineFault,
  defineOracle,
  defineStep,
  PLUGIN_ID,
  PluginError,
} from './define.ts';
export { faultDefinitionOf, faultsWithPlugins, faultWithPlugins } from './faults.ts';
export { loadPluginSet } from './load.ts';
export { createPluginWorld, type PluginHost } from './pluginWorld.ts';
export {
  checkPluginParams,
  isEmpty,
  NO_PLUGINS,
  type ParamsProblem,
  PLUGIN_REFERENCE_KINDS,
  type PluginReferenceKind,
  type PluginSet,
  pluginNamespaces,
  pluginOf,
  pluginSet,
} from './registry.ts';
export { pluginParamsProblems } from './validate.ts';
