// The config that registers the worked example's plugins (docs/plugins.md).
import { defineConfig } from 'deadend';
import { chargedWhilePaused } from './chargedWhilePaused.ts';
import { pauseDeliveries } from './pauseDeliveries.ts';

export default defineConfig({
  scenarios: ['scenarios/'],
  merchants: 'merchants',
  plugins: {
    actions: [pauseDeliveries],
    oracles: [chargedWhilePaused],
  },
});
