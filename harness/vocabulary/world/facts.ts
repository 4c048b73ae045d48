/** Facts becoming true or false; a fact becoming true starts the processes that wait for it. */
import { actorOf, causeData, emit } from './log.ts';
import { startProcess } from './processes.ts';
import type { CauseRef, VWorld } from './state.ts';

export function setFact(w: VWorld, fact: string, cause: CauseRef): void {
  if (w.facts[fact]) return;
  w.facts = { ...w.facts, [fact]: true };
  const desc = w.ctx.facts.get(fact)?.description ?? fact;
  emit(w, 'fact.set', actorOf(cause), `Now ${desc} (${fact}).`, { fact, ...causeData(cause) }, cause.channel);
  for (const p of w.ctx.processes.values()) {
    if (typeof p.starts === 'object' && 'on' in p.starts && p.starts.on === fact) {
      startProcess(w, p.id, { process: p.id });
    }
  }
}

export function clearFact(w: VWorld, fact: string, cause: CauseRef): void {
  if (!w.facts[fact]) return;
  const facts = { ...w.facts };
  delete facts[fact];
  w.facts = facts;
  const desc = w.ctx.facts.get(fact)?.description ?? fact;
  emit(
    w,
    'fact.cleared',
    actorOf(cause),
    `No longer: ${desc} (${fact}).`,
    { fact, ...causeData(cause) },
    cause.channel,
  );
}
