/**
 * A condition in plain words, as a sentence a process owner reads: why an action is closed
 * ("needs: no click-and-collect order open") and what a scripted wait never saw ("still the
 * customer has not had the … text"). Declared names and descriptions are quoted as written,
 * never re-cased; a negation is worded into the sentence rather than wrapped in "not (…)".
 */
import type { Condition } from '../schema/index.ts';
import { channelName } from './channels.ts';
import type { VWorld } from './state.ts';

const bare = (s: string) => s.replace(/\.$/, '');

function traitWords(w: VWorld, c: Extract<Condition, { trait: string }>): string {
  const desc = `“${bare(w.ctx.traits.get(c.trait)?.description ?? c.trait)}”`;
  const bounds = [
    c.is !== undefined && c.is !== true ? `is ${String(c.is)}` : '',
    c.atLeast !== undefined ? `at least ${c.atLeast}` : '',
    c.atMost !== undefined ? `at most ${c.atMost}` : '',
  ].filter(Boolean);
  return `the persona trait ${desc}${bounds.length ? ` ${bounds.join(' and ')}` : ''}`;
}

const messageName = (w: VWorld, c: { message: string; via?: string }) =>
  `${w.ctx.messages.get(c.message)?.name ?? c.message}${c.via ? ` by ${channelName(w, c.via)}` : ''}`;

export function describeCondition(w: VWorld, c: Condition): string {
  const ctx = w.ctx;
  if ('fact' in c) return bare(ctx.facts.get(c.fact)?.description ?? c.fact);
  if ('not' in c) return describeNegation(w, c.not);
  if ('all' in c) return c.all.map((x) => describeCondition(w, x)).join(' and ');
  if ('any' in c) return c.any.map((x) => describeCondition(w, x)).join(' or ');
  if ('trait' in c) return traitWords(w, c);
  if ('capability' in c) return `the merchant has ${c.capability} on`;
  if ('open' in c) return `${channelName(w, c.open)} is open`;
  if ('visible' in c)
    return `${bare(ctx.records.get(c.visible.record)?.description ?? c.visible.record)} is visible on ${channelName(w, c.visible.on)}`;
  if ('knows' in c) return `the customer knows that ${bare(ctx.facts.get(c.knows)?.description ?? c.knows)}`;
  if ('has' in c) return `the customer has had the ${messageName(w, c.has)}`;
  if ('money' in c) return 'the money is as it should be';
  return `plugin ${c.plugin} holds`;
}

/**
 * A fact's declared description negated as a sentence: "a click-and-collect order is open" →
 * "no click-and-collect order open", "the order is ready" → "the order is not ready"; one whose
 * verb it cannot find stays whole behind "it is not the case that".
 */
export function negateDescription(description: string): string {
  const s = bare(description);
  const some = /^(?:a|an|any|some) (.+?) (?:is|are) (.+)$/.exec(s);
  if (some) return `no ${some[1]} ${some[2]}`;
  const verb = /^(.+?) (is|are|was|were|can|will|has|have)( been)? (.+)$/.exec(s);
  if (verb && (verb[3] || !/^ha/.test(verb[2] ?? '')))
    return `${verb[1]} ${verb[2]} not${verb[3] ?? ''} ${verb[4]}`;
  return `it is not the case that ${s}`;
}

/** What it is for the condition not to hold, in words (de Morgan over all/any). */
export function describeNegation(w: VWorld, c: Condition): string {
  const ctx = w.ctx;
  if ('fact' in c) return negateDescription(ctx.facts.get(c.fact)?.description ?? c.fact);
  if ('not' in c) return describeCondition(w, c.not);
  if ('all' in c) return c.all.map((x) => describeNegation(w, x)).join(' or ');
  if ('any' in c) return c.any.map((x) => describeNegation(w, x)).join(' and ');
  if ('trait' in c) return `not ${traitWords(w, c)}`;
  if ('capability' in c) return `the merchant has ${c.capability} off`;
  if ('open' in c) return `${channelName(w, c.open)} is closed`;
  if ('visible' in c)
    return `${bare(ctx.records.get(c.visible.record)?.description ?? c.visible.record)} is not visible on ${channelName(w, c.visible.on)}`;
  if ('knows' in c)
    return `the customer does not know that ${bare(ctx.facts.get(c.knows)?.description ?? c.knows)}`;
  if ('has' in c) return `the customer has not had the ${messageName(w, c.has)}`;
  if ('money' in c) return 'the money is not as it should be';
  return `plugin ${c.plugin} does not hold`;
}
