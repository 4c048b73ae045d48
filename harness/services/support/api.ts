/**
 * The support-desk API: the merchant's channels with their hours, calendars and closures
 * (`support.closed` included), and contacts handled by the support-desk model
 * (harness/services/support/desk.ts `contact`) — staff answer as in `sim`, faults
 * (`support.understaffed`) included.
 *
 * A contact takes virtual time: a phone call waits for the line to open, an e-mail is answered
 * a business day later. The session's clock moves through it, and the answer says where it is.
 */
import { toIso } from '../../clock/instant.ts';
import { toArray } from '../../core/trace.ts';
import { PROBLEMS, type Problem } from '../../core/vocabulary.ts';
import {
  type ApiCtx,
  type ApiRequest,
  type ApiResponse,
  apiError,
  INVALID_JSON,
  json,
  jsonBody,
  Routes,
  serveRoutes,
  type WireContext,
} from '../../core/wire.ts';
import { didYouMean } from '../../input/didYouMean.ts';
import type { SupportChannel } from '../../merchant/profile.ts';
import { contact } from './desk.ts';

function channelJson(session: WireContext, c: SupportChannel): Record<string, unknown> {
  const cal = session.env.calendar(c.id);
  const now = session.now;
  const open = cal.isOpen(now);
  const closed = open ? null : cal.closedBecause(now);
  const next = open ? now : cal.nextOpen(now);
  return {
    object: 'support_channel',
    id: c.id,
    kind: c.kind,
    name: c.name ?? `${c.id} support`,
    calendar: c.calendar,
    timezone: cal.timezone,
    responseTime: c.responseTime,
    open,
    opensAt: Number.isFinite(next) ? toIso(next) : null,
    closedBecause: closed?.reason ?? null,
    remedies: c.remedies,
  };
}

const routes = new Routes<ApiCtx>();

routes
  .add('GET', '/v1/channels', ({ session }) =>
    json(200, {
      object: 'list',
      data: session.env.profile.support.map((c) => channelJson(session, c)),
      has_more: false,
      url: '/v1/channels',
    }),
  )
  .add('GET', '/v1/channels/:id', ({ session }, { id }) => {
    const c = session.env.channel(id!);
    if (!c) return apiError(404, 'resource_missing', `No such support channel: '${id}'.`, { param: 'id' });
    return json(200, channelJson(session, c));
  })
  .add('POST', '/v1/contacts', ({ session, req }) => {
    let b: Record<string, unknown>;
    try {
      b = (jsonBody(req) ?? {}) as Record<string, unknown>;
    } catch {
      return apiError(400, INVALID_JSON.code, INVALID_JSON.message);
    }
    const channels = session.env.profile.support.map((c) => c.id);
    if (typeof b.channel !== 'string')
      return apiError(400, 'parameter_missing', 'Missing required param: channel.', { param: 'channel' });
    const channel = session.env.channel(b.channel);
    if (!channel)
      return apiError(
        400,
        'resource_missing',
        `No such support channel: '${b.channel}'${didYouMean(b.channel, channels)}; channels: ${channels.join(', ')}.`,
        { param: 'channel' },
      );
    if (typeof b.problem !== 'string' || !(PROBLEMS as readonly string[]).includes(b.problem))
      return apiError(
        400,
        b.problem === undefined ? 'parameter_missing' : 'parameter_invalid',
        `problem must be one of ${PROBLEMS.join(', ')}${typeof b.problem === 'string' ? didYouMean(b.problem, PROBLEMS) : ''}.`,
        { param: 'problem' },
      );
    const products = session.env.profile.products.map((p) => p.id);
    const product = typeof b.product === 'string' ? b.product : products[0]!;
    // '' says the request is about no product (a statement, the login).
    if (product !== '' && !products.includes(product))
      return apiError(
        400,
        'resource_missing',
        `No such product: '${product}'${didYouMean(product, products)}.`,
        {
          param: 'product',
        },
      );
    const world = session.world;
    const before = world.trace?.length ?? 0;
    const startedAt = world.now;
    const result = contact(world, session.env, channel, b.problem as Problem, product);
    const record = world.contacts.at(-1)!;
    const events = toArray(world.trace)
      .slice(before)
      .map((e) => ({
        at: toIso(e.t),
        actor: e.actor,
        kind: e.kind,
        text: e.text,
        ...(e.data ? { data: e.data } : {}),
      }));
    return json(200, {
      object: 'support_contact',
      id: record.id,
      channel: channel.id,
      problem: b.problem,
      product,
      result,
      askedAt: toIso(startedAt),
      handledAt: toIso(record.at),
      answeredAt: toIso(record.answerAt),
      now: toIso(world.now),
      said: events.filter((e) => e.actor === 'support').map((e) => e.text),
      events,
    });
  })
  .add('GET', '/v1/contacts', ({ session }) =>
    json(200, {
      object: 'list',
      data: session.world.contacts.map((c) => ({
        object: 'support_contact',
        id: c.id,
        channel: c.channel,
        problem: c.problem,
        result: c.result,
        handledAt: toIso(c.at),
        answeredAt: toIso(c.answerAt),
      })),
      has_more: false,
      url: '/v1/contacts',
    }),
  );

export const supportRouter = (session: WireContext, req: ApiRequest): ApiResponse =>
  serveRoutes(routes, session, req);
