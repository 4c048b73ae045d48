/**
 * deadend's public API, for teams that drive it from their own code. The command line
 * (harness/cli/main.ts) is built on the same functions.
 */

export { type DeadendConfig, defineConfig } from './cli/config.ts';
export type * from './core/contract.ts';

import type { ResultsFile } from './core/contract.ts';
import { reportCatalogue } from './engine/reportCatalogue.ts';
import { type ReporterName, writeReports as writeReportFiles } from './report/reporter.ts';

export { mergeResults } from './core/merge.ts';
export { reportCatalogue } from './engine/reportCatalogue.ts';
export type { Connector } from './engine/runner.ts';
export { countRuns, planRuns, runName, runSuite, type SuiteOptions } from './engine/runner.ts';
export { suggestFixes } from './engine/whatIf.ts';
export type { MerchantProfile } from './merchant/profile.ts';
export { ORACLE_IDS, oracleCatalogue } from './oracles/catalogue.ts';
export type { Reporter, ReporterModule, ReportFile, RunInfo, SuiteInfo } from './report/lifecycle.ts';
export type { ReporterEntry } from './report/loadReporter.ts';
export { reporters } from './report/reporter.ts';

/** Writes the named reports of `results` into `dir`, ids shown in the catalogue's words; the paths written. */
export function writeReports(dir: string, results: ResultsFile, names: readonly ReporterName[]): string[] {
  return writeReportFiles(dir, results, names, reportCatalogue());
}
export { type LoadedScenario, loadMerchantFile, loadScenarioFile, loadScenarios } from './scenario/load.ts';
export { defineScenario, type Scenario, type ScenarioInput } from './scenario/schema.ts';
export { FAULT_IDS, faultCatalogue } from './services/index.ts';
export type { AdapterFactory, ShopAdapter } from './targets/http/adapter.ts';
// Real targets: `runSuite(scenarios, { seed, target: 'http', connect: startHttpTarget({ … }) })`.
export {
  type HttpTarget,
  type HttpTargetOptions,
  startHttpTarget,
  TargetError,
} from './targets/http/wireShop.ts';
// Plugins (docs/plugins.md): what data cannot say, registered in deadend.config.ts's `plugins`.
export {
  type ActionPlugin,
  type ConditionPlugin,
  defineAction,
  defineCondition,
  defineFault,
  defineOracle,
  defineStep,
  type FaultPlugin,
  type OraclePlugin,
  type PluginConfig,
  type PluginOracleContext,
  type PluginWorld,
  type StepPlugin,
} from './vocabulary/plugins/index.ts';
