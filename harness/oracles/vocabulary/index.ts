/**
 * The oracles over an open vocabulary's trace (design §2.8), by id. The ids are the seed
 * oracles' where the concept is the same, so expectations name findings alike for both.
 */
import type { Finding } from '../../core/contract.ts';
import { NO_PLUGINS, runPluginOracles } from '../../vocabulary/plugins/index.ts';
import { brokenPromise } from './brokenPromise.ts';
import { type VocabularyOracle, type VocabularyOracleContext, zoneOf } from './context.ts';
import { duplicateCharge } from './duplicateCharge.ts';
import { inconsistentReasons } from './inconsistentReasons.ts';
import { lostInTransit } from './lostInTransit.ts';
import { noFeedbackChannel } from './noFeedbackChannel.ts';
import { overcharge } from './overcharge.ts';
import { pingPong } from './pingPong.ts';
import { silentFailure } from './silentFailure.ts';
import { staleAddress } from './staleAddress.ts';
import { unverifiedSecret } from './unverifiedSecret.ts';
import { zombieNotice } from './zombieNotice.ts';

export type { VocabularyOracle, VocabularyOracleContext } from './context.ts';

export const vocabularyOracles: readonly VocabularyOracle[] = [
  silentFailure,
  inconsistentReasons,
  pingPong,
  zombieNotice,
  unverifiedSecret,
  staleAddress,
  duplicateCharge,
  brokenPromise,
  overcharge,
  lostInTransit,
  noFeedbackChannel,
].sort((a, b) => a.id.localeCompare(b.id));

export const VOCABULARY_ORACLE_IDS: readonly string[] = vocabularyOracles.map((o) => o.id);

/** All findings of an open run, sorted by oracle id, then first event (as the seed runOracles). */
export function runVocabularyOracles(
  ctx: VocabularyOracleContext,
  oracles: Iterable<VocabularyOracle> = vocabularyOracles,
): Finding[] {
  const out: Finding[] = [];
  for (const o of oracles) out.push(...o.check(ctx));
  out.sort(
    (a, b) =>
      (a.oracle < b.oracle ? -1 : a.oracle > b.oracle ? 1 : 0) || (a.events[0] ?? -1) - (b.events[0] ?? -1),
  );
  // The config's plugin oracles (docs/plugins.md) run after the built-in ones, in their order.
  const { loaded } = ctx;
  const plugins = loaded.plugins ?? NO_PLUGINS;
  if (plugins.oracles.size === 0) return out;
  const pluginCtx = {
    events: ctx.events,
    profile: loaded.profile,
    scenario: loaded.scenario,
    zone: zoneOf(ctx),
  };
  return [...out, ...runPluginOracles(plugins, pluginCtx)];
}
