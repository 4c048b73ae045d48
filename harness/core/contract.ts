/**
 * The contract: the shape of `results.json`. Reporters read only this. Keep it stable and
 * bump SCHEMA_VERSION on any incompatible change.
 */
export const SCHEMA_VERSION = 2;

// 2: scenarios[].faultNames and .closures, runs[].search (the journey map), fixes[].description.

import type { Outcome } from './vocabulary.ts';

export { OUTCOMES, type Outcome } from './vocabulary.ts';

export interface TraceEntry {
  /** ISO-8601 UTC timestamp of the event (virtual time). */
  at: string;
  actor: string;
  kind: string;
  channel?: string;
  /** Plain-language sentence for a process owner. */
  text: string;
  data?: Record<string, unknown>;
}

export interface Scorecard {
  /** Hours from the first failed expectation to the goal; null when the goal was never reached. */
  timeToResolutionHours: number | null;
  /** Contacts with staff on any channel (calls, e-mails, chats, callbacks, store conversations). */
  contacts: number;
  /** Phone calls, inbound and outbound. */
  calls: number;
  storeVisits: number;
  /** Customer's own time spent, in hours. */
  effortHours: number;
  /**
   * Money the customer is out of pocket at the end (extra charges, unrefunded payments, surcharges).
   * Open-vocabulary runs (design §2.5): the net money out of pocket at the horizon (charges −
   * refunds that reached the card − credits + the customer's fees and costs), less `goalWorth`
   * when the goal was reached.
   */
  moneyLost: number;
  currency: string;
  // The fields below are written for open-vocabulary runs only (never for seed scenarios).
  /** What reaching the goal was worth to the customer (the goal's `worth`, else the product's price). */
  goalWorth?: number;
  /** The most money charged and not yet back on the card at any moment. */
  maxHeld?: number;
  /** Days the customer was out of money that came back (held beyond what they owed). */
  heldDays?: number;
  /** Fees the merchant paid (a chargeback fee): the merchant's side, never in moneyLost. */
  merchantFees?: number;
  /** Contacts by channel id and by party id (`merchant` or a declared party). */
  contactsBy?: Record<string, number>;
}

export type Severity = 'low' | 'medium' | 'high';

export interface Finding {
  oracle: string;
  severity: Severity;
  /** Plain-language explanation quoting the events that triggered it. */
  message: string;
  /** Indices into the run's `trace` of the events that triggered it. */
  events: number[];
}

export interface Expectation {
  outcome: Outcome;
  /** An open scenario's entry that accepts any of several outcomes (a drawn population): all of them. */
  outcomes?: Outcome[];
  /** Oracles expected to fire; when present, any other finding fails the run too. */
  findings?: string[];
}

export interface RunResult {
  /** Labels of the faults active in this combination, in the scenario's order; [] is the fault-free run. */
  faults: string[];
  persona: { index: number; name: string; email: string };
  outcome: Outcome;
  expected: Expectation;
  pass: boolean;
  /**
   * Present (true) when the run dead-ended where no dead end was expected, but the baseline
   * (`deadend-baseline.json`) accepts this scenario × fault combination: the run passes, and reports
   * show it as an accepted dead end. Absent otherwise.
   */
  accepted?: boolean;
  /**
   * Why the run missed its expectation: absent when it passed, but kept on an accepted dead end
   * (which passes only because the baseline accepts it).
   */
  failure?: string;
  /** Plain language: how the journey ended; for a dead end, the frontier that explains it. */
  explanation: string;
  /** For a dead end: the reasons each remaining recovery path was closed. */
  frontier?: string[];
  /** Customer actions on the path the outcome is based on (the scripted path, or the recovery path). */
  path: string[];
  scorecard: Scorecard;
  findings: Finding[];
  trace: TraceEntry[];
  /** Shell command that replays this run alone. */
  replay: string;
  stats: { statesExplored: number };
  /** What the recovery search tried (absent on a run whose scripted path worked), for the journey map. */
  search?: SearchRecord;
  /**
   * Files a target kept for a run that missed its expectation (a screenshot of the page the
   * customer was stuck on, a Playwright trace, the merchant container's log), relative to the
   * report folder. Absent on sim and on passing runs.
   */
  attachments?: Attachment[];
}

