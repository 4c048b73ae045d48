/**
 * Where journeys run besides `sim`, as the engine sees it: a Target is a Connector that can be
 * closed, and a TargetSpec says how a worker thread starts its own one — a module and the
 * options it is given. The engine never imports a target: the caller (the command line, a test)
 * names the module, so targets sit above the engine and each may bring its own worker.
 */
import type { Connector } from './runner.ts';

/** A real target, started: it sets up each run and is closed when the suite is done. */
export interface Target extends Connector {
  close(): void;
}

/** What a target's module exports for worker threads to start one each of. */
export interface TargetModule {
  startTarget(options: unknown): Target;
}

/** How a worker thread starts its own target: options must survive structured cloning. */
export interface TargetSpec {
  /** The module's URL (`file://…`), whose `startTarget` export starts the target. */
  module: string;
  options: unknown;
}

/** Start the target a spec names, in this thread. */
export async function startTargetOf(spec: TargetSpec): Promise<Target> {
  const mod = (await import(spec.module)) as Partial<TargetModule>;
  if (typeof mod.startTarget !== 'function')
    throw new Error(`${spec.module} exports no startTarget(options): it is not a deadend target module`);
  return mod.startTarget(spec.options);
}
