/**
 * Scheduled processes (design §2.4). A run of a process puts each of its steps in the queue at
 * `runFrom + after` (in the process's calendar, else its party's); `every` re-arms a new run
 * from the last one's start. At each step: stopsWhen (stop), faults (fails / delayed), when
 * (skipped), then the effects. `actor: customer` steps are the persona's routine: skipped
 * while the customer is away, and the app's messages are seen at them.
 */
import { applyEffects } from './apply.ts';
import { holds } from './conditions.ts';
import { awayAt, strike } from './faults.ts';
import { seeApp } from './knowledge.ts';
import { causeData, emit } from './log.ts';
import { cancel, schedule } from './queue.ts';
import type { CauseRef, VWorld } from './state.ts';
import { endOf } from './time.ts';
import { longDateTime } from './words.ts';

/**
 * The data of a process's own start or stop: `process` names it; a process step that caused it
 * is `byProcess` (spreading the cause's `process` over it would name the wrong process).
 */
function processData(id: string, cause: CauseRef) {
  const { process: by, ...rest } = causeData(cause);
  return { process: id, ...rest, ...(by ? { byProcess: by } : {}) };
}

function calendarsOf(w: VWorld, id: string): (string | undefined)[] {
  const p = w.ctx.processes.get(id);
  return [p?.calendar, p?.party ? w.ctx.parties.get(p.party)?.calendar : undefined];
}

/** Starts a process at `at` (default now) unless it is running; a stopped one starts afresh. */
export function startProcess(w: VWorld, id: string, cause: CauseRef, at = w.now): void {
  const running = w.processes[id];
  const p = w.ctx.processes.get(id);
  if (!p) return;
  // A process whose steps have all run (no `every`) is over: a new start runs it again (a
  // second order is prepared like the first); one still running ignores the start.
  if (running && !running.stopped && !finished(w, id, p.every)) return;
  w.processes = { ...w.processes, [id]: { startedAt: at, runFrom: at, next: 0, stopped: false } };
  emit(w, 'process.started', 'merchant', `Process started: ${p.label}.`, processData(id, cause));
  armRun(w, id, at, 0);
}

function finished(w: VWorld, id: string, every: unknown): boolean {
  return every === undefined && !w.pending.some((ev) => ev.type === 'step' && ev.process === id);
}

function armRun(w: VWorld, id: string, from: number, run: number): void {
  const p = w.ctx.processes.get(id)!;
  p.steps.forEach((step, i) => {
    schedule(w, {
      type: 'step',
      process: id,
      step: i,
      run,
      at: endOf(w.ctx, step.after, from, calendarsOf(w, id)),
    });
  });
  if (p.every !== undefined) {
    const next = endOf(w.ctx, p.every, from, calendarsOf(w, id));
    if (next > from) schedule(w, { type: 'rearm', process: id, run: run + 1, at: next });
  }
}

export function rearm(w: VWorld, id: string, run: number): void {
  const state = w.processes[id];
  if (!state || state.stopped) return;
  w.processes = { ...w.processes, [id]: { ...state, runFrom: w.now, next: 0 } };
  armRun(w, id, w.now, run);
}

export function stopProcess(w: VWorld, id: string, cause: CauseRef): void {
  const state = w.processes[id];
  if (!state || state.stopped) return;
  w.processes = { ...w.processes, [id]: { ...state, stopped: true } };
  cancel(w, (ev) => !((ev.type === 'step' || ev.type === 'rearm') && ev.process === id));
  const p = w.ctx.processes.get(id);
  emit(w, 'process.stopped', 'merchant', `Process stopped: ${p?.label ?? id}.`, processData(id, cause));
}

export function runStep(w: VWorld, id: string, index: number, run: number, delayed: boolean): void {
  const state = w.processes[id];
  const p = w.ctx.processes.get(id);
  if (!state || state.stopped || !p) return;
  const step = p.steps[index]!;
  const label = step.label ?? `step ${index + 1}`;
  if (p.stopsWhen && holds(w, p.stopsWhen)) {
    stopProcess(w, id, { process: id });
    return;
  }
  w.processes = { ...w.processes, [id]: { ...state, next: index + 1 } };
  if (p.actor === 'customer' && awayAt(w.ctx, w.now)) {
    emit(
      w,
      'process.skipped',
      'customer',
      `Process step: ${p.label} — ${label} did not happen (the customer is away).`,
      {
        process: id,
        step: index,
        label,
      },
    );
    return;
  }
  if (!delayed) {
    const hit = strike(w, 'process.step', { process: id, step: index, id: `${id}#${run}.${index}` });
    if (hit && 'fails' in hit.result) {
      emit(
        w,
        'process.failed',
        'fault',
        `Process step: ${p.label} — ${label} failed and did nothing (${hit.label}).`,
        {
          process: id,
          step: index,
          fault: hit.label,
        },
      );
      return;
    }
    if (hit && 'delayMs' in hit.result) {
      const until = w.now + hit.result.delayMs;
      emit(
        w,
        'process.delayed',
        'fault',
        `Process step: ${p.label} — ${label} runs late, at ${longDateTime(until, w.ctx.zone)} (${hit.label}).`,
        {
          process: id,
          step: index,
          fault: hit.label,
          until: new Date(until).toISOString(),
        },
      );
      schedule(w, { type: 'step', process: id, step: index, run, delayed: true, at: until });
      return;
    }
  }
  if (step.when && !holds(w, step.when)) {
    emit(
      w,
      'process.skipped',
      'merchant',
      `Process step: ${p.label} — ${label} was skipped (its condition does not hold).`,
      {
        process: id,
        step: index,
        label,
      },
    );
    return;
  }
  if (p.actor === 'customer') seeApp(w);
  emit(
    w,
    'process.step',
    p.actor === 'customer' ? 'customer' : 'merchant',
    `Process step: ${p.label} — ${label}.`,
    {
      process: id,
      step: index,
      label,
    },
  );
  applyEffects(w, step.do, {
    process: id,
    calendars: calendarsOf(w, id).filter((c): c is string => c !== undefined),
    ...(p.actor === 'customer' ? { byCustomer: true } : {}),
  });
}
