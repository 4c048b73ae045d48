/**
 * The world handed between the harness thread and the sandbox (in the worker thread) by
 * difference: each side keeps the JSON text of every part of the world as both last agreed on
 * it (a top-level field, or one collection of the payment provider's `billing`), and the trace
 * node both last had. Before an action the harness sends only the parts whose text changed and
 * the trace events appended since; afterwards the worker answers the same way. A text is
 * immutable, so a world the explorer changes in place after the fact cannot fool the comparison.
 */

import { append, type TraceEvent, type TraceNode, toArray } from '../../core/trace.ts';
import type { World } from '../../core/world.ts';

/** A part's JSON text, or null when the part is absent (a world without `billing`). */
export interface WorldDiff {
  parts: Record<string, string | null>;
  /** Events after the agreed trace, or the whole trace when it forked. */
  trace: { append: TraceEvent[] } | { all: TraceEvent[] };
}

type Parts = Map<string, string | null>;

function partsOf(w: World): Parts {
  const out: Parts = new Map();
  for (const [k, v] of Object.entries(w)) {
    if (k === 'trace' || k === 'billing') continue;
    out.set(k, v === undefined ? null : JSON.stringify(v));
  }
  // `billing` itself: present ('') or not (null); then each of its collections.
  out.set('billing', w.billing ? '' : null);
  if (w.billing) for (const [k, v] of Object.entries(w.billing)) out.set(`billing.${k}`, JSON.stringify(v));
  return out;
}

/** The events of `now` after `base`, when `base` is an ancestor of it (undefined when it is not). */
function eventsSince(now: TraceNode | null, base: TraceNode | null): TraceEvent[] | undefined {
  const baseLength = base?.length ?? 0;
  const out: TraceEvent[] = [];
  let node = now;
  while (node && node.length > baseLength) {
    out.push(node.event);
    node = node.parent;
  }
  return node === base ? out.reverse() : undefined;
}

/** One side's view of what the other holds. */
export class WorldSync {
  #parts: Parts = new Map();
  #trace: TraceNode | null = null;
  #known = false;

  /** Forget what the other side holds (a new run): the next diff is the whole world. */
  forget(): void {
    this.#parts = new Map();
    this.#trace = null;
    this.#known = false;
  }

  #changes(w: World): { now: Parts; parts: Record<string, string | null>; since?: TraceEvent[] } {
    const now = partsOf(w);
    const parts: Record<string, string | null> = {};
    for (const [k, v] of now) if (!this.#known || this.#parts.get(k) !== v) parts[k] = v;
    for (const k of this.#parts.keys()) if (!now.has(k)) parts[k] = null;
    const since = this.#known ? eventsSince(w.trace, this.#trace) : undefined;
    return { now, parts, ...(since ? { since } : {}) };
  }

  /** What `w` changes against the agreed world; `w` becomes the agreed world. */
  diff(w: World): WorldDiff {
    const { now, parts, since } = this.#changes(w);
    this.#parts = now;
    this.#trace = w.trace;
    this.#known = true;
    return { parts, trace: since ? { append: since } : { all: toArray(w.trace) } };
  }

  /** Undo in `w` whatever changed since the agreed world (after an action whose effects are dropped). */
  revert(w: World): void {
    const { parts } = this.#changes(w);
    const agreed: Record<string, string | null> = {};
    for (const k of Object.keys(parts)) agreed[k] = this.#parts.get(k) ?? null;
    this.apply(w, { parts: agreed, trace: { append: [] } });
  }

  /**
   * Apply the other side's diff to `w` in place (the explorer holds references to it), from the
   * agreed world; `w` becomes the agreed world.
   */
  apply(w: World, d: WorldDiff): void {
    const target = w as unknown as Record<string, unknown>;
    const collections: [string, unknown][] = [];
    for (const [k, text] of Object.entries(d.parts)) {
      this.#parts.set(k, text);
      if (k === 'billing') continue;
      const value = text === null ? undefined : JSON.parse(text);
      if (k.startsWith('billing.')) collections.push([k.slice('billing.'.length), value]);
      else if (value === undefined) delete target[k];
      else target[k] = value;
    }
    if (d.parts.billing === null) {
      delete w.billing;
      for (const k of [...this.#parts.keys()]) if (k.startsWith('billing.')) this.#parts.delete(k);
      this.#parts.set('billing', null);
    } else if (collections.length > 0) {
      // A fresh billing object, so that a world forked before never sees the change.
      const billing = { ...(w.billing ?? {}) } as Record<string, unknown>;
      for (const [k, v] of collections) {
        if (v === undefined) delete billing[k];
        else billing[k] = v;
      }
      w.billing = billing as unknown as World['billing'];
    }
    let trace = 'append' in d.trace ? this.#trace : null;
    const events = 'append' in d.trace ? d.trace.append : d.trace.all;
    for (const e of events) trace = append(trace, e);
    w.trace = trace;
    this.#trace = trace;
    this.#known = true;
  }
}
