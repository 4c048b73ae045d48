/**
 * One run of an open-vocabulary scenario, start to results (the same RunResult and
 * ScenarioResult shapes as a seed's): the world set up for the persona and the fault
 * combination, the journey explored, the chosen world run on to the horizon, the oracles over
 * its trace, the scorecard, and the run's expectation checked part by part.
 */
import type { BusinessCalendar, CalendarDefinition } from '../../clock/calendar.ts';
import { calendarRegistry, loadCalendarDefinitions } from '../../clock/calendarFiles.ts';
import { parseInstant, toIso } from '../../clock/instant.ts';
import type { RunResult, ScenarioResult, SearchRecord } from '../../core/contract.ts';
import type { ActiveFault } from '../../core/faultSet.ts';
import { compareRuns } from '../../core/merge.ts';
import { toArray, traceEntry } from '../../core/trace.ts';
import { shellQuote, singleQuote } from '../../input/shellQuote.ts';
import { runVocabularyOracles } from '../../oracles/vocabulary/index.ts';
import { faultLabel } from '../../scenario/combinations.ts';
import type { LoadedOpenScenario } from '../../vocabulary/loaded.ts';
import { faultWithPlugins, NO_PLUGINS } from '../../vocabulary/plugins/index.ts';
import { createWorld, type RunSetup, type VWorld } from '../../vocabulary/world/index.ts';
import { type PlannedRun, runSeedKey } from '../plan/runName.ts';
import { drawnTraitWords, drawsPersonas, personaOf } from './drawPersona.ts';
import { expectationMisses, expectedOracles, expectedOutcome, openExpectationFor } from './expectations.ts';
import { tooSlow } from './frontier.ts';
import { type Goal, goalOf } from './goal.ts';
import { afterGivingUp, horizonOf, runToHorizon, whileWaiting } from './horizon.ts';
import { exploreOpen } from './journey.ts';
import { type OpenPersona, openPersonas, planOpenRuns, type RunSelection } from './plan.ts';
import { type CustomerPort, servesOpenScenarios, worldPort } from './port.ts';
import { moveId } from './recovery.ts';
import { openScorecard } from './scorecard.ts';
import { outcomeShares } from './shares.ts';
import { ownSentence } from './words.ts';

/** Everything about an open scenario that does not change between its runs. */
export interface PreparedOpen {
  loaded: LoadedOpenScenario;
  zone: string;
  goal: Goal;
  personas: OpenPersona[];
  faults: ActiveFault[];
  calendars: (id: string) => BusinessCalendar;
  calendarDefinitions: (id: string) => CalendarDefinition | undefined;
}

interface CalendarFolder {
  registry: (id: string) => BusinessCalendar;
  definitions: Map<string, CalendarDefinition>;
}
const folders = new Map<string, CalendarFolder>();

function calendarFolder(dir: string): CalendarFolder {
  let f = folders.get(dir);
  if (!f) {
    const loaded = loadCalendarDefinitions(dir);
    f = { registry: calendarRegistry(dir), definitions: new Map([...loaded].map(([id, c]) => [id, c.def])) };
    folders.set(dir, f);
  }
  return f;
}

export function prepareOpen(loaded: LoadedOpenScenario, calendarsDir = 'fixtures/calendars'): PreparedOpen {
  const s = loaded.scenario;
  const zone = s.customer.timezone ?? loaded.profile.timezone;
  const folder = calendarFolder(calendarsDir);
  const faults: ActiveFault[] = s.faults.map((u) => {
    const def = faultWithPlugins(loaded.plugins ?? NO_PLUGINS, u.fault);
    if (!def)
      throw new Error(`${loaded.file}: unknown vocabulary fault ${u.fault} (the loader should have said so)`);
    return {
      label: faultLabel(u),
      def,
      params: def.params.parse(u.params),
      from: u.window?.from ? parseInstant(u.window.from, zone) : Number.NEGATIVE_INFINITY,
      until: u.window?.until ? parseInstant(u.window.until, zone) : Number.POSITIVE_INFINITY,
      probability: 1,
      times: u.times,
    };
  });
  return {
    loaded,
    zone,
    goal: goalOf(s, zone),
    personas: openPersonas(loaded),
    faults,
    calendars: folder.registry,
    calendarDefinitions: (id) => folder.definitions.get(id),
  };
}

