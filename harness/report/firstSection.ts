/**
 * The first thing a process owner reads, in report.html and summary.md alike: which journeys strand
 * customers, through which failures, why, what it costs them, and the change that rescues the most.
 * Pure and browser-safe: the HTML page's script imports this file too, so both say the same.
 */

import type { Fix, ResultsFile, RunResult, ScenarioResult } from '../core/contract.ts';
import { formatHours, formatMoney, plural } from './format.ts';
import { markdownText as md } from './markdownEscape.ts';
import { faultsName, readable, type Vocabulary } from './vocabulary.ts';

export interface StrandedRun {
  run: RunResult;
  /** Index of the run in its scenario's `runs`: the HTML page links to it. */
  index: number;
  failures: string;
  reason: string;
  money: string;
  effort: string;
  contacts: string;
}

export interface StrandedJourney {
  scenario: ScenarioResult;
  /** Index of the scenario in the results. */
  index: number;
  runs: StrandedRun[];
}

export interface Totals {
  deadEnds: number;
  journeys: number;
  strandedJourneys: number;
  /** Money the stranded customers lost, per currency, in words ("$503.00 lost"). */
  money: string;
  effort: string;
  contacts: string;
}

export interface TopFix {
  fix: Fix;
  /** "Let customers download the key from their order page — rescues 2 dead ends". */
  text: string;
  /** The journeys it rescues, by title. */
  journeys: string[];
}

export interface FirstSection {
  stranded: StrandedJourney[];
  totals: Totals;
  topFix?: TopFix;
  /** The line for QA: did every run meet its expectation? */
  verdict: string;
  /** False when some run missed its expectation (the CI build fails). */
  verdictGood: boolean;
}

const NO_MONEY = 'nothing out of pocket';

/** Said once under the totals, so "nothing out of pocket" is not read as "no harm done". */
export const MONEY_NOTE =
  'Money lost is what customers paid and did not get back; the goal they missed has no price in the scenarios, so a dead end can cost nothing out of pocket and still strand the customer.';

export function moneyLost(amount: number, currency: string): string {
  return amount > 0 ? `${formatMoney(amount, currency)} lost` : NO_MONEY;
}

/**
 * Why the customer had no way out, in one sentence: the closure that shut the last door when there is
 * one, else the trouble itself (the first sentence of the explanation).
 */
