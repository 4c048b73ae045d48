/**
 * Where a customer at a dead end gives up (design §2.5: "the world where the customer gave up").
 * The search has proved that no path reaches the goal; a real customer still keeps asking
 * before giving up. From the world where the search started, they bring each problem to each
 * channel they may use, once per channel and problem, following where they are sent — so a
 * channel that sends them back to one that had sent them away is in the trace (ping-pong), and
 * the scorecard counts the contacts they made. Their own actions are not repeated: the
 * self-service search showed those lead nowhere. Every contact stays within the search's bounds.
 */
import type { VWorld } from '../../vocabulary/world/index.ts';
import type { Goal } from './goal.ts';
import type { CustomerPort } from './port.ts';
import { applyMove, type Bounds, movesOf, type SearchLog } from './recovery.ts';

export function persistUntilGivingUp(start: VWorld, port: CustomerPort, goal: Goal, bounds: Bounds): VWorld {
  const tried = new Set<string>();
  // A scratch log: these contacts are not the search's and must not change its explanation.
  const log: SearchLog = { cuts: new Map(), asked: new Map(), explored: 0 };
  let w = start;
  // A customer who lets the problem rest first starts asking only then.
  if (bounds.restsUntil !== undefined && bounds.restsUntil > w.now)
    w = applyMove(w, { kind: 'wait', until: bounds.restsUntil }, port, bounds, goal, log) ?? w;
  for (let n = 0; n < bounds.maxActions; n++) {
    let moved = false;
    for (const m of movesOf(w, true, bounds.restsUntil)) {
      if (m.kind !== 'contact' && m.kind !== 'spam') continue;
      const id = m.kind === 'contact' ? `${m.channel}|${m.problem}` : 'spam';
      if (tried.has(id)) continue;
      tried.add(id);
      const next = applyMove(w, m, port, bounds, goal, log);
      if (!next) continue;
      w = next;
      moved = true;
      break;
    }
    if (!moved) break;
  }
  return w;
}
