/**
 * A PluginHost over a few facts and traits, for the tests of this folder and of the callers'
 * dispatch (the vocabulary world has its own host).
 */
import type { Condition, Effect } from '../../schema/index.ts';
import type { PluginHost } from '../pluginWorld.ts';

export interface TestHost extends PluginHost {
  facts: Set<string>;
  applied: { effect: Effect; cause: { plugin: string } }[];
  traced: { kind: string; text: string; data: Record<string, unknown>; actor: string }[];
  spent: number;
}

export function testHost(
  init: {
    facts?: string[];
    traits?: Record<string, boolean | number | string>;
    now?: number;
    moment?: string;
  } = {},
): TestHost {
  const facts = new Set(init.facts ?? []);
  const host: TestHost = {
    now: init.now ?? Date.UTC(2026, 2, 14, 10),
    zone: 'Europe/London',
    seedKey: 'test|1',
    moment: init.moment ?? '0',
    facts,
    applied: [],
    traced: [],
    spent: 0,
    spend: (ms) => {
      host.spent += ms;
    },
    fact: (id) => facts.has(id),
    trait: (id) => init.traits?.[id],
    holds: (c: Condition) => ('fact' in c ? facts.has(c.fact) : false),
    apply: (effect, cause) => {
      host.applied.push({ effect, cause });
      if ('set' in effect) facts.add(effect.set);
      if ('clear' in effect) facts.delete(effect.clear);
    },
    trace: (event) => {
      host.traced.push(event);
    },
  };
  return host;
}
