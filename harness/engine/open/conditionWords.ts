/**
 * A condition in plain words, for the trouble a scripted step runs into ("the customer has the
 * six-digit sign-in code by SMS"). Declared names are quoted as written, never re-cased.
 */
import type { Condition } from '../../vocabulary/schema/index.ts';
import type { VWorld } from '../../vocabulary/world/index.ts';

export function conditionWords(w: VWorld, c: Condition): string {
  const ctx = w.ctx;
  if ('fact' in c) return ctx.facts.get(c.fact)?.description ?? c.fact;
  if ('not' in c) return `not (${conditionWords(w, c.not)})`;
  if ('all' in c) return c.all.map((x) => conditionWords(w, x)).join(' and ');
  if ('any' in c) return c.any.map((x) => conditionWords(w, x)).join(' or ');
  if ('trait' in c) return `the customer ${ctx.traits.get(c.trait)?.description ?? c.trait}`;
  if ('capability' in c) return `the merchant has ${c.capability} on`;
  if ('open' in c) return `${ctx.channels.get(c.open)?.name ?? c.open} is open`;
  if ('visible' in c)
    return `${ctx.records.get(c.visible.record)?.description ?? c.visible.record} is visible`;
  if ('knows' in c) return `the customer knows that ${ctx.facts.get(c.knows)?.description ?? c.knows}`;
  if ('has' in c) {
    const name = ctx.messages.get(c.has.message)?.name ?? c.has.message;
    const via = c.has.via ? ` by ${ctx.channels.get(c.has.via)?.name ?? c.has.via}` : '';
    return `the customer has the ${name}${via}`;
  }
  if ('money' in c) return 'the money is as it should be';
  return `plugin ${c.plugin} holds`;
}
