/**
 * The control API: what a test (or the `http` target) does to the sandbox from outside —
 * inject and clear faults, move the virtual clock, reset the state, read the trace and every
 * message with its real folder, and set the payment processor's decline rules.
 */
import { parseInstant, toIso } from '../../clock/instant.ts';
import { traceEntry } from '../../core/trace.ts';
import {
  type ApiCtx,
  type ApiRequest,
  type ApiResponse,
  apiError,
  json,
  objectBody,
  Routes,
  serveRoutes,
} from '../../core/wire.ts';
import { worldFromJson, worldToJson } from '../../core/world.ts';
import { businessDuration } from '../../merchant/policy.ts';
import { faultLabel } from '../../scenario/combinations.ts';
import type { LoadedScenario } from '../../scenario/load.ts';
import { billingOf, faultCatalogue, mailSummary } from '../../services/index.ts';
import { SandboxInputError, type SandboxSession } from './session.ts';
import { snapshotProblem } from './snapshotSchema.ts';

const body = objectBody;

function clockJson(session: SandboxSession): Record<string, unknown> {
  return { object: 'clock', now: toIso(session.now), epochMs: session.now, timezone: session.zone };
}

function faultsJson(session: SandboxSession): Record<string, unknown> {
  const active = session.uses
    .filter((u) => session.active.includes(faultLabel(u)))
    .map((u) => ({
      label: faultLabel(u),
      fault: u.fault,
      params: u.params,
      ...(u.window ? { window: u.window } : {}),
      probability: u.probability,
      ...(u.times !== undefined ? { times: u.times } : {}),
      hits: session.world.faultHits[faultLabel(u)] ?? 0,
    }));
  return {
    object: 'faults',
    active,
    available: session.uses.map(faultLabel),
    catalogue: [...faultCatalogue.keys()],
  };
}

const routes = new Routes<ApiCtx<SandboxSession>>();

