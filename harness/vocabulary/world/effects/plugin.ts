import { applyPluginEffect } from '../../plugins/calls.ts';
import { NO_PLUGINS } from '../../plugins/registry.ts';
import { pluginHost } from '../pluginHost.ts';
import type { EffectHandler } from './types.ts';

export const plugin: EffectHandler<'plugin'> = (w, e) => {
  applyPluginEffect(w.ctx.setup.loaded.plugins ?? NO_PLUGINS, e, pluginHost(w));
  return undefined;
};
