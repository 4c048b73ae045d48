/**
 * A generic earliest-arrival search over any state graph (in the manner of xstate/graph's
 * traversals): given a start state, the events open in a state, how an event moves a state on,
 * a key that says when two states are the same and an order (virtual time), it visits each
 * distinct state once, earliest first, and stops at the first goal. The journey-specific
 * explorer (harness/engine/journeySearch.ts) is this search with worlds as states; this one is
 * what new searches (and the explorer, when it moves to harness/engine) are built on.
 */
import { MinHeap } from './minHeap.ts';

export interface Graph<S, E> {
  start: S;
  /** The events open in a state, in the order to try them (ties are broken by this order). */
  events(state: S): readonly E[];
  /** The state after the event, or undefined when the event is cut (a bound, a limit). */
  next(state: S, event: E): S | undefined;
  /** Equal keys: the same state for the future (the earlier one is kept). */
  key(state: S): string;
  /** The order of visits, e.g. virtual time; a later arrival at a seen state is never better. */
  at(state: S): number;
  isGoal(state: S): boolean;
  /**
   * The longest event path searched (default: no limit). A state is kept at its earliest
   * arrival whatever its depth, so a later but shorter path to it is not searched again.
   */
  maxDepth?: number;
}

export interface SearchResult<S, E> {
  /** The goal state reached, with the events that led there; undefined: none within bounds. */
  found?: { state: S; path: E[] };
  /** States taken off the queue. */
  explored: number;
  /** Distinct states settled (the start included). */
  distinct: number;
}

interface Entry<S, E> {
  state: S;
  depth: number;
  event?: E;
  parent?: Entry<S, E>;
}

function pathOf<S, E>(e: Entry<S, E>): E[] {
  const out: E[] = [];
  for (let n: Entry<S, E> | undefined = e; n?.parent; n = n.parent) out.push(n.event as E);
  return out.reverse();
}

export function searchGraph<S, E>(g: Graph<S, E>): SearchResult<S, E> {
  const heap = new MinHeap<Entry<S, E>>((a, b) => g.at(a.state) - g.at(b.state));
  // A state is settled when it is taken off the queue, not when it is first queued: a cheaper
  // event may reach it later in the queue but earlier in time (Dijkstra with lazy deletion).
  const settled = new Set<string>();
  heap.push({ state: g.start, depth: 0 });
  let explored = 0;
  while (heap.size > 0) {
    const entry = heap.pop()!;
    const k = g.key(entry.state);
    if (settled.has(k)) continue;
    settled.add(k);
    explored++;
    if (g.isGoal(entry.state))
      return { found: { state: entry.state, path: pathOf(entry) }, explored, distinct: settled.size };
    if (g.maxDepth !== undefined && entry.depth >= g.maxDepth) continue;
    for (const event of g.events(entry.state)) {
      const state = g.next(entry.state, event);
      if (state === undefined || settled.has(g.key(state))) continue;
      heap.push({ state, depth: entry.depth + 1, event, parent: entry });
    }
  }
  return { explored, distinct: settled.size };
}
