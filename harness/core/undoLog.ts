/**
 * All-or-nothing requests without copying the world: `journaled(world)` hands out a view of
 * the world (proxies, made on first access) that writes through to it and logs the old value
 * of every property it changes; `undo()` puts them back, newest first. The cost is in what a
 * request touches, not in the size of the world — a world of 300 payments is about 1 MB, too
 * much to clone for every request.
 *
 * Values written through the view are stored unwrapped, so no proxy outlives the request;
 * plain data only (objects and arrays), which is what a World is.
 */

type Obj = Record<PropertyKey, unknown>;

/** proxy → its target, for every view ever handed out (weak: dropped with the proxy). */
const TARGETS = new WeakMap<object, object>();

/** `v` with every proxy in it (at any depth of new, unproxied data) replaced by its target. */
function unwrap(v: unknown, seen = new Set<object>()): unknown {
  if (v === null || typeof v !== 'object') return v;
  const target = TARGETS.get(v);
  if (target) return target;
  if (seen.has(v)) return v;
  seen.add(v);
  const o = v as Obj;
  for (const k of Object.keys(o)) {
    const child = o[k];
    if (child !== null && typeof child === 'object') {
      const u = unwrap(child, seen);
      if (u !== child) o[k] = u;
    }
  }
  return v;
}

export interface Journaled<T> {
  /** The world to work on: reads and writes go to the real one. */
  view: T;
  /** Undo every change made through the view. */
  undo(): void;
}

export function journaled<T extends object>(root: T): Journaled<T> {
  const log: (() => void)[] = [];
  const views = new WeakMap<object, object>();
  const handler: ProxyHandler<Obj> = {
    get(t, k) {
      const v = t[k];
      return v !== null && typeof v === 'object' ? viewOf(v) : v;
    },
    set(t, k, value) {
      const had = Object.hasOwn(t, k);
      const old = t[k];
      if (Array.isArray(t) && k === 'length' && typeof old === 'number' && (value as number) < old) {
        const removed = t.slice(value as number);
        log.push(() => {
          t.length = old;
          for (const [i, x] of removed.entries()) t[(value as number) + i] = x;
        });
      } else if (Array.isArray(t)) {
        // Writing past the end grows the array before any write to `length`: note the length too.
        const length = t.length;
        log.push(() => {
          if (had) t[k] = old;
          else delete t[k];
          t.length = length;
        });
      } else
        log.push(() => {
          if (had) t[k] = old;
          else delete t[k];
        });
      t[k] = unwrap(value);
      return true;
    },
    deleteProperty(t, k) {
      if (!Object.hasOwn(t, k)) return true;
      const old = t[k];
      log.push(() => {
        t[k] = old;
      });
      delete t[k];
      return true;
    },
    defineProperty(t, k, desc) {
      const had = Object.hasOwn(t, k);
      const old = t[k];
      log.push(() => {
        if (had) t[k] = old;
        else delete t[k];
      });
      return Reflect.defineProperty(t, k, {
        ...desc,
        ...('value' in desc ? { value: unwrap(desc.value) } : {}),
      });
    },
  };
  function viewOf(v: object): object {
    if (TARGETS.has(v)) return v;
    let p = views.get(v);
    if (!p) {
      p = new Proxy(v as Obj, handler);
      views.set(v, p);
      TARGETS.set(p, v);
    }
    return p;
  }
  return {
    view: viewOf(root) as T,
    undo() {
      for (let i = log.length - 1; i >= 0; i--) log[i]!();
      log.length = 0;
    },
  };
}

/** The plain data behind a value that may be (or hold) views: for answers that leave the request. */
export function plain<T>(v: T): T {
  return unwrap(v) as T;
}