/** The connector of a real target, as runner.ts passes it (seed-only ones have no prepareOpenRun). */
export type AnyConnector = object | undefined;

export interface OpenRunOne {
  result: RunResult;
  world: VWorld;
}

/** The world's setup of one run: its persona, the faults of its combination, its seeded key. */
export function openRunSetup(
  prep: PreparedOpen,
  run: Pick<PlannedRun, 'combo' | 'persona'>,
  seed: number,
): RunSetup {
  const persona = personaOf(prep.loaded, prep.personas, run.persona, seed);
  return {
    loaded: prep.loaded,
    persona: { id: persona.id, traits: persona.traits, channels: persona.channels },
    faults: prep.faults.filter((f) => run.combo.includes(f.label)),
    seedKey: runSeedKey(seed, prep.loaded.scenario.id, run),
    calendars: prep.calendars,
    calendarDefinitions: prep.calendarDefinitions,
  };
}

export function runOpenOne(
  prep: PreparedOpen,
  run: PlannedRun,
  seed: number,
  connect?: AnyConnector,
  /** What the recovery search tried, for the journey map (runner.ts passes engine/searchRecord's). */
  record?: { observe(path: readonly string[], end?: string): void; result(): SearchRecord },
): OpenRunOne {
  const { loaded, zone, goal } = prep;
  const s = loaded.scenario;
  const persona = personaOf(loaded, prep.personas, run.persona, seed);
  const drawn = drawsPersonas(loaded);
  const setup = openRunSetup(prep, run, seed);
  let port: CustomerPort = worldPort;
  if (connect !== undefined) {
    if (!servesOpenScenarios(connect))
      throw new Error(
        `${loaded.file}: this target runs seed scenarios only; run open-vocabulary scenarios on sim (--target sim)`,
      );
    port = connect.prepareOpenRun({ loaded, combo: run.combo, setup });
  }
  const start = createWorld(setup);
  const outcome = exploreOpen(
    start,
    port,
    { steps: s.steps, goal, maxActions: s.explore?.maxActions ?? 14 },
    record ? (path, end) => record.observe(path, end) : undefined,
  );
  const horizon = horizonOf(outcome.world, s, goal.deadline);
  const final = runToHorizon(
    outcome.world,
    horizon,
    outcome.outcome === 'dead-end' ? (outcome.trouble ?? 'no way to the goal') : undefined,
  );
  if (outcome.outcome === 'dead-end') {
    // Where the customer gave up may be later than the trouble (they let it rest, they kept
    // asking): what changed meanwhile, what would still end too late from there, and after.
    const gaveUp = outcome.world;
    const later = gaveUp.now > (outcome.troubleAt ?? gaveUp.now);
    const more = [
      later ? whileWaiting(gaveUp, outcome.troubleAt!) : undefined,
      ...(later ? tooSlow(gaveUp, goal).map(ownSentence) : []),
      afterGivingUp(final),
    ].filter((x): x is string => x !== undefined && !outcome.frontier.includes(x));
    outcome.frontier.push(...more);
    if (more.length) outcome.explanation = `${outcome.explanation} ${more.join(' ')}`;
  }
  const events = toArray(final.trace);
  const findings = runVocabularyOracles({ events, loaded });
  const scorecard = openScorecard(outcome, final);
  // An entry's `persona:` names a declared persona; drawn ones are covered by entries without it.
  const named = Array.isArray(s.personas);
  const rule = openExpectationFor(s.expect, run.combo, named ? persona.id : undefined);
  const findingIds = rule ? expectedOracles(rule) : undefined;
  const misses = rule
    ? expectationMisses(rule, {
        outcome: outcome.outcome,
        findings,
        scorecard,
        events,
        words: [outcome.explanation, ...outcome.frontier],
        zone,
      })
    : ['no expectation covers this fault combination and persona'];
  const pass = misses.length === 0;
  const email = s.customer.addresses.email?.current ?? '';
  // A drawn persona is told apart by its traits: "Priya Shah #3 (saved-backup-codes: yes)".
  const traits = drawn ? drawnTraitWords(loaded, persona.traits) : '';
  const name = named
    ? persona.id
    : drawn
      ? `${s.customer.name ?? 'customer'} #${persona.index}${traits ? ` (${traits})` : ''}`
      : (s.customer.name ?? `customer #${persona.index}`);
  const result: RunResult = {
    faults: run.combo,
    persona: { index: persona.index, name, email },
    outcome: outcome.outcome,
    expected: rule
      ? {
          outcome: expectedOutcome(rule, outcome.outcome),
          ...(Array.isArray(rule.outcome) ? { outcomes: rule.outcome } : {}),
          ...(findingIds ? { findings: findingIds } : {}),
        }
      : { outcome: 'ok' },
    pass,
    ...(pass ? {} : { failure: misses.join('; ') }),
    explanation: outcome.explanation,
    ...(outcome.frontier.length ? { frontier: outcome.frontier } : {}),
    path: outcome.path.map(moveId),
    scorecard,
    findings,
    trace: events.map(traceEntry),
    replay: `npx deadend run ${shellQuote(loaded.file)} --seed ${seed} --grep ${singleQuote(run.name)}`,
    stats: { statesExplored: outcome.statesExplored },
  };
  if (record && outcome.outcome !== 'ok') result.search = record.result();
  return { result, world: final };
}

