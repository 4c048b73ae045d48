/**
 * The `expect` entries of an open scenario (design §2.8 and the scenario schema): which entry a
 * run meets (the first whose faults / includes / otherwise and persona match, as
 * scenario/combinations.ts expectationFor), and every part of it the run misses, in plain words:
 * the outcome, the findings (ids, or an oracle with the names its message must quote and how
 * many), scorecard numbers, trace events (kind, instant, names) and the frontier's texts.
 */
import { parseInstant } from '../../clock/instant.ts';
import type { Finding, Outcome, Scorecard } from '../../core/contract.ts';
import type { TraceEvent } from '../../core/trace.ts';
import { ruleMatches } from '../../scenario/combinations.ts';
import type { OpenScenario } from '../../vocabulary/schema/index.ts';

export type OpenExpectation = OpenScenario['expect'][number];
type FindingWant = NonNullable<OpenExpectation['findings']>[number];

export function openExpectationFor(
  rules: readonly OpenExpectation[],
  combo: readonly string[],
  /** A named persona's id; undefined for a drawn one (only entries without `persona:` cover it). */
  persona: string | undefined,
): OpenExpectation | undefined {
  return rules.find(
    (r) =>
      ruleMatches({ ...r, outcome: outcomesOf(r)[0]!, findings: undefined }, combo) &&
      (r.persona === undefined || r.persona === persona),
  );
}

/** The outcomes an entry accepts (`outcome: dead-end` or `outcome: [recovered, dead-end]`). */
export const outcomesOf = (rule: OpenExpectation): Outcome[] =>
  Array.isArray(rule.outcome) ? rule.outcome : [rule.outcome];

/** The outcome results.json records as expected: the run's own when the entry accepts it, else the first. */
export function expectedOutcome(rule: OpenExpectation, outcome: Outcome): Outcome {
  const allowed = outcomesOf(rule);
  return allowed.includes(outcome) ? outcome : allowed[0]!;
}

/** The oracle ids an entry names, for results.json's `expected.findings`. */
export const expectedOracles = (rule: OpenExpectation): string[] | undefined =>
  rule.findings?.map((f) => (typeof f === 'string' ? f : f.oracle));

export interface RunFacts {
  outcome: string;
  findings: readonly Finding[];
  scorecard: Scorecard;
  events: readonly TraceEvent[];
  /** The explanation and the frontier's entries (a dead end's words). */
  words: readonly string[];
  zone: string;
}

const quote = (names: readonly string[]) => names.map((n) => `“${n}”`).join(', ');

function findingsMisses(wants: readonly FindingWant[], found: readonly Finding[]): string[] {
  const out: string[] = [];
  const named = new Set<string>();
  for (const want of wants) {
    const oracle = typeof want === 'string' ? want : want.oracle;
    named.add(oracle);
    const names = typeof want === 'string' ? [] : want.names;
    const matching = found.filter((f) => f.oracle === oracle && names.every((n) => f.message.includes(n)));
    const count = typeof want === 'string' ? undefined : want.count;
    const what = `${oracle}${names.length ? ` naming ${quote(names)}` : ''}`;
    if (count !== undefined && matching.length !== count)
      out.push(`expected ${count} ${what} finding${count === 1 ? '' : 's'}, got ${matching.length}`);
    else if (matching.length === 0)
      out.push(
        found.some((f) => f.oracle === oracle)
          ? `the ${oracle} finding does not mention ${quote(names.filter((n) => !found.some((f) => f.oracle === oracle && f.message.includes(n))))}`
          : `missing finding ${what}`,
      );
  }
  const extra = [...new Set(found.map((f) => f.oracle).filter((o) => !named.has(o)))].sort();
  if (extra.length) out.push(`unexpected finding${extra.length > 1 ? 's' : ''} ${extra.join(', ')}`);
  return out;
}

const close = (a: number, b: number) => Math.abs(a - b) < 0.005;

function scorecardMisses(want: NonNullable<OpenExpectation['scorecard']>, got: Scorecard): string[] {
  const out: string[] = [];
  for (const key of ['moneyLost', 'maxHeld', 'heldDays', 'merchantFees'] as const) {
    const w = want[key];
    if (w === undefined) continue;
    const g = got[key] ?? 0;
    if (!close(w, g)) out.push(`scorecard ${key}: expected ${w}, got ${g}`);
  }
  for (const [id, n] of Object.entries(want.contacts ?? {})) {
    const g = got.contactsBy?.[id] ?? 0;
    if (g !== n) out.push(`contacts with ${id}: expected ${n}, got ${g}`);
  }
  return out;
}

/** Whether an event's text or any of its data values (as text) contains `name`. */
const mentions = (e: TraceEvent, name: string) =>
  e.text.includes(name) ||
  Object.values(e.data ?? {}).some((v) =>
    (typeof v === 'string' ? v : (JSON.stringify(v) ?? '')).includes(name),
  );

function traceMisses(wants: NonNullable<OpenExpectation['trace']>, facts: RunFacts): string[] {
  const out: string[] = [];
  for (const want of wants) {
    const at = want.at !== undefined ? parseInstant(want.at, facts.zone) : undefined;
    const hit = facts.events.some(
      (e) =>
        e.kind === want.kind && (at === undefined || e.t === at) && want.names.every((n) => mentions(e, n)),
    );
    if (!hit)
      out.push(
        `no ${want.kind} event${want.at ? ` at ${want.at}` : ''}${want.names.length ? ` naming ${quote(want.names)}` : ''} in the trace`,
      );
  }
  return out;
}

/** Every part of the entry the run misses; empty when it meets it. */
export function expectationMisses(rule: OpenExpectation, facts: RunFacts): string[] {
  const out: string[] = [];
  const allowed = outcomesOf(rule);
  if (!allowed.includes(facts.outcome as Outcome))
    out.push(`expected ${allowed.join(' or ')}, got ${facts.outcome}`);
  if (rule.findings) out.push(...findingsMisses(rule.findings, facts.findings));
  if (rule.scorecard) out.push(...scorecardMisses(rule.scorecard, facts.scorecard));
  if (rule.trace) out.push(...traceMisses(rule.trace, facts));
  for (const text of rule.frontier ?? [])
    if (!facts.words.some((w) => w.includes(text))) out.push(`the explanation does not say “${text}”`);
  return out;
}
