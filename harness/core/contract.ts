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
