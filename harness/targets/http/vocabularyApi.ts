/**
 * The open-vocabulary world as the sandbox serves it to a merchant's site (`/v1/vocabulary/…`),
 * on the sandbox's shared port (the http worker passes it to startSandbox: the sandbox itself
 * does not depend on the vocabulary layer, which sits below the services that import it):
 * the customer actions that apply now and those that do not (with why, in words), performing
 * one, a contact with a channel about a declared problem, and what the customer can see. The
 * world is the session's (`session.openWorld`, set by the http target for each run of an open
 * scenario); these routes apply the world's own semantics to it, so the shop decides nothing
 * the model does not, and every target agrees.
 */
import { toIso } from '../../clock/instant.ts';
import {
  type ApiCtx,
  type ApiRequest,
  type ApiResponse,
  json,
  objectBody,
  Routes,
  SandboxInputError,
  serveRoutes,
} from '../../core/wire.ts';
import { closed, contact, offers, perform, type VWorld } from '../../vocabulary/world/index.ts';
import type { SandboxSession } from '../sandbox/session.ts';

function worldOf(session: SandboxSession): VWorld {
  if (!session.openWorld)
    throw new SandboxInputError(
      'the sandbox serves no open-vocabulary scenario now (a seed scenario, or none)',
      404,
      'no_open_world',
    );
  return session.openWorld as VWorld;
}

/** The channel's medium, or undefined for an id the profile does not declare. */
const mediumOf = (w: VWorld, channel: string) => w.ctx.channels.get(channel)?.medium;
const channelName = (w: VWorld, channel: string) => w.ctx.channels.get(channel)?.name ?? channel;

/** `?medium=account` keeps the actions on channels of that medium; none: every customer action. */
function inMedium(w: VWorld, query: URLSearchParams): (x: { channel: string }) => boolean {
  const medium = query.get('medium');
  return (x) => medium === null || mediumOf(w, x.channel) === medium;
}

/** What the customer can see without being told: facts on account pages, the app's messages. */
export function customerView(w: VWorld): Record<string, unknown> {
  const onPages = (shownOn: readonly string[]) =>
    shownOn.filter((c) => mediumOf(w, c) === 'account').map((c) => channelName(w, c));
  const facts = w.ctx.profile.facts
    .map((f) => ({ f, on: onPages(f.shownOn ?? []) }))
    .filter(({ on }) => on.length > 0)
    .map(({ f, on }) => ({
      fact: f.id,
      description: f.description ?? f.id,
      holds: w.facts[f.id] === true,
      on,
    }));
  const messages = w.messages
    .filter((m) => m.place === 'app')
    .map((m) => ({
      id: m.id,
      message: m.message,
      name: w.ctx.messages.get(m.message)?.name ?? m.message,
      via: channelName(w, m.via),
      sentAt: toIso(m.sentAt),
    }));
  return { object: 'customer_view', now: toIso(w.now), nowMs: w.now, facts, messages };
}

const routes = new Routes<ApiCtx<SandboxSession>>();

routes
  .add('GET', '/v1/vocabulary/profile', ({ session }) => {
    const w = worldOf(session);
    return json(200, { object: 'profile', profile: w.ctx.profile, now: toIso(w.now), zone: w.ctx.zone });
  })
  .add('GET', '/v1/vocabulary/actions', ({ session, query }) => {
    const w = worldOf(session);
    const keep = inMedium(w, query);
    const named = <T extends { channel: string }>(x: T) => ({ ...x, channelName: channelName(w, x.channel) });
    return json(200, {
      object: 'list',
      data: offers(w).filter(keep).map(named),
      closed: closed(w).filter(keep).map(named),
    });
  })
  .add('POST', '/v1/vocabulary/actions/:id', ({ session }, { id }) => {
    const w = worldOf(session);
    if (w.ctx.actions.get(id!)?.by !== 'customer')
      throw new SandboxInputError(`no customer action "${id}" in ${w.ctx.profile.id}`, 404);
    if (!offers(w).some((o) => o.action === id)) {
      const why = closed(w).find((c) => c.action === id)?.why ?? 'it does not apply now';
      return json(409, { ok: false, why, effectsAt: w.now });
    }
    const r = perform(w, id!);
    return json(r.ok ? 200 : 409, r);
  })
  .add('POST', '/v1/vocabulary/contacts', ({ session, req }) => {
    const w = worldOf(session);
    const b = objectBody(req);
    const channel = String(b.channel ?? '');
    const problem = String(b.about ?? '');
    if (!w.ctx.channels.has(channel))
      throw new SandboxInputError(`no channel "${channel}" in ${w.ctx.profile.id}`, 404);
    if (!w.ctx.problems.has(problem))
      throw new SandboxInputError(`about: no problem "${problem}" in ${w.ctx.profile.id}`);
    return json(200, contact(w, channel, problem));
  })
  .add('GET', '/v1/vocabulary/state', ({ session }) => json(200, customerView(worldOf(session))));

export const vocabularyRouter = (session: SandboxSession, req: ApiRequest): ApiResponse =>
  serveRoutes(routes, session, req);
