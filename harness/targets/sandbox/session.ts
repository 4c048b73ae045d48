/**
 * A sandbox session: one World and RunEnv (built by the runner's own helpers), its virtual
 * clock, its faults and its trace — the state every network API of `deadend sandbox` serves.
 * Routers and transports hold no state of their own; they call into the session.
 *
 * The clock is virtual: it never reads the wall clock and moves only when asked (the control
 * API, or `advanceBy` / `advanceTo`), handling whatever falls due on the way — mail arriving,
 * renewals — exactly as `sim` does.
 */
import { join } from 'node:path';
import { ZodError } from 'zod';
import { parseInstant, toIso } from '../../clock/instant.ts';
import { packageRoot } from '../../core/modulePath.ts';
import type { RunEnv } from '../../core/runEnv.ts';
import { advanceTo } from '../../core/scheduler.ts';
import { type TraceEvent, toArray } from '../../core/trace.ts';
import {
  SandboxInputError,
  type StoredMail,
  type StoredResponse,
  type WireContext,
} from '../../core/wire.ts';
import { emptyWorld, type World } from '../../core/world.ts';
import { deriveSeed, makePersona, type Persona } from '../../customer/persona.ts';
import { buildEnv, initialWorld, type PreparedScenario, prepare } from '../../engine/runner.ts';
import { didYouMean } from '../../input/didYouMean.ts';
import { type MerchantProfile, merchantProfileSchema } from '../../merchant/profile.ts';
import { faultLabel } from '../../scenario/combinations.ts';
import { type LoadedScenario, loadScenarioFile } from '../../scenario/load.ts';
import { type FaultUse, faultUseSchema, scenarioSchema } from '../../scenario/schema.ts';
import { billingOf, type DeclineOn, faultCatalogue } from '../../services/index.ts';

const ROOT = packageRoot();
export const DEFAULT_CALENDARS_DIR = join(ROOT, 'fixtures', 'calendars');
export const DEFAULT_START = '2026-03-02T09:00';
export const DEFAULT_EMAIL = 'customer@example.net';

/** The merchant of a session without a scenario: one product of every kind, three support channels. */
export const SANDBOX_MERCHANT: MerchantProfile = merchantProfileSchema.parse({
  id: 'sandbox-shop',
  name: 'Sandbox Shop',
  timezone: 'America/New_York',
  currency: 'USD',
  products: [
    { id: 'app', name: 'App', price: 49, kind: 'licence', fulfilledBy: 'licence-server' },
    { id: 'mug', name: 'Mug', price: 20, kind: 'physical', shippingDays: 3 },
    {
      id: 'club',
      name: 'Club membership',
      price: 99,
      kind: 'membership',
      fulfilledBy: 'portal',
      term: 'P365D',
    },
    { id: 'guard', name: 'Guard', price: 30, renewalPrice: 50, kind: 'subscription', term: 'P365D' },
  ],
  sales: { web: 'web-store', store: 'store-pos' },
  systems: [
    { id: 'web-store', sharesWith: ['licence-server', 'portal', 'billing'] },
    { id: 'store-pos', sharesWith: ['portal'] },
    { id: 'licence-server' },
    { id: 'portal' },
    { id: 'billing', sharesWith: ['notifications'] },
    { id: 'notifications' },
  ],
  support: [
    {
      id: 'email',
      kind: 'email',
      name: 'Sandbox Shop support (e-mail)',
      calendar: 'office-9-to-5-ny',
      responseTime: '1 business day',
      sees: ['web-store', 'billing'],
      remedies: ['resend-mail', 'explain-order', 'update-email', 'refund', 'cancel-subscription'],
    },
    {
      id: 'phone',
      kind: 'phone',
      name: 'Sandbox Shop hotline',
      calendar: 'office-9-to-5-ny',
      responseTime: 'PT20M',
      sees: ['web-store', 'billing'],
      remedies: ['read-out-key', 'resend-mail', 'explain-order', 'reship', 'refund', 'cancel-subscription'],
    },
    {
      id: 'chat',
      kind: 'chat',
      name: 'Sandbox Shop chat',
      calendar: 'always-open',
      responseTime: 'PT10M',
      sees: ['web-store'],
      remedies: ['resend-mail', 'explain-order'],
    },
  ],
});

