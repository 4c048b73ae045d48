/**
 * The config's plugins in an open journey (docs/plugins.md): plugin actions as moves of the
 * recovery search — offered while `applicable`, labelled by `label(params)`, customer actions in
 * the self-service search and staff ones only with staff, as declared actions — and plugin
 * scripted steps. The plugins travel with the loaded scenario (LoadedOpenScenario.plugins).
 */
import {
  NO_PLUGINS,
  type PluginOffer,
  type PluginSet,
  performPluginOffer,
  pluginOffers,
  runPluginStep,
  unavailablePluginActions,
} from '../../vocabulary/plugins/index.ts';
import { advanceTo, awayAt, holds, pluginHost, type VWorld } from '../../vocabulary/world/index.ts';

const pluginsOf = (w: VWorld): PluginSet => w.ctx.setup.loaded.plugins ?? NO_PLUGINS;

/** The plugin actions that apply now. */
export function pluginActionOffers(w: VWorld, withStaff: boolean): PluginOffer[] {
  const plugins = pluginsOf(w);
  // Like declared actions, none while the customer gave up or is away (customer.away).
  if (plugins.actions.size === 0 || w.gaveUp || awayAt(w.ctx, w.now)) return [];
  return pluginOffers(plugins, pluginHost(w), { staff: withStaff }).filter(
    (o) => o.on === undefined || onChannel(w, o.on),
  );
}

/** A plugin action's channel, as a declared action's: declared, used by the persona, open now. */
function onChannel(w: VWorld, channel: string): boolean {
  if (!w.ctx.channels.has(channel)) return false;
  const mine = w.ctx.persona.channels;
  if (mine && mine.length > 0 && !mine.includes(channel)) return false;
  return holds(w, { open: channel });
}

/** The plugin actions that do not apply now, for a dead end's explanation: "the customer could not …: why". */
export function unavailablePluginWords(w: VWorld): string[] {
  const plugins = pluginsOf(w);
  if (plugins.actions.size === 0 || w.gaveUp || awayAt(w.ctx, w.now)) return [];
  return unavailablePluginActions(plugins, pluginHost(w), { staff: false }).map(
    (u) => `the customer could not ${u.label}: ${u.why}`,
  );
}

/** Takes a plugin action in `w`: its effects now, then the time it took passes. */
export function takePluginAction(w: VWorld, offer: PluginOffer): void {
  const r = performPluginOffer(pluginsOf(w), offer, pluginHost(w));
  advanceTo(w, w.now + r.tookMs);
}

/** A `plugin:` scripted step: undefined when it passed, else the trouble in the plugin's words. */
export function pluginStepTrouble(
  w: VWorld,
  step: { plugin: string; params?: Record<string, unknown> },
): string | undefined {
  const r = runPluginStep(pluginsOf(w), step, pluginHost(w));
  return r.ok ? undefined : r.what;
}
