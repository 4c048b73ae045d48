import { describe, expect, it } from 'vitest';
import type { RunEnv } from './runEnv.ts';
import { advanceTo, onDue, schedule } from './scheduler.ts';
import { emptyWorld } from './world.ts';

describe('scheduler', () => {
  it('handles due events in time order through the handler registered for their type', () => {
    const seen: string[] = [];
    onDue('reminder.due', (w, _env, ev) => seen.push(`${ev.ref}@${w.now}`));
    const world = emptyWorld(0, 'a@example.com');
    schedule(world, { at: 20, type: 'reminder.due', ref: 'b' });
    schedule(world, { at: 10, type: 'reminder.due', ref: 'a' });
    schedule(world, { at: 99, type: 'reminder.due', ref: 'later' });
    advanceTo(world, {} as RunEnv, 50);
    expect(seen).toEqual(['a@10', 'b@20']);
    expect(world.now).toBe(50);
    expect(world.pending.map((p) => p.ref)).toEqual(['later']);
  });

  it('refuses a second handler for one type and an event nobody handles', () => {
    expect(() => onDue('reminder.due', () => {})).toThrow(/two handlers/);
    const world = emptyWorld(0, 'a@example.com');
    schedule(world, { at: 1, type: 'renewal.due', ref: 'x' });
    expect(() => advanceTo(world, {} as RunEnv, 5)).toThrow(
      /no handler registered for the due event "renewal.due"/,
    );
  });
});