/** How a recovery path the search tried ended; absent while it was still open (it led on). */
export type PathEnd = 'goal' | 'deadline' | 'patience' | 'effort budget';

export interface TriedPath {
  /** Recovery action ids, as in `path`. */
  path: string[];
  end?: PathEnd;
}

export interface SearchRecord {
  /** Distinct recovery paths in the order they were tried, capped (see `truncated`). */
  tried: TriedPath[];
  /** True when the search tried more paths than were recorded. */
  truncated?: boolean;
}

export interface Attachment {
  /** What it is, for people: "page the customer was stuck on", "Playwright trace", "container log". */
  name: string;
  /** Relative to the report folder, with forward slashes. */
  path: string;
  contentType: string;
}

export interface Closure {
  from: string;
  until: string;
  /** Plain language: "Christmas holidays". */
  reason: string;
  /** Support channel ids it closes; absent: all of them. */
  channels?: string[];
}

export interface ScenarioResult {
  id: string;
  file: string;
  title: string;
  /** The seed story or other source this journey comes from, when given. */
  story?: string;
  merchant: string;
  /** IANA time zone of the customer: timelines are shown in it. */
  timezone: string;
  goal: string;
  deadline: string;
  /** Each fault label of the scenario in plain words ("A message lands in the spam folder — licence key"). */
  faultNames?: Record<string, string>;
  /** Fault labels that close support channels for a period, with the period (the timeline shades it). */
  closures?: Record<string, Closure>;
  runs: RunResult[];
  /** Open scenarios: the outcome shares over the runs of each `expect` entry (Monte Carlo personas). */
  shares?: OutcomeShare[];
}

/** How the runs an open scenario's `expect` entry covers ended, and its `share:` bounds. */
export interface OutcomeShare {
  /** The entry in words ("sms-to-old-number", "otherwise"). */
  entry: string;
  runs: number;
  /** Runs per outcome (outcomes no run had are left out). */
  outcomes: Partial<Record<Outcome, number>>;
  bounds?: Partial<Record<Outcome, { atLeast?: number; atMost?: number }>>;
  met: boolean;
}

export interface FailedExpectation {
  scenario: string;
  file: string;
  faults: string[];
  expected: Expectation;
  outcome: Outcome;
  findings: string[];
  replay: string;
}

export interface Summary {
  scenarios: number;
  runs: number;
  passed: number;
  failed: number;
  /** Runs that pass only because the baseline accepts their dead end; absent when there are none. */
  accepted?: number;
  outcomes: Record<Outcome, number>;
  findings: Record<string, number>;
  failedExpectations: FailedExpectation[];
}

/** A merchant change that turns dead ends into another outcome (what-if analysis). */
export interface Fix {
  /** Plain language: "offer downloadFromOrderPage", "onPaymentMismatch: cancel-and-notify". */
  change: string;
  /** For people: "Let customers download the key from their order page". */
  description?: string;
  /** The merchant-profile override that makes the change. */
  overrides: Record<string, unknown>;
  /** The dead ends it rescues, with the outcome they get instead. */
  rescues: { scenario: string; faults: string[]; outcome: Outcome }[];
}

export interface ResultsFile {
  schemaVersion: number;
  tool: { name: 'deadend'; version: string };
  seed: number;
  target: string;
  /** `--grep`/`--shard` that selected these runs, so merged shards can be checked. */
  selection: { grep?: string; shard?: string };
  summary: Summary;
  scenarios: ScenarioResult[];
  /** Changes to the merchant that rescue dead ends, most rescues first (only when there are dead ends). */
  fixes?: Fix[];
  /**
   * Present only when the suite was stopped before every planned run finished (Ctrl-C,
   * SIGTERM): the summary and scenarios then cover the finished runs only.
   */
  partial?: PartialResults;
}

export interface PartialResults {
  /** Why the suite stopped, e.g. "interrupted (SIGINT)". */
  reason: string;
  /** The names of the planned runs that did not run (as `--grep` takes them), sorted. */
  notRun: string[];
}

/** Label of a fault combination: `mail.quarantined + support.closed`, or `none` for the fault-free run. */
export function faultsLabel(faults: readonly string[]): string {
  return faults.length === 0 ? 'none' : faults.join(' + ');
}

