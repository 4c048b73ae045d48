/**
 * The http target's CustomerPort for open-vocabulary scenarios (engine/open/port.ts): a customer
 * action on a channel of medium `account` is a button on the shop's account page, so it goes to
 * the shop over the wire (POST /api/actions/:id) with the world handed to the sandbox and taken
 * back by difference; a contact with one of the merchant's own channels is the shop's support
 * form (`about:` the problem); a contact with a party's line or an in-person channel goes to the
 * sandbox's support API, as the store and phone do for seeds. Every other customer action (a
 * till, a phone line, a party's) has no page: the world applies it here, as on `sim`.
 */
import type { CustomerPort, OpenConnector, OpenRun } from '../../engine/open/port.ts';
import {
  type ContactResult,
  contact,
  type PerformResult,
  perform,
  type VWorld,
} from '../../vocabulary/world/index.ts';
import { type OpenAction, toWire } from './openWorker.ts';
import { OpenWorldSync } from './openWorldSync.ts';
import type { WireAnswer, WireMessage } from './wireWorker.ts';

/** The medium of the channels whose actions and forms are the merchant's web site. */
export const SITE_MEDIUM = 'account';

/**
 * Whether a customer action is a button on the merchant's site. One whose condition or effects
 * use a plugin stays in this thread: plugins are code, and the sandbox's world has none.
 */
export function atSite(w: VWorld, actionId: string): boolean {
  const action = w.ctx.actions.get(actionId);
  if (action?.on === undefined || w.ctx.channels.get(action.on)?.medium !== SITE_MEDIUM) return false;
  return !usesPlugin(action);
}

const usesPlugin = (declaration: unknown): boolean => JSON.stringify(declaration).includes('"plugin"');

/** Whether a contact goes through the shop's support form: the merchant's own, not in person. */
export function viaSupportForm(w: VWorld, channel: string): boolean {
  const c = w.ctx.channels.get(channel);
  return c !== undefined && c.party === undefined && c.medium !== 'in-person';
}

/** Whether a channel's staff remedies use a plugin (then the contact stays in this thread). */
const remediesUsePlugin = (w: VWorld, channel: string): boolean =>
  (w.ctx.channels.get(channel)?.remedies ?? []).some((id) => usesPlugin(w.ctx.actions.get(id)));

export interface OpenShopConnector extends OpenConnector {
  /** How many customer moves went over the wire so far, by kind (for tests and the bench). */
  wireMoves(): Record<OpenAction, number>;
}

export function openShopPort(send: (msg: WireMessage) => WireAnswer & { ok: true }): OpenShopConnector {
  /** What this thread and the sandbox last agreed the open world is. */
  const sync = new OpenWorldSync();
  const moves: Record<OpenAction, number> = { performAction: 0, contactAbout: 0, sandboxContact: 0 };
  const act = (w: VWorld, action: OpenAction, args: unknown[]): unknown => {
    moves[action] += 1;
    const answer = send({ op: 'openAct', world: sync.diff(w), action, args });
    if (answer.openWorld) sync.apply(w, answer.openWorld);
    return answer.value;
  };
  const port: CustomerPort = {
    perform: (w, actionId) =>
      atSite(w, actionId) ? (act(w, 'performAction', [actionId]) as PerformResult) : perform(w, actionId),
    contact: (w, channel, problem) => {
      if (remediesUsePlugin(w, channel)) return contact(w, channel, problem);
      const via: OpenAction = viaSupportForm(w, channel) ? 'contactAbout' : 'sandboxContact';
      return act(w, via, [channel, problem]) as ContactResult;
    },
  };
  return {
    wireMoves: () => ({ ...moves }),
    prepareOpenRun(run: OpenRun) {
      send({ op: 'openRun', run: toWire(run.loaded, run.setup) });
      sync.forget();
      return port;
    },
  };
}
