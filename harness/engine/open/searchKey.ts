/**
 * The recovery search's de-duplication key: the world's stateKey, read so that a later arrival
 * at the same situation is recognised as the same state. The search visits worlds earliest
 * first, and a customer who reaches a situation later could have waited instead, so:
 *
 * - pending events count by their absolute time, not their distance from now (the world's key
 *   measures them from now, which makes every five minutes a new state while a process waits);
 * - an action's use counts only where a `limit` makes the count matter;
 * - messages count as a set: a second identical sign-in code to the same old number opens no
 *   path the first did not;
 * - what depends on the moment itself is added: which channels are open now and which fault
 *   windows are active, so waiting for a channel to open is a move to a new state.
 *
 * Without this, every repeat of an action is a new state and the search grows exponentially
 * with maxActions (story 105's return label requested over and over). WORLD: if stateKey adopts
 * these rules, this file becomes `stateKey`.
 */
import { cloneWorld, opensAt, stateKey, type VWorld } from '../../vocabulary/world/index.ts';

export function searchKey(w: VWorld): string {
  const c = cloneWorld(w);
  c.now = 0;
  const counts: Record<string, number> = {};
  for (const [id, n] of Object.entries(w.actionCounts)) {
    const limit = w.ctx.actions.get(id)?.limit;
    if (limit !== undefined) counts[id] = Math.min(n, limit);
  }
  c.actionCounts = counts;
  const seen = new Set<string>();
  c.messages = w.messages.filter((m) => {
    const k = `${m.message}|${m.via}|${m.place}|${m.owner}|${m.seen ? 1 : 0}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  let open = '';
  for (const id of w.ctx.channels.keys()) open += opensAt(w, id) === w.now ? '1' : '0';
  let faults = '';
  for (const f of w.ctx.faults) faults += w.now >= f.from && w.now < f.until ? '1' : '0';
  return `${stateKey(c)}#${open}#${faults}`;
}
