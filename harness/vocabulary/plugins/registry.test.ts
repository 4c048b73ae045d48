import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineAction, defineCondition, defineOracle, defineStep, PluginError } from './define.ts';
import { checkPluginParams, isEmpty, NO_PLUGINS, pluginNamespaces, pluginSet } from './registry.ts';

const ready = defineCondition({ id: 'parcel-ready', holds: (w) => w.fact('at-counter') });
const callBack = defineAction({
  id: 'ask-for-call-back',
  params: z.strictObject({ within: z.enum(['1h', '2h']).default('2h') }),
  label: (p) => `ask to be called back within ${p.within}`,
  applicable: () => true,
  run: () => ({ tookMs: 60_000 }),
});

describe('pluginSet', () => {
  it('indexes each kind of plugin by id, in the order registered', () => {
    const set = pluginSet({
      actions: [callBack],
      conditions: [ready],
      steps: [defineStep({ id: 'scan-receipt', run: () => ({ ok: true }) })],
      oracles: [defineOracle({ id: 'no-call-back', summary: 'never called back', check: () => [] })],
    });
    expect([...set.actions.keys()]).toEqual(['ask-for-call-back']);
    expect(pluginNamespaces(set)).toEqual({
      'plugin action': ['ask-for-call-back'],
      'plugin step': ['scan-receipt'],
      'plugin condition': ['parcel-ready'],
    });
    expect(isEmpty(set)).toBe(false);
    expect(isEmpty(pluginSet(undefined))).toBe(true);
    expect(pluginSet(undefined)).toBe(NO_PLUGINS);
  });

  it('rejects the same id twice in one list, naming the config file', () => {
    expect(() => pluginSet({ conditions: [ready, ready] }, 'deadend.config.ts')).toThrow(
      'deadend.config.ts: plugins.conditions[1]: the condition plugin "parcel-ready" is registered twice',
    );
  });

  it('rejects an entry that was not written with its helper, and an unknown list', () => {
    expect(() => pluginSet({ oracles: [{ id: 'x-y', summary: 's' } as never] })).toThrow(
      'plugins.oracles[0] (x-y): check is missing; write it with defineOracle(…)',
    );
    expect(() => pluginSet({ remedies: [] } as never)).toThrow('plugins.remedies: not a kind of plugin');
    expect(() => pluginSet({ actions: [{ ...callBack, id: 'Call Back' }] })).toThrow(PluginError);
  });
});

describe('checkPluginParams', () => {
  const set = pluginSet({ actions: [callBack] });
  it('passes params that parse, and uses the plugin’s defaults for none', () => {
    expect(checkPluginParams(set, 'plugin action', 'ask-for-call-back', { within: '1h' })).toEqual([]);
    expect(checkPluginParams(set, 'plugin action', 'ask-for-call-back', undefined)).toEqual([]);
  });
  it('says where under params a value is wrong', () => {
    const problems = checkPluginParams(set, 'plugin action', 'ask-for-call-back', { within: '3h' });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toEqual(['within']);
    expect(checkPluginParams(set, 'plugin action', 'ask-for-call-back', { soon: true })[0]?.message).toMatch(
      /soon/,
    );
  });
});

describe('define helpers', () => {
  it('check the id where the plugin is written', () => {
    expect(() => defineCondition({ id: 'Parcel_Ready', holds: () => true })).toThrow(
      'defineCondition "Parcel_Ready": a plugin id uses lower-case letters, digits and dashes',
    );
  });
  it('give a plugin without params a schema that takes {} only', () => {
    expect(ready.params.safeParse({}).success).toBe(true);
    expect(ready.params.safeParse({ any: 1 }).success).toBe(false);
  });
});
