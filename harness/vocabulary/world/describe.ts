/** A condition in plain words, for why an action is closed ("needs: the customer is signed in"). */
import type { Condition } from '../schema/index.ts';
import { channelName } from './channels.ts';
import type { VWorld } from './state.ts';

export function describeCondition(w: VWorld, c: Condition): string {
  if ('fact' in c) return w.ctx.facts.get(c.fact)?.description ?? c.fact;
  if ('not' in c) return `not (${describeCondition(w, c.not)})`;
  if ('all' in c) return c.all.map((x) => describeCondition(w, x)).join(' and ');
  if ('any' in c) return c.any.map((x) => describeCondition(w, x)).join(' or ');
  if ('trait' in c) return w.ctx.traits.get(c.trait)?.description ?? c.trait;
  if ('capability' in c) return `${c.capability} on`;
  if ('open' in c) return `${channelName(w, c.open)} open`;
  if ('visible' in c)
    return `${w.ctx.records.get(c.visible.record)?.description ?? c.visible.record} visible on ${c.visible.on}`;
  if ('knows' in c) return `knows that ${w.ctx.facts.get(c.knows)?.description ?? c.knows}`;
  if ('has' in c) return `has the ${w.ctx.messages.get(c.has.message)?.name ?? c.has.message}`;
  if ('money' in c) return 'a money condition';
  return c.plugin;
}
