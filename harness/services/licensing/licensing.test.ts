import { describe, expect, it } from 'vitest';
import { events, sandbox } from '../../engine/testdata/sandbox.ts';
import { advanceTo } from '../../merchant/flows.ts';
import { issueKey, licenceServerAnswers } from './licensing.ts';

const KEY = /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/;

describe('licensing', () => {
  it('issues a readable key, the same for the same order, different for every order', () => {
    const { world } = sandbox();
    const k1 = issueKey(world, 'app', 'ord_1');
    expect(k1.key).toMatch(KEY);
    expect(issueKey(world, 'app', 'ord_1')).toBe(k1);
    expect(world.keys).toHaveLength(1);
    expect(events(world, 'licence.issued')).toHaveLength(1);
    const keys = new Set<string>();
    for (let i = 0; i < 500; i++) keys.add(issueKey(world, 'app', `ord_${i}`).key);
    expect(keys.size).toBe(500);
  });

  it('derives keys from the order alone: another world gives the same key', () => {
    const a = sandbox().world;
    const b = sandbox({ seedKey: 'another-seed' }).world;
    expect(issueKey(a, 'app', 'ord_7').key).toBe(issueKey(b, 'app', 'ord_7').key);
    expect(issueKey(a, 'app', 'ord_8').key).not.toBe(issueKey(b, 'other', 'ord_8').key);
  });

  it('answers downloads and activations unless the server is down', () => {
    const { env, world } = sandbox();
    expect(licenceServerAnswers(world, env, 'download', 'app')).toBe(true);
    expect(licenceServerAnswers(world, env, 'activate', 'app')).toBe(true);
    expect(events(world, 'licence.unavailable')).toEqual([]);
  });

  it('fails downloads and activations during a server-down window, and only then', () => {
    const { env, world, at } = sandbox({
      start: '2025-12-24T12:00',
      faults: [
        { fault: 'licence.server-down', window: { from: '2025-12-24T17:00', until: '2025-12-26T09:00' } },
      ],
    });
    expect(licenceServerAnswers(world, env, 'download', 'app')).toBe(true);
    advanceTo(world, env, at('2025-12-24T17:00'));
    expect(licenceServerAnswers(world, env, 'download', 'app')).toBe(false);
    expect(licenceServerAnswers(world, env, 'activate', 'app')).toBe(false);
    advanceTo(world, env, at('2025-12-26T08:59'));
    expect(licenceServerAnswers(world, env, 'download', 'app')).toBe(false);
    advanceTo(world, env, at('2025-12-26T09:00'));
    expect(licenceServerAnswers(world, env, 'download', 'app')).toBe(true);
    const down = events(world, 'licence.unavailable');
    expect(down).toHaveLength(3);
    expect(down[0]!.text).toBe('The licence server did not answer the download.');
    expect(down[1]!.data).toMatchObject({ op: 'activate', fault: 'licence.server-down' });
  });
});