/** Canonical key of a fault combination (`''` for the fault-free run): the sort key of runs. */
export function faultsKey(faults: readonly string[]): string {
  return faults.join('+');
}

// ── analysis.json ─────────────────────────────────────────────────────────────────────────────
// What `deadend analyze` (and `deadend run --monte-carlo`) write beside results.json. Its own
// contract, versioned on its own: bump ANALYSIS_SCHEMA_VERSION on any incompatible change.

export const ANALYSIS_SCHEMA_VERSION = 1;

export interface JourneyEntry {
  id: string;
  file: string;
  title: string;
  /** Minimal cut sets, FMEA and probabilities (absent when only Monte Carlo was asked for). */
  analysis?: JourneyAnalysis;
  monteCarlo?: JourneyMonteCarlo;
}

export interface AnalysisFile {
  analysisSchemaVersion: number;
  seed: number;
  selection: { shard?: string };
  journeys: JourneyEntry[];
}

export interface JourneyAnalysis {
  id: string;
  file: string;
  title: string;
  faults: { label: string; fault: string; probability: number }[];
  /** Distinct fault combinations run, out of 2^faults. */
  combinationsEvaluated: number;
  combinationsTotal: number;
  topEvents: TopEventAnalysis[];
  fmea: FmeaRow[];
}

export interface TopEventAnalysis {
  /** `dead-end`, or `finding:<oracle>`. */
  event: string;
  description: string;
  cutSets: string[][];
  singlePointsOfFailure: string[];
  /**
   * Faults that strand the customer on their own within the scenario's environment: the faults
   * with a time window (a holiday closure, a maintenance night) taken as given.
   */
  singlePointsGivenEnvironment: { fault: string; given: string[] }[];
  rescues: Rescue[];
  /** Largest cut-set size searched, and whether that covers every size. */
  maxSize: number;
  complete: boolean;
  probability: {
    rareEvent: number;
    /** Inclusion–exclusion over the cut sets: exact if no fault rescues; absent past 16 cut sets. */
    cutSetUnion?: number;
    /** Every combination weighed by its probability, rescues included; absent past ENUMERATE_UP_TO faults. */
    enumerated?: number;
    /** Past ENUMERATE_UP_TO faults instead: combinations sampled with the probabilities, 95% Wilson interval. */
    sampled?: { samples: number; share: number; low: number; high: number };
  };
}

export interface Rescue {
  /** The cut set that no longer causes the event… */
  cutSet: string[];
  /** …once this fault is added to it. */
  fault: string;
}

export interface FmeaRow {
  fault: string;
  /** The catalogue's summary of the fault. */
  mode: string;
  /** Outcome when this fault strikes alone. */
  alone: Outcome;
  /** Plain language: what the customer lives through, alone and in the worst combination. */
  effect: string;
  severity: number;
  occurrence: number;
  detection: number;
  rpn: number;
}

export interface JourneyMonteCarlo {
  id: string;
  file: string;
  title: string;
  /** Customers simulated (a whole number of blocks when it stopped early). */
  customers: number;
  requested: number;
  /** Set when `precision` stopped the run before `requested`. */
  stoppedEarly?: { precision: number };
  /** Distinct (fault combination, traits) pairs actually run. */
  distinctRuns: number;
  outcomes: Record<Outcome, ShareEstimate>;
  /** Expected per 1,000 customers. */
  per1000: { moneyLost: number; effortHours: number; currency: string };
  /** The fault combinations behind most strandings, most first (up to 5). */
  strandedBy: { faults: string[]; customers: number; shareOfStranded: number }[];
}

export interface ShareEstimate {
  customers: number;
  share: number;
  low: number;
  high: number;
}

// ── Report inputs ────────────────────────────────────────────────────────────────────────────────

/**
 * The words of the engine's catalogues (oracles, faults, mail kinds, recovery actions): a report
 * input beside the results, gathered by the caller (engine/reportCatalogue.ts) because reporters
 * read only the contract.
 */
export interface Catalogue {
  findings: Record<string, string>;
  faults: Record<string, string>;
  terms: Record<string, string>;
  /** A recovery action id as in a run's `path` → what the customer does. */
  actionLabel(id: string): string;
}