/** How a suite runs an open scenario (runner.ts SuiteOptions has these). */
export interface OpenSuiteOptions extends RunSelection {
  seed: number;
  calendarsDir?: string;
  connect?: AnyConnector;
  signal?: AbortSignal;
  onRun?: (name: string) => void;
  /** A fresh recorder of what each run's search tried (runner.ts: engine/searchRecord's). */
  record?: () => NonNullable<Parameters<typeof runOpenOne>[4]>;
}

/**
 * ENGINE's entry for one open scenario: its planned runs (or `runs`), each run, its results entry
 * (undefined when no run is selected or the suite was stopped before any).
 */
export function runOpenScenario(
  loaded: LoadedOpenScenario,
  opts: OpenSuiteOptions,
  runs: readonly PlannedRun[] = planOpenRuns(loaded, opts),
): ScenarioResult | undefined {
  if (runs.length === 0) return undefined;
  const prep = prepareOpen(loaded, opts.calendarsDir);
  const out: RunResult[] = [];
  for (const run of runs) {
    if (opts.signal?.aborted) break;
    out.push(runOpenOne(prep, run, opts.seed, opts.connect, opts.record?.()).result);
    opts.onRun?.(run.name);
  }
  return out.length > 0 ? openScenarioResult(prep, out.sort(compareRuns)) : undefined;
}

/** The fault labels of an open scenario in plain words: the vocabulary fault's summary and params. */
function faultNames(loaded: LoadedOpenScenario): Record<string, string> {
  const out: Record<string, string> = {};
  for (const u of loaded.scenario.faults) {
    const summary = (faultWithPlugins(loaded.plugins ?? NO_PLUGINS, u.fault)?.summary ?? u.fault).replace(
      /\.$/,
      '',
    );
    const params = Object.values(u.params ?? {})
      .filter((v) => typeof v === 'string' || typeof v === 'number')
      .join(', ');
    out[faultLabel(u)] = params ? `${summary} — ${params}` : summary;
  }
  return out;
}

export function openScenarioResult(prep: PreparedOpen, runs: RunResult[]): ScenarioResult {
  const { loaded } = prep;
  const s = loaded.scenario;
  const shares = outcomeShares(loaded, prep.personas, runs);
  return {
    id: s.id,
    file: loaded.file,
    title: s.title,
    ...(s.story ? { story: s.story } : {}),
    merchant: loaded.profile.id,
    timezone: prep.zone,
    goal: s.goal.description,
    deadline: toIso(prep.goal.deadline),
    faultNames: faultNames(loaded),
    runs,
    ...(shares.length ? { shares } : {}),
  };
}