routes
  .add('GET', '/v1/health', ({ session }) => json(200, { ok: true, now: toIso(session.now) }))
  .add('GET', '/v1/clock', ({ session }) => json(200, clockJson(session)))
  .add('POST', '/v1/clock', ({ session, req }) => {
    const b = body(req);
    let moved: { from: number; to: number };
    if (typeof b.to === 'string') {
      let t: number;
      try {
        t = parseInstant(b.to, session.zone);
      } catch (e) {
        throw new SandboxInputError(`to: ${(e as Error).message}`);
      }
      moved = session.advanceTo(t);
    } else if (typeof b.advance === 'string' || typeof b.advance === 'number') {
      let ms: number;
      try {
        ms =
          typeof b.advance === 'number' ? b.advance : businessDuration(session.env, session.now, b.advance);
      } catch (e) {
        throw new SandboxInputError(`advance: ${(e as Error).message}`);
      }
      moved = session.advanceBy(ms);
    } else
      throw new SandboxInputError(
        'give { "advance": "PT2M" } (a duration, or milliseconds) or { "to": "2026-03-05T09:00" }',
      );
    return json(200, { ...clockJson(session), from: toIso(moved.from) });
  })
  .add('GET', '/v1/faults', ({ session }) => json(200, faultsJson(session)))
  .add('POST', '/v1/faults', ({ session, req }) => {
    const label = session.inject(body(req));
    return json(201, { ...faultsJson(session), injected: label });
  })
  .add('DELETE', '/v1/faults', ({ session }) => {
    session.clear();
    return json(200, faultsJson(session));
  })
  .add('DELETE', '/v1/faults/:label', ({ session }, { label }) => {
    session.clear(label!);
    return json(200, faultsJson(session));
  })
  .add('POST', '/v1/reset', ({ session, req }) => {
    const b = body(req);
    session.reset({ keepFaults: b.keepFaults === true });
    return json(200, { ...clockJson(session), reset: true, faults: faultsJson(session) });
  })
  .add('POST', '/v1/runs', ({ session, req }) => {
    // The http target's run set-up: the loaded scenario (plain data), the run's faults, its seed key.
    const b = body(req);
    const loaded = b.scenario as LoadedScenario | undefined;
    if (!loaded || typeof loaded !== 'object' || !loaded.scenario || !loaded.merchant)
      throw new SandboxInputError(
        'scenario: a loaded scenario { file, scenario, merchant, merchantFile } is required',
      );
    const faults = Array.isArray(b.faults) ? b.faults.map(String) : [];
    session.useRun(loaded, faults, typeof b.seedKey === 'string' ? b.seedKey : session.seedKey);
    return json(200, {
      object: 'run',
      scenario: loaded.scenario.id,
      ...clockJson(session),
      faults: faultsJson(session),
    });
  })
  .add('GET', '/v1/snapshot', ({ session }) =>
    json(200, { object: 'snapshot', world: worldToJson(session.world) }),
  )
  .add('PUT', '/v1/snapshot', ({ session, req }) => {
    const w = body(req).world as Parameters<typeof worldFromJson>[0] | undefined;
    if (!w || typeof w !== 'object')
      throw new SandboxInputError('world: a snapshot as GET /v1/snapshot returns it is required');
    const problem = snapshotProblem(w);
    if (problem)
      return apiError(400, 'invalid_snapshot', `world.${problem.path}: ${problem.message}`, {
        param: `world.${problem.path}`,
      });
    session.restore(worldFromJson(w));
    return json(200, { object: 'snapshot', restored: true, ...clockJson(session) });
  })
  .add('GET', '/v1/trace', ({ session, query }) => {
    const since = Number(query.get('since') ?? 0);
    if (!Number.isInteger(since) || since < 0)
      throw new SandboxInputError('since must be a non-negative integer');
    const kind = query.get('kind');
    const all = session.trace();
    const data = all
      .map((e, i) => ({ seq: i, ...traceEntry(e) }))
      .slice(since)
      .filter((e) => kind === null || e.kind === kind || e.kind.startsWith(`${kind}.`));
    return json(200, {
      object: 'list',
      data,
      total: all.length,
      next: all.length,
      has_more: false,
      url: '/v1/trace',
    });
  })
  .add('GET', '/v1/mail', ({ session, query }) => {
    const folder = query.get('folder');
    const to = query.get('to')?.toLowerCase() ?? null;
    const data = session.world.mail
      .filter((m) => (folder === null || m.folder === folder) && (to === null || m.to.toLowerCase() === to))
      .map((m) => mailSummary(session, m));
    return json(200, { object: 'list', data, has_more: false, url: '/v1/mail' });
  })
  .add('GET', '/v1/state', ({ session }) => {
    const w = session.world;
    const folders: Record<string, number> = {};
    for (const m of w.mail) folders[m.folder] = (folders[m.folder] ?? 0) + 1;
    const b = billingOf(w, session.env);
    return json(200, {
      object: 'state',
      ...clockJson(session),
      merchant: session.env.profile.id,
      customer: w.customer.email,
      mail: folders,
      charges: w.charges.length,
      refunded: w.customer.refunded,
      spent: w.customer.spent,
      customers: Object.keys(b.customers).length,
      paymentIntents: Object.keys(b.paymentIntents).length,
      subscriptions: Object.keys(b.subscriptions).length,
      licenceKeys: w.keys.length,
      contacts: w.contacts.length,
      pending: w.pending.length,
      traceEvents: w.trace?.length ?? 0,
      faults: session.active,
    });
  })
  .add('GET', '/v1/payment/settings', ({ session }) =>
    json(200, { object: 'payment_settings', declineOn: billingOf(session.world, session.env).declineOn }),
  )
  .add('POST', '/v1/payment/settings', ({ session, req }) => {
    const b = body(req);
    const d = b.declineOn as Record<string, unknown> | undefined;
    if (typeof d !== 'object' || d === null)
      throw new SandboxInputError('give { "declineOn": { "avs": false, "cvc": true } }');
    const billing = billingOf(session.world, session.env);
    for (const k of ['avs', 'cvc'] as const) {
      if (d[k] === undefined) continue;
      if (typeof d[k] !== 'boolean') throw new SandboxInputError(`declineOn.${k} must be true or false`);
      billing.declineOn[k] = d[k];
    }
    return json(200, { object: 'payment_settings', declineOn: billing.declineOn });
  });

export const controlRouter = (session: SandboxSession, req: ApiRequest): ApiResponse =>
  serveRoutes(routes, session, req);