function oneLineReason(run: RunResult, vocabulary: Vocabulary): string {
  const closed = run.frontier?.find((f) => /\bis closed\b/i.test(f));
  const text = run.explanation.replace(/^Dead end:\s*/i, '');
  const sentence = closed ? `${closed}.` : (/^(.+?[.!?])(\s|$)/.exec(text)?.[1] ?? text);
  return readable(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}`, vocabulary);
}

export function fixText(fix: Fix): string {
  const what = fix.description ?? fix.change;
  return `${what} — rescues ${plural(fix.rescues.length, 'dead end')}`;
}

export function firstSection(results: ResultsFile, vocabulary: Vocabulary): FirstSection {
  const stranded: StrandedJourney[] = [];
  const money = new Map<string, number>();
  let effort = 0;
  let contacts = 0;
  let deadEnds = 0;
  results.scenarios.forEach((scenario, index) => {
    const runs: StrandedRun[] = [];
    scenario.runs.forEach((run, runIndex) => {
      if (run.outcome !== 'dead-end') return;
      const s = run.scorecard;
      deadEnds++;
      effort += s.effortHours;
      contacts += s.contacts;
      money.set(s.currency, (money.get(s.currency) ?? 0) + s.moneyLost);
      runs.push({
        run,
        index: runIndex,
        failures: faultsName(scenario, run.faults, vocabulary),
        reason: oneLineReason(run, vocabulary),
        money: moneyLost(s.moneyLost, s.currency),
        effort: `${formatHours(s.effortHours)} of the customer’s time`,
        contacts: s.contacts === 0 ? 'no contact with staff' : plural(s.contacts, 'contact'),
      });
    });
    // Single points of failure first, then the costliest: what a reader should see before the rest.
    runs.sort(
      (a, b) =>
        a.run.faults.length - b.run.faults.length ||
        b.run.scorecard.moneyLost - a.run.scorecard.moneyLost ||
        a.index - b.index,
    );
    if (runs.length) stranded.push({ scenario, index, runs });
  });
  const lost = [...money].filter(([, n]) => n > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const totals: Totals = {
    deadEnds,
    journeys: results.scenarios.length,
    strandedJourneys: stranded.length,
    money: lost.length
      ? `${lost.map(([c, n]) => formatMoney(Math.round(n * 100) / 100, c)).join(' + ')} lost`
      : deadEnds
        ? 'no money out of pocket'
        : 'nothing lost',
    effort: `${formatHours(Math.round(effort * 100) / 100)} of customers’ time`,
    contacts: `${plural(contacts, 'contact')} with staff`,
  };
  const best = results.fixes?.[0];
  const titles = new Map(results.scenarios.map((s) => [s.id, s.title]));
  const topFix = best
    ? {
        fix: best,
        text: fixText(best),
        journeys: [...new Set(best.rescues.map((r) => titles.get(r.scenario) ?? r.scenario))],
      }
    : undefined;
  const { summary } = results;
  const verdictGood = summary.failed === 0;
  const verdict = verdictGood
    ? `Every run turned out as the team expects (${plural(summary.runs, 'run')}${summary.accepted ? `, ${plural(summary.accepted, 'accepted dead end')}` : ''}): the CI build passes.`
    : `${summary.failed} of ${plural(summary.runs, 'run')} did not turn out as the team expects: the CI build fails.`;
  return { stranded, totals, ...(topFix ? { topFix } : {}), verdict, verdictGood };
}

/** One sentence: "2 of 10 journeys strand customers (4 dead ends)". */
export function strandedHeadline(section: FirstSection): string {
  const { totals } = section;
  if (totals.deadEnds === 0)
    return `No journey strands a customer (${plural(totals.journeys, 'journey')} tested)`;
  return `${totals.strandedJourneys} of ${plural(totals.journeys, 'journey')} strand customers (${plural(totals.deadEnds, 'dead end')})`;
}

/** A PR comment has a size limit: the first section lists this many dead ends, then counts the rest. */
export const MARKDOWN_DEAD_ENDS = 25;
/** Per journey, the first screen and summary.md list this many dead ends and count the rest. */
export const DEAD_ENDS_PER_JOURNEY = 3;

/**
 * The same first section for summary.md, under its title (the stranded headline); `qaLine` is the
 * CI verdict with its icon, given by the caller.
 */
export function firstSectionMarkdown(results: ResultsFile, vocabulary: Vocabulary, qaLine?: string): string {
  const section = firstSection(results, vocabulary);
  const out: string[] = [];
  let listed = 0;
  for (const journey of section.stranded) {
    if (listed >= MARKDOWN_DEAD_ENDS) break;
    out.push(`**${md(journey.scenario.title)}**`, '');
    const shown = journey.runs.slice(0, Math.min(DEAD_ENDS_PER_JOURNEY, MARKDOWN_DEAD_ENDS - listed));
    for (const r of shown) {
      out.push(
        `- ${md(r.failures)}: ${md(r.reason)} Cost: ${md(r.money)}, ${md(r.effort)}, ${md(r.contacts)}.`,
      );
      listed++;
    }
    if (journey.runs.length > shown.length)
      out.push(`- …and ${plural(journey.runs.length - shown.length, 'more dead end')} in this journey.`);
    out.push('');
  }
  const left = section.stranded.slice(out.filter((l) => l.startsWith('**')).length);
  if (left.length)
    out.push(`…and ${plural(left.length, 'more journey')} with dead ends: see report.html.`, '');
  if (section.totals.deadEnds) {
    out.push(
      `**Total:** ${md(section.totals.money)}, ${md(section.totals.effort)}, ${md(section.totals.contacts)}. ${md(MONEY_NOTE)}`,
      '',
    );
  }
  if (section.topFix) {
    out.push(`**Fix first:** ${md(section.topFix.text)} (${md(section.topFix.journeys.join('; '))}).`, '');
  }
  out.push(`**For QA:** ${qaLine ?? md(section.verdict)}`);
  return out.join('\n');
}
