/**
 * Test support for the engine's unit tests: a merchant, a one-scenario fault space and the
 * run environment built from them by the real runner (`prepare` + `buildEnv`), so fault
 * params, windows and support closures go through the same code as in a suite run.
 */
import { parseInstant } from '../../clock/instant.ts';
import type { RunEnv } from '../../core/runEnv.ts';
import { type TraceEvent, toArray } from '../../core/trace.ts';
import { emptyWorld, type World } from '../../core/world.ts';
import { placeOrder } from '../../customer/steps.ts';
import { type MerchantProfile, merchantProfileSchema } from '../../merchant/profile.ts';
import { faultLabel } from '../../scenario/combinations.ts';
import type { LoadedScenario } from '../../scenario/load.ts';
import { type ScenarioInput, scenarioSchema } from '../../scenario/schema.ts';
import { buildEnv, type PreparedScenario, prepare } from '../runner.ts';

export const EMAIL = 'pat.doe@example.net';
export const ZONE = 'America/New_York';

type MerchantInput = Record<string, unknown>;

/** A small shop that sells one product of every kind; `over` replaces top-level keys. */
export function shop(over: MerchantInput = {}): MerchantProfile {
  return merchantProfileSchema.parse({
    id: 'test-shop',
    name: 'Test Shop',
    timezone: ZONE,
    products: [
      { id: 'app', name: 'App', price: 100, kind: 'licence', fulfilledBy: 'licence-server' },
      { id: 'mug', name: 'Mug', price: 20, kind: 'physical', shippingDays: 3 },
      { id: 'club', name: 'Club', price: 99, kind: 'membership', fulfilledBy: 'portal' },
      { id: 'guard', name: 'Guard', price: 30, renewalPrice: 50, kind: 'subscription', term: 'P365D' },
    ],
    sales: { web: 'web-store', store: 'store-pos' },
    systems: [
      { id: 'web-store', sharesWith: ['licence-server', 'portal'] },
      { id: 'store-pos', sharesWith: ['portal'] },
      { id: 'licence-server' },
      { id: 'portal' },
    ],
    support: [
      {
        id: 'phone',
        kind: 'phone',
        name: 'the hotline',
        calendar: 'office-9-to-5-ny',
        responseTime: 'PT20M',
        sees: ['web-store'],
      },
    ],
    ...over,
  });
}

export interface Sandbox {
  env: RunEnv;
  world: World;
  prep: PreparedScenario;
  /** A local time in the merchant's zone. */
  at(text: string): number;
}

/**
 * A run environment with the given faults active (all of them unless `combo` names labels)
 * and an empty world at `start` for a customer with the address EMAIL.
 */
export function sandbox(
  opts: {
    merchant?: MerchantProfile;
    faults?: ScenarioInput['faults'];
    combo?: string[];
    start?: string;
    seedKey?: string;
    scenario?: Partial<ScenarioInput>;
  } = {},
): Sandbox {
  const merchant = opts.merchant ?? shop();
  const scenario = scenarioSchema.parse({
    id: 'unit',
    title: 'unit',
    merchant: merchant.id,
    customer: { timezone: merchant.timezone },
    start: opts.start ?? '2026-03-02T10:00',
    goal: { description: 'unit', needs: ['statement'], deadline: '2027-01-01T00:00' },
    steps: [{ wait: { for: 'PT1H' } }],
    faults: opts.faults ?? [],
    expect: [{ otherwise: true, outcome: 'ok' }],
    ...opts.scenario,
  });
  const loaded: LoadedScenario = {
    file: 'unit.yaml',
    scenario,
    merchant,
    merchantFile: 'unit-merchant.yaml',
  };
  const prep = prepare(loaded);
  const env = buildEnv(prep, opts.combo ?? scenario.faults.map(faultLabel), opts.seedKey ?? 'unit-seed');
  const world = emptyWorld(prep.journey.start, EMAIL);
  return { env, world, prep, at: (text) => parseInstant(text, merchant.timezone) };
}

export function events(world: World, kind?: string): TraceEvent[] {
  const all = toArray(world.trace);
  return kind === undefined ? all : all.filter((e) => e.kind === kind);
}

/** The customer orders one of a product on the web, customer-side faults included (a typo, a slow page). */
export function webOrder(sb: Sandbox, product: string) {
  const res = placeOrder(sb.world, sb.env, {
    product,
    channel: 'web',
    shipping: 'standard',
    quantity: 1,
    email: EMAIL,
  });
  return res.ok ? { ok: true as const, order: sb.world.orders.find((o) => o.id === res.orderId)! } : res;
}
