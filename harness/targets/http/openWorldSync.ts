/**
 * An open-vocabulary world handed between the harness thread and the sandbox by difference, as
 * worldSync.ts hands a seed world: each side keeps the JSON text of every top-level field as
 * both last agreed on it and the trace node both last had; a diff carries the fields whose text
 * changed and the trace events appended since. `ctx` (the compiled profile, calendars, faults)
 * never crosses: each side has its own, built from the same run setup.
 */
import { append, type TraceEvent, type TraceNode, toArray } from '../../core/trace.ts';
import type { VWorld } from '../../vocabulary/world/index.ts';

export interface OpenWorldDiff {
  parts: Record<string, string>;
  /** Events after the agreed trace, or the whole trace when it forked. */
  trace: { append: TraceEvent[] } | { all: TraceEvent[] };
}

const SHARED = new Set(['ctx', 'trace']);

/** JSON that keeps ±Infinity (a window without an end, a message that never arrives). */
const keepInfinity = (_k: string, v: unknown) =>
  typeof v === 'number' && !Number.isFinite(v) ? { $number: String(v) } : v;
const readInfinity = (_k: string, v: unknown) =>
  typeof v === 'object' && v !== null && '$number' in v ? Number((v as { $number: string }).$number) : v;

function partsOf(w: VWorld): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(w))
    if (!SHARED.has(k)) out.set(k, JSON.stringify(v ?? null, keepInfinity));
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

export class OpenWorldSync {
  #parts = new Map<string, string>();
  #trace: TraceNode | null = null;
  #known = false;

  /** A new run: the next diff is the whole world. */
  forget(): void {
    this.#parts = new Map();
    this.#trace = null;
    this.#known = false;
  }

  /** What `w` changes against the agreed world; `w` becomes the agreed world. */
  diff(w: VWorld): OpenWorldDiff {
    const now = partsOf(w);
    const parts: Record<string, string> = {};
    for (const [k, v] of now) if (!this.#known || this.#parts.get(k) !== v) parts[k] = v;
    const since = this.#known ? eventsSince(w.trace, this.#trace) : undefined;
    this.#parts = now;
    this.#trace = w.trace;
    this.#known = true;
    return { parts, trace: since ? { append: since } : { all: toArray(w.trace) } };
  }

  /** Apply the other side's diff to `w` in place (the engine holds a reference to it). */
  apply(w: VWorld, d: OpenWorldDiff): void {
    const target = w as unknown as Record<string, unknown>;
    for (const [k, text] of Object.entries(d.parts)) {
      this.#parts.set(k, text);
      target[k] = JSON.parse(text, readInfinity);
    }
    let trace = 'append' in d.trace ? this.#trace : null;
    for (const e of 'append' in d.trace ? d.trace.append : d.trace.all) trace = append(trace, e);
    w.trace = trace;
    this.#trace = trace;
    this.#known = true;
  }
}