export interface SessionOptions {
  /** A scenario (file or loaded): its merchant, customer, start, earlier purchases and fault space. */
  scenario?: string | LoadedScenario;
  /** Labels of the scenario's faults active from the start (default: none). */
  faults?: string[];
  /** Seed of every random choice (fault probabilities, the persona). Default 1. */
  seed?: number;
  /** Without a scenario: the merchant (default SANDBOX_MERCHANT). */
  merchant?: MerchantProfile;
  /** Without a scenario: where the clock starts, local time in the merchant's zone (or epoch ms). */
  start?: string | number;
  /** Without a scenario: the customer's address (the world's customer). */
  email?: string;
  calendarsDir?: string;
  /** Failed card checks the payment processor turns into declines (default: none; the merchant decides). */
  declineOn?: Partial<DeclineOn>;
}

const MAX_IDEMPOTENCY_KEYS = 20_000;

function syntheticScenario(opts: SessionOptions): LoadedScenario {
  const merchant = opts.merchant ?? SANDBOX_MERCHANT;
  const start =
    opts.start === undefined
      ? DEFAULT_START
      : typeof opts.start === 'number'
        ? toIso(opts.start)
        : opts.start;
  const scenario = scenarioSchema.parse({
    id: 'sandbox',
    title: 'deadend sandbox',
    merchant: merchant.id,
    customer: { timezone: merchant.timezone, email: opts.email ?? DEFAULT_EMAIL },
    start,
    goal: {
      description: 'none: the sandbox serves a real merchant',
      needs: ['statement'],
      deadline: '2999-01-01T00:00',
    },
    steps: [{ wait: { for: 'PT1H' } }],
    faults: [],
    expect: [{ otherwise: true, outcome: 'ok' }],
  });
  return { file: '(sandbox)', scenario, merchant, merchantFile: '(sandbox)' };
}

export { SandboxInputError, type StoredMail, type StoredResponse } from '../../core/wire.ts';

export class SandboxSession implements WireContext {
  base: PreparedScenario;
  readonly seed: number;
  seedKey: string;
  readonly persona: Persona;
  /** Whether the session was built from a scenario file (else the sandbox merchant and no faults). */
  fromScenario: boolean;
  env!: RunEnv;
  world!: World;
  /**
   * The world of an open-vocabulary scenario's run (a harness/vocabulary/world VWorld), when the
   * session serves one: the http target sets it per run, and its `/v1/vocabulary/…` router
   * (targets/http/vocabularyApi.ts) acts on it. Typed loosely so the sandbox does not depend on
   * the vocabulary layer.
   */
  openWorld: object | undefined;
  /** Every fault use the session knows: the scenario's, then those injected through the control API. */
  uses: FaultUse[] = [];
  /** Labels of the active fault uses. */
  active: string[] = [];
  readonly mail = new Map<string, StoredMail>();
  readonly idempotency = new Map<string, StoredResponse>();
  /** Requests served, for request ids (`req_…`). */
  requests = 0;
  readonly #initial: { active: string[]; declineOn: DeclineOn };
  readonly #calendarsDir: string;

  constructor(opts: SessionOptions & { scenario?: LoadedScenario } = {}) {
    const loaded = opts.scenario ?? syntheticScenario(opts);
    this.fromScenario = opts.scenario !== undefined;
    this.#calendarsDir = opts.calendarsDir ?? DEFAULT_CALENDARS_DIR;
    this.base = prepare(loaded, this.#calendarsOfBase());
    this.seed = opts.seed ?? 1;
    const id = loaded.scenario.id;
    this.seedKey = String(deriveSeed(this.seed, id, 'sandbox', 0));
    // The persona `sim` uses for slot 0 under this seed (harness/engine/runner.ts).
    this.persona = makePersona(deriveSeed(this.seed, id, 'persona', 0), 0, loaded.scenario.customer);
    this.uses = [...loaded.scenario.faults];
    const labels = new Set(this.uses.map(faultLabel));
    for (const label of opts.faults ?? []) {
      if (!labels.has(label))
        throw new SandboxInputError(`the scenario has no fault "${label}"${didYouMean(label, labels)}`);
    }
    this.#initial = {
      active: [...(opts.faults ?? [])],
      declineOn: { avs: false, cvc: false, ...opts.declineOn },
    };
    this.reset();
  }

