import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { vocabularyFaults } from '../faults/index.ts';
import { defineFault } from './define.ts';
import { faultsWithPlugins, faultWithPlugins } from './faults.ts';
import { NO_PLUGINS, pluginSet } from './registry.ts';

const strike = defineFault({
  id: 'courier.strike',
  summary: 'The courier does not collect parcels on a route.',
  params: z.strictObject({ route: z.string() }),
  refs: { route: 'route' },
  world: { 'parcel.hop': (p, o) => (o.route === p.route ? { lost: true } : undefined) },
});

describe('plugin faults', () => {
  it('follow the built-in vocabulary faults, in the plugins family, with their world hooks', () => {
    const all = faultsWithPlugins(pluginSet({ faults: [strike] }));
    expect(all.slice(0, -1)).toEqual(vocabularyFaults);
    const added = all.at(-1)!;
    expect(added).toMatchObject({ id: 'courier.strike', family: 'plugins', refs: { route: 'route' } });
    expect(
      added.world['parcel.hop']?.({ route: 'to-store' }, { route: 'to-store', hop: 'depot', id: 'p1' }),
    ).toEqual({
      lost: true,
    });
    expect(faultsWithPlugins(NO_PLUGINS)).toBe(vocabularyFaults);
    const set = pluginSet({ faults: [strike] });
    expect(faultWithPlugins(set, 'courier.strike')?.family).toBe('plugins');
    expect(faultWithPlugins(set, 'message.suppressed')?.family).toBe('messages');
    expect(faultWithPlugins(NO_PLUGINS, 'courier.strike')).toBeUndefined();
  });

  it('may not take a built-in fault’s id, nor an id without a family', () => {
    const clash = defineFault({ id: 'message.suppressed', summary: 'mine', world: {} });
    expect(() => pluginSet({ faults: [clash] }, 'deadend.config.ts')).toThrow(
      'deadend.config.ts: plugins.faults: "message.suppressed" is a built-in fault\'s id; choose another',
    );
    expect(() => defineFault({ id: 'strike', summary: 's', world: {} })).toThrow('a fault id is family.what');
  });
});
