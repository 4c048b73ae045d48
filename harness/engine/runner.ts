/**
 * Plans and runs a suite on the `sim` target: every scenario × fault combination × persona,
 * each in its own world with its own seed, then assembles the results contract.
 */

import { alwaysOpen, type BusinessCalendar } from '../clock/calendar.ts';
import { calendarRegistry } from '../clock/calendarFiles.ts';
import { parseInstant, toIso } from '../clock/instant.ts';
import {
  type Attachment,
  type Expectation,
  type ResultsFile,
  type RunResult,
  SCHEMA_VERSION,
  type ScenarioResult,
  type Scorecard,
} from '../core/contract.ts';
import { parseFact } from '../core/facts.ts';
import { type ActiveFault, FaultSet } from '../core/faultSet.ts';
import { compareRuns, runKey, type Shard, shardOf, sortScenarios, summarize } from '../core/merge.ts';
import type { RunEnv } from '../core/runEnv.ts';
import { visibility } from '../core/runEnv.ts';
import { toArray, traceEntry } from '../core/trace.ts';
import { cloneWorld, emptyWorld, type World } from '../core/world.ts';
import { type Journey, planJourney } from '../customer/journey.ts';
import { deriveSeed, makePersona, type Persona } from '../customer/persona.ts';
import { runStep } from '../customer/steps.ts';
import { shellQuote, singleQuote } from '../input/shellQuote.ts';
import { advanceTo, givenPurchase } from '../merchant/flows.ts';
import type { MerchantProfile } from '../merchant/profile.ts';
import { staffRemedies } from '../merchant/remedies.ts';
import { directShop, type ShopPort } from '../merchant/shopPort.ts';
import { findingsMismatch, runOracles } from '../oracles/catalogue.ts';
import { combinationKey, expectationFor, faultLabel } from '../scenario/combinations.ts';
import { planCombinations, prunesSupersets, skipsAsSuperset } from '../scenario/faultSpace.ts';
import type { AnyLoadedScenario, LoadedScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';
import { describeFaultUses } from '../services/describeFault.ts';
import { faultCatalogue } from '../services/index.ts';
import { exploreJourney, type JourneyOutcome } from './journeySearch.ts';
import { isOpenLoaded, planOpenRuns } from './open/plan.ts';
import { openScenarioResult, prepareOpen, runOpenScenario } from './open/runOpen.ts';
import { type PlannedRun, runName, runSeedKey } from './plan/runName.ts';
import { recordSearch } from './searchRecord.ts';
import { rememberReads, settingsWatch } from './settingReads.ts';

export const VERSION = '0.1.0';

export interface SuiteOptions {
  seed: number;
  grep?: string;
  /** Leave out the runs whose name (or scenario title) contains this text. */
  grepInvert?: string;
  /** Run only the runs of these names (`--last-failed`). */
  only?: readonly string[];
  shard?: Shard;
  target?: string;
  /** Where the customer meets the merchant in each run (default: the sim model, `directShop`). */
  connect?: Connector;
  calendarsDir?: string;
  onRun?: (label: string) => void;
  /**
   * Stops the suite (Ctrl-C): no run starts once it is aborted, and the suite ends with the
   * runs that finished. In-process, the event loop turns between scenarios so it can be seen.
   */
  signal?: AbortSignal;
}

/** Where runs meet a real merchant (the http, browser and container targets); sim needs none. */
export interface Connector {
  /** Set the target up for one run; returns the shop the run's customer uses. */
  prepareRun(prep: PreparedScenario, combo: readonly string[], seedKey: string): ShopPort;
  /** After a run: the files kept for it when it missed its expectation (screenshot, trace, logs). */
  finishRun?(run: { scenario: string; name: string; pass: boolean; world: World }): Attachment[];
}

export { type PlannedRun, runName, runSeedKey } from './plan/runName.ts';

export function planRuns(
  loaded: AnyLoadedScenario,
  opts: Pick<SuiteOptions, 'grep' | 'grepInvert' | 'only' | 'shard'>,
): PlannedRun[] {
  if (isOpenLoaded(loaded)) return planOpenRuns(loaded, opts);
  const s = loaded.scenario;
  const labels = s.faults.map(faultLabel);
  const out: PlannedRun[] = [];
  for (const combo of planCombinations(s.explore, labels)) {
    for (let p = 0; p < s.personas; p++) {
      const name = runName(s.id, combo, p);
      if (opts.grep && !name.includes(opts.grep) && !s.title.includes(opts.grep)) continue;
      if (opts.grepInvert && (name.includes(opts.grepInvert) || s.title.includes(opts.grepInvert))) continue;
      if (opts.only && !opts.only.includes(name)) continue;
      if (opts.shard && !shardOf(runKey(s.id, combo, p), opts.shard)) continue;
      out.push({ name, combo, persona: p });
    }
  }
  return out;
}

export function countRuns(
  scenarios: readonly AnyLoadedScenario[],
  opts: Pick<SuiteOptions, 'grep' | 'grepInvert' | 'only' | 'shard'>,
): number {
  return scenarios.reduce((n, s) => n + planRuns(s, opts).length, 0);
}

const NEVER = Number.POSITIVE_INFINITY;

/** Everything about a scenario that does not change between its runs. */
export interface PreparedScenario {
  loaded: LoadedScenario;
  profile: MerchantProfile;
  zone: string;
  journey: Journey;
  calendars: (id: string) => BusinessCalendar;
  /** Every fault use, its parameters parsed and its window resolved, in scenario order. */
  faults: ActiveFault[];
  /** Earlier purchases with their instants, oldest first. */
  given: (Scenario['given'][number] & { t: number })[];
  /** Personas already made, by seed, fault combination and index. */
  personas: Map<string, Persona>;
}

const registries = new Map<string, (id: string) => BusinessCalendar>();

/** One registry per calendar folder: the files are read once, the calendars' caches shared. */
function calendarsFor(dir: string): (id: string) => BusinessCalendar {
  let registry = registries.get(dir);
  if (!registry) {
    registry = calendarRegistry(dir);
    registries.set(dir, registry);
  }
  return registry;
}

export function prepare(loaded: LoadedScenario, calendarsDir = 'fixtures/calendars'): PreparedScenario {
  const profile = loaded.merchant;
  const zone = loaded.scenario.customer.timezone ?? profile.timezone;
  const registry = calendarsFor(calendarsDir);
  const s = loaded.scenario;
  const faults: ActiveFault[] = s.faults.map((u) => ({
    label: faultLabel(u),
    def: faultCatalogue.get(u.fault)!,
    params: faultCatalogue.get(u.fault)!.params.parse(u.params),
    from: u.window?.from ? parseInstant(u.window.from, zone) : Number.NEGATIVE_INFINITY,
    until: u.window?.until ? parseInstant(u.window.until, zone) : NEVER,
    probability: u.probability,
    times: u.times,
  }));
  const given = s.given.map((g) => ({ ...g, t: parseInstant(g.at, zone) })).sort((a, b) => a.t - b.t);
  return {
    loaded,
    profile,
    zone,
    journey: planJourney(s, zone),
    calendars: registry,
    faults,
    given,
    personas: new Map(),
  };
}

/**
 * The customer of one run: drawn by faker from a seed derived from the run seed, the scenario,
 * the fault combination and the persona index. Remembered per prepared scenario (a bounded
 * cache), so repeating a run — the what-if analysis, a benchmark — does not reseed faker.
 */
export function personaFor(prep: PreparedScenario, seed: number, combo: string, index: number): Persona {
  const key = `${seed}#${combo}#${index}`;
  let persona = prep.personas.get(key);
  if (!persona) {
    if (prep.personas.size >= 4096) prep.personas.clear();
    persona = makePersona(
      deriveSeed(seed, prep.loaded.scenario.id, combo, index),
      index,
      prep.loaded.scenario.customer,
    );
    prep.personas.set(key, persona);
  }
  return persona;
}

export function buildEnv(prep: PreparedScenario, combo: readonly string[], seedKey: string): RunEnv {
  const { profile, zone } = prep;
  const active = prep.faults.filter((f) => combo.includes(f.label));
  const faults = new FaultSet(active, seedKey);
  const closures = faults.closures();
  const calendars = new Map<string, BusinessCalendar>();
  for (const c of profile.support) {
    let cal = prep.calendars(c.calendar);
    for (const cl of closures)
      if (!cl.channels || cl.channels.includes(c.id)) cal = cal.withClosure(cl.from, cl.until, cl.reason);
    calendars.set(c.id, cal);
  }
  const products = new Map(profile.products.map((p) => [p.id, p]));
  const channels = new Map(profile.support.map((c) => [c.id, c]));
  return {
    profile,
    faults,
    customerZone: zone,
    currency: profile.currency,
    calendar: (id) => calendars.get(id) ?? alwaysOpen(profile.timezone),
    canSee: visibility(profile, faults.silos()),
    product: (id) => {
      const p = products.get(id);
      if (!p) throw new Error(`unknown product ${id}`);
      return p;
    },
    channel: (id) => channels.get(id),
    shop: directShop,
    staff: staffRemedies,
  };
}

/** The world as it stands when the journey starts: earlier purchases made, time advanced. */
export function initialWorld(prep: PreparedScenario, env: RunEnv, persona: Persona): World {
  const given = prep.given;
  const world = emptyWorld(Math.min(prep.journey.start, ...given.map((g) => g.t)), persona.email);
  for (const g of given) {
    advanceTo(world, env, g.t);
    givenPurchase(world, env, g.owns, g.channel, g.quantity);
  }
  advanceTo(world, env, prep.journey.start);
  return world;
}

function scorecard(o: JourneyOutcome, env: RunEnv): Scorecard {
  const w = o.world;
  const c = w.customer;
  let lost = 0;
  for (const ch of w.charges) {
    if (ch.status !== 'succeeded') continue;
    const order = w.orders.find((x) => x.id === ch.orderId);
    const sub = w.subscriptions.find((s) => s.id === ch.subscriptionId);
    const product = order ? env.product(order.product) : sub ? env.product(sub.product) : undefined;
    const kept = order
      ? order.status !== 'lost' && order.status !== 'cancelled' && order.status !== 'refunded'
      : sub
        ? sub.status === 'active'
        : false;
    // Paid for and never received (a lost parcel, a key that never came) counts as lost money.
    // On a journey that reached its goal, an order still on its way is not lost.
    const received =
      product !== undefined &&
      (o.outcome !== 'dead-end' ||
        w.customer.facts.some((f) => {
          const fact = parseFact(f);
          return fact.subject === product.id && fact.verb !== 'ordered';
        }));
    const value = kept && received && product ? product.price : 0;
    lost += Math.max(0, ch.amount - value);
  }
  return {
    timeToResolutionHours:
      o.troubleAt !== undefined && o.goalAt !== undefined
        ? Math.round(((o.goalAt - o.troubleAt) / 3_600_000) * 100) / 100
        : null,
    contacts: c.contacts,
    calls: c.calls,
    storeVisits: c.storeVisits,
    effortHours: Math.round((c.effortMinutes / 60) * 100) / 100,
    moneyLost: Math.round(lost * 100) / 100,
    currency: env.currency,
  };
}

export interface RunOne {
  result: RunResult;
  world: World;
}

export function runOne(prep: PreparedScenario, run: PlannedRun, seed: number, connect?: Connector): RunOne {
  const s = prep.loaded.scenario;
  const comboKey = combinationKey(run.combo);
  const persona = personaFor(prep, seed, comboKey, run.persona);
  const seedKey = runSeedKey(seed, s.id, run);
  // The settings this run reads are noted, so the what-if can skip changes a dead end cannot feel.
  const watch = settingsWatch(prep);
  const model = buildEnv(watch.prep, run.combo, seedKey);
  const env = connect ? { ...model, shop: connect.prepareRun(prep, run.combo, seedKey) } : model;
  watch.reads.clear();
  const world = initialWorld(prep, env, persona);
  const searched = recordSearch();
  const outcome = exploreJourney(env, prep.journey, world, { observe: searched.observe });
  if (outcome.outcome === 'dead-end') rememberReads(prep.loaded, seed, run, watch.reads);
  const final = cloneWorld(outcome.world);
  if (outcome.outcome !== 'dead-end')
    for (const step of prep.journey.afterwards) runStep(final, env, prep.journey, step);
  const rule = expectationFor(s.expect, run.combo);
  const expected: Expectation = rule
    ? { outcome: rule.outcome, ...(rule.findings ? { findings: rule.findings } : {}) }
    : { outcome: 'ok' };
  const events = toArray(final.trace);
  const findings = runOracles({
    events,
    profile: prep.profile,
    products: prep.profile.products,
    zone: prep.zone,
  });
  const findingsMiss = rule?.findings ? findingsMismatch(rule.findings, findings) : undefined;
  const pass = rule !== undefined && rule.outcome === outcome.outcome && findingsMiss === undefined;
  const trace = events.map(traceEntry);
  const result: RunResult = {
    faults: run.combo,
    persona: { index: persona.index, name: persona.name, email: persona.email },
    outcome: outcome.outcome,
    expected,
    pass,
    ...(pass
      ? {}
      : {
          failure: !rule
            ? 'no expectation covers this fault combination'
            : [
                ...(rule.outcome !== outcome.outcome
                  ? [`expected ${rule.outcome}, got ${outcome.outcome}`]
                  : []),
                ...(findingsMiss ? [findingsMiss] : []),
              ].join('; '),
        }),
    explanation: outcome.explanation,
    ...(outcome.frontier.length ? { frontier: outcome.frontier } : {}),
    path: outcome.path,
    scorecard: scorecard({ ...outcome, world: final }, env),
    findings,
    trace,
    replay: `npx deadend run ${shellQuote(prep.loaded.file)} --seed ${seed} --grep ${singleQuote(run.name)}`,
    stats: { statesExplored: outcome.statesExplored },
  };
  if (outcome.outcome !== 'ok') result.search = searched.result();
  const attachments = connect?.finishRun?.({ scenario: s.id, name: run.name, pass, world: final });
  if (attachments?.length) result.attachments = attachments;
  return { result, world: final };
}

export async function runSuite(
  scenarios: readonly AnyLoadedScenario[],
  opts: SuiteOptions,
): Promise<ResultsFile> {
  const results: ScenarioResult[] = [];
  try {
    for (const result of streamSuite(scenarios, opts)) {
      results.push(result);
      // On a real target, let the event loop turn between scenarios: Ctrl-C must be able to stop
      // the run and remove a merchant container.
      if (opts.connect || opts.signal) await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (e) {
    // Nothing already computed is lost: the caller can still report the runs that finished.
    if (e instanceof Error && results.length > 0) Object.assign(e, { partial: suiteResults(results, opts) });
    throw e;
  }
  return suiteResults(results, opts);
}

/**
 * The suite one scenario at a time, in the canonical order of results.json (scenarios by id
 * and file, runs by fault combination): a consumer that writes each result away and drops it
 * (writeResultsStreaming) runs a suite of any size in flat memory.
 */
export function* streamSuite(
  scenarios: readonly AnyLoadedScenario[],
  opts: SuiteOptions,
): Generator<ScenarioResult> {
  const ordered = [...scenarios].sort(
    (a, b) => byText(a.scenario.id, b.scenario.id) || byText(a.file, b.file),
  );
  for (const loaded of ordered) {
    const runs = planRuns(loaded, opts);
    if (runs.length === 0) continue;
    if (isOpenLoaded(loaded)) {
      // engine/open runs it, in the same shapes as a seed's.
      const result = runOpenScenario(loaded, { ...opts, record: recordSearch }, runs);
      if (result) yield result;
      if (opts.signal?.aborted) return;
      continue;
    }
    const prep = prepare(loaded, opts.calendarsDir);
    const out: RunResult[] = [];
    // smallest-failing over monotone faults: a run containing a dead end is not run at all.
    const prune = prunesSupersets(loaded.scenario.explore);
    const deadEnds = new Map<number, string[][]>();
    for (const run of runs) {
      if (opts.signal?.aborted) break;
      if (prune && skipsAsSuperset(run.combo, deadEnds.get(run.persona) ?? [])) continue;
      try {
        const result = runOne(prep, run, opts.seed, opts.connect).result;
        out.push(result);
        if (prune && result.outcome === 'dead-end')
          deadEnds.set(run.persona, [...(deadEnds.get(run.persona) ?? []), run.combo]);
      } catch (e) {
        // A real target broke down: hand over what this scenario finished before it did.
        if (opts.connect && out.length > 0) yield scenarioResult(prep, out.sort(compareRuns));
        throw e;
      }
      opts.onRun?.(run.name);
    }
    if (out.length > 0) yield scenarioResult(prep, out.sort(compareRuns));
    if (opts.signal?.aborted) return;
  }
}

/** A scenario's entry in the results around runs already made (parallel.ts assembles them). */
export function scenarioEntry(
  loaded: AnyLoadedScenario,
  runs: RunResult[],
  calendarsDir?: string,
): ScenarioResult {
  return isOpenLoaded(loaded)
    ? openScenarioResult(prepareOpen(loaded, calendarsDir), runs)
    : scenarioResult(prepare(loaded, calendarsDir), runs);
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A scenario's entry in the results around its runs (harness/engine/parallel.ts builds it too). */
export function scenarioResult(prep: PreparedScenario, runs: RunResult[]): ScenarioResult {
  const s = prep.loaded.scenario;
  return {
    id: s.id,
    file: prep.loaded.file,
    title: s.title,
    ...(s.story ? { story: s.story } : {}),
    merchant: prep.profile.id,
    timezone: prep.zone,
    goal: s.goal.description,
    deadline: toIso(prep.journey.deadline),
    faultNames: describeFaultUses(s.faults),
    ...closures(prep),
    runs,
  };
}

/** The periods a fault closes channels, by fault label: the timeline shades them. */
function closures(prep: PreparedScenario): Pick<ScenarioResult, 'closures'> {
  const out: NonNullable<ScenarioResult['closures']> = {};
  for (const f of prep.faults) {
    const closed = f.def.closes?.(f.params as never);
    if (!closed || !Number.isFinite(f.from) || !Number.isFinite(f.until)) continue;
    out[f.label] = {
      from: toIso(f.from),
      until: toIso(f.until),
      reason: closed.reason,
      ...(closed.channels ? { channels: closed.channels } : {}),
    };
  }
  return Object.keys(out).length ? { closures: out } : {};
}

/** The results file around the scenarios' results: canonical order and the summary. */
export function suiteResults(
  results: readonly ScenarioResult[],
  opts: Pick<SuiteOptions, 'seed' | 'grep' | 'shard' | 'target'>,
): ResultsFile {
  const sorted = sortScenarios(results);
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'deadend', version: VERSION },
    seed: opts.seed,
    target: opts.target ?? 'sim',
    selection: {
      ...(opts.grep ? { grep: opts.grep } : {}),
      ...(opts.shard ? { shard: `${opts.shard.index}/${opts.shard.total}` } : {}),
    },
    summary: summarize(sorted),
    scenarios: sorted,
  };
}
