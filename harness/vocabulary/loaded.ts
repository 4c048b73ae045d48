/**
 * An open-vocabulary scenario as the loader hands it to the engine: the scenario parsed (defaults
 * applied) and its merchant profile with every include and `extends` merged and the scenario's
 * capability and parameter overrides applied. Everything in it has been validated: every
 * reference resolves, so the world and the engine may look ids up without checking.
 */
import type { PluginSet } from './plugins/registry.ts';
import type { OpenMerchantProfile, OpenScenario } from './schema/index.ts';

export interface LoadedOpenScenario {
  kind: 'open';
  /** Project-relative path of the scenario file, forward slashes. */
  file: string;
  scenario: OpenScenario;
  /** The merged profile (includes, extends and the scenario's overrides applied). */
  profile: OpenMerchantProfile;
  /** Project-relative paths of the profile and vocabulary files it was merged from. */
  sources: string[];
  /**
   * The plugins registered in deadend.config.ts (harness/vocabulary/plugins), which its
   * `plugin:` references were checked against; absent: none (NO_PLUGINS).
   */
  plugins?: PluginSet;
}