// ── Secrets ──────────────────────────────────────────────────────────────────────────────────────
/**
 * What the files deadend writes never hold: secrets. `maskResults` runs once on the results before
 * any reporter formats them (see `writeReports` and the `reporters` registry in report/reporter.ts);
 * the browser target masks its artifacts (page.html, trace.zip) with `maskText` the same way.
 *
 * - card numbers: any run of 13–19 digits, with or without spaces or dashes between them, keeps only
 *   its last four digits: `4242 4242 4242 4242` → `•••• 4242`. No Luhn check: a mistyped card number
 *   is a secret too. (An epoch-milliseconds timestamp written into a sentence is masked as well; the
 *   `at` field and numbers are left alone.)
 * - licence keys: the value of any field named `key`, `licenceKey` or `licenseKey`, and any key-shaped
 *   string (three or more dash-separated groups of 4–5 upper-case letters or digits, with at least one
 *   letter and one digit: `CVL7-9F3K-QQ2M-X4HD`; `2025-1224-0042` is an order number, not a key), keep only their last four characters: `••••-••••-••••-X4HD`.
 *
 * Fields that must stay usable are left as they are: `replay` (a shell command), `at`, `file`,
 * `timezone`.
 */

const BULLET = '•';

/** 13–19 digits, optionally separated by single spaces or dashes, not part of a longer digit run. */
const CARD = /(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])/g;
/** `XXXX-XXXX-XXXX(-XXXX…)` made of upper-case letters and digits. */
const KEY_SHAPED = /(?<![\w-])[A-Z0-9]{4,5}(?:-[A-Z0-9]{4,5}){2,}(?![\w-])/g;

const KEY_FIELDS = new Set(['key', 'licenceKey', 'licenseKey']);
const CARD_FIELDS = /^(card|cardNumber|pan)$/i;
const UNMASKED_FIELDS = new Set(['replay', 'at', 'file', 'timezone']);

/** Masks card numbers and key-shaped strings inside free text. */
export function maskText(text: string): string {
  if (!/\d/.test(text)) return text;
  return text
    .replace(CARD, (match) => `${BULLET.repeat(4)} ${match.replace(/\D/g, '').slice(-4)}`)
    .replace(KEY_SHAPED, (match) => (/\d/.test(match) && /[A-Z]/.test(match) ? maskKey(match) : match));
}

/**
 * Masks a secret except its last four characters, keeping separators so the shape stays readable:
 * `CVL7-9F3K-QQ2M-X4HD` → `••••-••••-••••-X4HD`, `abcdef123456` → `••••••••3456`.
 */
export function maskKey(secret: string): string {
  const chars = [...secret];
  const isAlnum = (c: string) => /[\p{L}\p{N}]/u.test(c);
  // Four characters or fewer are hidden whole; an already masked value is left as it is.
  if (chars.filter(isAlnum).length <= 4) return secret.includes(BULLET) ? secret : BULLET.repeat(4);
  let keep = 4;
  for (let i = chars.length - 1; i >= 0; i--) {
    if (!isAlnum(chars[i] ?? '')) continue;
    if (keep > 0) keep--;
    else chars[i] = BULLET;
  }
  return chars.join('');
}

function maskValue(value: unknown, key: string | undefined): unknown {
  if (typeof value === 'string') {
    if (key !== undefined && UNMASKED_FIELDS.has(key)) return value;
    if (key !== undefined && KEY_FIELDS.has(key)) return maskKey(value);
    return maskText(value);
  }
  if (typeof value === 'number') {
    if (key !== undefined && CARD_FIELDS.test(key) && Number.isInteger(value) && String(value).length >= 13) {
      return `${BULLET.repeat(4)} ${String(value).slice(-4)}`;
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => maskValue(item, undefined));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] =
        KEY_FIELDS.has(k) && v !== null && typeof v !== 'object' ? maskKey(String(v)) : maskValue(v, k);
    }
    return out;
  }
  return value;
}

/**
 * A deep copy of the value with every secret masked. Key order is kept, so the masked results
 * serialize as deterministically as the original. Idempotent.
 */
export function maskResults<T>(results: T): T {
  return maskValue(results, undefined) as T;
}