  /** A session for a scenario file, a loaded scenario, or none. */
  static async open(opts: SessionOptions = {}): Promise<SandboxSession> {
    if (typeof opts.scenario !== 'string')
      return new SandboxSession(opts as SessionOptions & { scenario?: LoadedScenario });
    const { value, errors } = await loadScenarioFile(opts.scenario);
    if (!value)
      throw new SandboxInputError(errors.map((e) => `${e.file}:${e.line}:${e.col}: ${e.message}`).join('\n'));
    return new SandboxSession({ ...opts, scenario: value });
  }

  get now(): number {
    return this.world.now;
  }

  get zone(): string {
    return this.base.zone;
  }

  /** The world and faults back to the start: a fresh world, the starting faults (unless kept). */
  reset(opts: { keepFaults?: boolean } = {}): void {
    if (!opts.keepFaults) {
      this.uses = [...this.base.loaded.scenario.faults];
      this.active = [...this.#initial.active];
    }
    this.rebuildEnv();
    this.world = this.fromScenario
      ? initialWorld(this.base, this.env, this.persona)
      : emptyWorld(this.base.journey.start, this.persona.email);
    billingOf(this.world, this.env).declineOn = { ...this.#initial.declineOn };
    this.openWorld = undefined;
    this.mail.clear();
    this.idempotency.clear();
  }

  /**
   * Serve one run of a scenario, as the `http` target does before each run: its merchant, its
   * active faults and the run's seed key, so every fault draws as it would in `sim`. The world
   * is then the run's to set (`restore`).
   */
  useRun(loaded: LoadedScenario, faults: readonly string[], seedKey: string): void {
    this.base = prepare(loaded, this.#calendarsDir);
    this.fromScenario = true;
    this.seedKey = seedKey;
    this.uses = [...loaded.scenario.faults];
    const labels = new Set(this.uses.map(faultLabel));
    for (const label of faults)
      if (!labels.has(label))
        throw new SandboxInputError(`the scenario has no fault "${label}"${didYouMean(label, labels)}`);
    this.active = [...faults];
    this.rebuildEnv();
    this.world = initialWorld(this.base, this.env, this.persona);
    this.openWorld = undefined;
    this.mail.clear();
    this.idempotency.clear();
  }

  /** Replace the whole state (a snapshot taken by `snapshot`, or a world the harness forked). */
  restore(world: World): void {
    this.world = world;
  }

  /**
   * The calendars of the merchant served now: the synthetic scenario's (deadend's reference
   * merchant) are deadend's own, wherever the user's calendars are (a project of its own has none
   * of them); a scenario's are in the calendars folder given.
   */
  #calendarsOfBase(): string {
    return this.fromScenario ? this.#calendarsDir : DEFAULT_CALENDARS_DIR;
  }

  /** A RunEnv for the current fault uses, built the way the runner builds one for a run. */
  private rebuildEnv(): void {
    const loaded = this.base.loaded;
    const prep = prepare(
      { ...loaded, scenario: { ...loaded.scenario, faults: this.uses } },
      this.#calendarsOfBase(),
    );
    this.env = buildEnv(prep, this.active, this.seedKey);
  }

  /**
   * Activate a fault: `{ label }` names one of the scenario's fault uses; anything else is a
   * fault use as a scenario writes it (`{ fault, params?, window?, probability?, times?, id? }`).
   * Returns its label. A use with the label of an existing one replaces it; its hit count restarts.
   */
  inject(input: unknown): string {
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      throw new SandboxInputError(
        'a fault is an object: { "fault": "mail.spam-foldered", "params": { … } } or { "label": "…" }',
      );
    const o = input as Record<string, unknown>;
    if (o.fault === undefined && typeof o.label === 'string') {
      const labels = this.uses.map(faultLabel);
      if (!labels.includes(o.label))
        throw new SandboxInputError(`no fault use labelled "${o.label}"${didYouMean(o.label, labels)}`, 404);
      if (!this.active.includes(o.label)) this.active.push(o.label);
      delete this.world.faultHits[o.label];
      this.rebuildEnv();
      return o.label;
    }
    let use: FaultUse;
    try {
      use = faultUseSchema.parse(input);
    } catch (e) {
      throw new SandboxInputError(zodMessage(e, 'fault'));
    }
    const def = faultCatalogue.get(use.fault);
    if (!def)
      throw new SandboxInputError(
        `unknown fault "${use.fault}"${didYouMean(use.fault, faultCatalogue.keys())}`,
      );
    try {
      use = { ...use, params: def.params.parse(use.params) as Record<string, unknown> };
    } catch (e) {
      throw new SandboxInputError(zodMessage(e, `${use.fault} params`));
    }
    if (def.needsWindow && !use.window?.from && !use.window?.until)
      throw new SandboxInputError(`${use.fault} needs a window: { "from": "…", "until": "…" }`);
    for (const key of ['from', 'until'] as const) {
      const text = use.window?.[key];
      if (text === undefined) continue;
      try {
        parseInstant(text, this.zone);
      } catch (e) {
        throw new SandboxInputError(`window.${key}: ${(e as Error).message}`);
      }
    }
    const label = faultLabel(use);
    this.uses = [...this.uses.filter((u) => faultLabel(u) !== label), use];
    if (!this.active.includes(label)) this.active.push(label);
    delete this.world.faultHits[label];
    this.rebuildEnv();
    return label;
  }

  /** Deactivate one fault (or all). Injected uses are forgotten; the scenario's stay available. */
  clear(label?: string): void {
    if (label !== undefined && !this.active.includes(label))
      throw new SandboxInputError(`no active fault "${label}"${didYouMean(label, this.active)}`, 404);
    const cleared = label === undefined ? this.active : [label];
    const scenarioLabels = new Set(this.base.loaded.scenario.faults.map(faultLabel));
    this.active = this.active.filter((l) => !cleared.includes(l));
    this.uses = this.uses.filter(
      (u) => scenarioLabels.has(faultLabel(u)) || this.active.includes(faultLabel(u)),
    );
    this.rebuildEnv();
  }

  /** Move the clock forward to `t`, handling everything that falls due on the way. */
  advanceTo(t: number): { from: number; to: number } {
    if (!Number.isFinite(t)) throw new SandboxInputError('the clock needs a finite time');
    const from = this.world.now;
    if (t < from)
      throw new SandboxInputError(`the clock never goes back: it is ${toIso(from)}, asked for ${toIso(t)}`);
    advanceTo(this.world, this.env, t);
    return { from, to: this.world.now };
  }

  advanceBy(ms: number): { from: number; to: number } {
    if (!(ms >= 0)) throw new SandboxInputError('the clock moves forward only: give a positive duration');
    return this.advanceTo(this.world.now + ms);
  }

  /** The trace so far (from event `since` on). */
  trace(since = 0): TraceEvent[] {
    const all = toArray(this.world.trace);
    return since > 0 ? all.slice(since) : all;
  }

  nextRequestId(): string {
    this.requests += 1;
    return `req_sandbox${String(this.requests).padStart(8, '0')}`;
  }

  /** Remember a response for an idempotency key (bounded: the oldest keys are forgotten first). */
  remember(key: string, response: StoredResponse): void {
    if (this.idempotency.size >= MAX_IDEMPOTENCY_KEYS) {
      const oldest = this.idempotency.keys().next().value;
      if (oldest !== undefined) this.idempotency.delete(oldest);
    }
    this.idempotency.set(key, response);
  }
}

function zodMessage(e: unknown, what: string): string {
  if (e instanceof ZodError)
    return e.issues
      .map((i) => `${what}${i.path.length ? `.${i.path.join('.')}` : ''}: ${i.message}`)
      .join('; ');
  return `${what}: ${(e as Error).message}`;
}
