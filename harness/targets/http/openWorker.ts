/**
 * The worker thread's part of an open-vocabulary run: it builds the run's world in the sandbox
 * session from the setup the engine built (faults and calendars rebuilt here: functions do not
 * cross threads), then for each customer action at the site brings the session's world to the
 * harness's (by difference), lets the shop act through the adapter, and answers what changed.
 */
import type { CalendarDefinition } from '../../clock/calendar.ts';
import { loadCalendarDefinitions, registryFromDefinitions } from '../../clock/calendarFiles.ts';
import type { ActiveFault } from '../../core/faultSet.ts';
import { faultCatalogue } from '../../services/index.ts';
import { vocabularyFault } from '../../vocabulary/faults/index.ts';
import type { LoadedOpenScenario } from '../../vocabulary/loaded.ts';
import { createWorld, type RunSetup, type VWorld } from '../../vocabulary/world/index.ts';
import type { SandboxSession } from '../sandbox/index.ts';
import { type ShopAdapter, ShopError } from './adapter.ts';
import { type OpenWorldDiff, OpenWorldSync } from './openWorldSync.ts';

/** A run setup as it crosses to the worker: plain data, each fault named by its definition's id. */
export interface OpenRunWire {
  loaded: LoadedOpenScenario;
  persona: RunSetup['persona'];
  seedKey: string;
  faults: (Omit<ActiveFault, 'def'> & { fault: string })[];
}

/**
 * The customer's moves over the wire: the adapter's (the site's buttons, its support form), or
 * a contact straight with the sandbox's support API (a party's line, a store).
 */
export type OpenAction = 'performAction' | 'contactAbout' | 'sandboxContact';

/**
 * Plugins are code (deadend.config.ts) and cannot cross threads: the worker's world runs without
 * them, so a plugin used by an action at the site is not served on this target yet.
 */
export function toWire(loaded: LoadedOpenScenario, setup: RunSetup): OpenRunWire {
  const { plugins: _code, ...data } = loaded;
  return {
    loaded: data,
    persona: setup.persona,
    seedKey: setup.seedKey,
    faults: setup.faults.map(({ def, ...f }) => ({ ...f, fault: def.id })),
  };
}

const definitions = new Map<string, ReadonlyMap<string, CalendarDefinition>>();

function calendarDefinitions(dir: string): ReadonlyMap<string, CalendarDefinition> {
  let defs = definitions.get(dir);
  if (!defs) {
    defs = new Map([...loadCalendarDefinitions(dir)].map(([id, { def }]) => [id, def]));
    definitions.set(dir, defs);
  }
  return defs;
}

function setupOf(run: OpenRunWire, calendarsDir: string): RunSetup {
  const defs = calendarDefinitions(calendarsDir);
  return {
    loaded: run.loaded,
    persona: run.persona,
    seedKey: run.seedKey,
    faults: run.faults.map(({ fault, ...f }) => {
      const def = vocabularyFault(fault) ?? faultCatalogue.get(fault);
      if (!def) throw new Error(`the http worker knows no fault "${fault}"`);
      return { ...f, def } as ActiveFault;
    }),
    calendars: registryFromDefinitions(defs, calendarsDir),
    calendarDefinitions: (id) => defs.get(id),
  };
}

/** What the session's open world and the harness last agreed on. */
const sync = new OpenWorldSync();

export function startOpenRun(session: SandboxSession, run: OpenRunWire, calendarsDir: string): void {
  session.openWorld = createWorld(setupOf(run, calendarsDir));
  sync.forget();
}

export async function actOpen(
  session: SandboxSession,
  sandboxUrl: string,
  adapter: ShopAdapter,
  diff: OpenWorldDiff,
  action: OpenAction,
  args: unknown[],
): Promise<{ value: unknown; world: OpenWorldDiff }> {
  const w = session.openWorld as VWorld | undefined;
  if (!w) throw new Error('no open-vocabulary run was started in the http worker');
  sync.apply(w, diff);
  const value =
    action === 'sandboxContact'
      ? await sandboxContact(sandboxUrl, String(args[0]), String(args[1]))
      : await adapterCall(adapter, action, args);
  return { value, world: sync.diff(w) };
}

function adapterCall(adapter: ShopAdapter, action: 'performAction' | 'contactAbout', args: unknown[]) {
  const fn = adapter[action] as ((...a: unknown[]) => Promise<unknown>) | undefined;
  if (!fn) throw new ShopError(`the adapter has no ${action}(): it cannot serve open-vocabulary scenarios`);
  return fn.apply(adapter, args);
}

async function sandboxContact(sandboxUrl: string, channel: string, about: string): Promise<unknown> {
  const res = await fetch(`${sandboxUrl}/v1/vocabulary/contacts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel, about }),
  });
  const json = (await res.json()) as { error?: { message?: string } };
  if (!res.ok) throw new ShopError(`the sandbox's support desk: ${json.error?.message ?? res.status}`);
  return json;
}
