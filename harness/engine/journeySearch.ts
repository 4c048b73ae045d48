/**
 * The exhaustive explorer. It runs the scripted journey; at the first unmet expectation it
 * searches the customer's recovery choices in earliest-arrival order (a Dijkstra over
 * virtual time), de-duplicating states and bounded by the deadline, the customer's patience,
 * their effort budget and a path length. First with self-service actions only, then with
 * staff: the first search that reaches the goal decides the outcome. A dead end is a proof
 * within those bounds, returned with the frontier that explains it.
 */
import { formatInstant } from '../clock/instant.ts';
import type { Outcome } from '../core/contract.ts';
import type { RunEnv } from '../core/runEnv.ts';
import { advanceTo } from '../core/scheduler.ts';
import { dataOf, toArray } from '../core/trace.ts';
import { cloneWorld, pairs, record, stateKey, type World } from '../core/world.ts';
import type { Journey } from '../customer/journey.ts';
import { actionLabel, availableActions, missingSelfService } from '../customer/recovery.ts';
import { isDone, runStep, type Trouble } from '../customer/steps.ts';
import { channelName, contact, describeClosure } from '../services/index.ts';
import { MinHeap } from './graph/minHeap.ts';

export interface JourneyOutcome {
  outcome: Outcome;
  world: World;
  path: string[];
  trouble?: Trouble;
  troubleAt?: number;
  goalAt?: number;
  statesExplored: number;
  explanation: string;
  frontier: string[];
}

interface Node {
  /** The state key (undefined: the start, or a search without de-duplication). */
  key?: string | undefined;
  world: World;
  next: number;
  trouble: Trouble | undefined;
  path: string[];
}

/** Run scripted steps from `from` until one fails or the script ends. */
function resume(
  world: World,
  env: RunEnv,
  journey: Journey,
  from: number,
  retry = false,
): { next: number; trouble?: Trouble } {
  let i = from;
  while (i < journey.steps.length && !goalMet(world, journey)) {
    const step = journey.steps[i]!;
    if (isDone(world, step)) {
      i++;
      continue;
    }
    const r = runStep(world, env, journey, step, retry && i === from);
    if (!r.ok) return { next: i, trouble: r.trouble };
    i++;
  }
  return { next: i };
}

function goalMet(world: World, journey: Journey): boolean {
  return journey.needs.every((f) => world.customer.facts.includes(f));
}

function activeMask(env: RunEnv, now: number): string {
  let m = '';
  for (const f of env.faults.active) m += now >= f.from && now < f.until ? '1' : '0';
  return m;
}

interface Search {
  found?: Node;
  explored: number;
  cuts: Map<string, number>;
  /** Support channels the customer reached out to, before giving up, on the paths it tried. */
  contacted: Set<string>;
}

/** Told of each recovery path the search tries and how it ended (for the report's journey map). */
export type SearchObserver = (path: readonly string[], end?: string) => void;

/** How the search runs; the defaults are what every run uses. */
export interface ExploreOptions {
  /**
   * Skip a state whose key was seen before (default true). Off, the search is brute force over
   * every path: exponential, only for proving on small bounds that de-duplication hides nothing.
   */
  dedupe?: boolean;
  /** Told of every path tried (the report's journey map); the search is the same without it. */
  observe?: SearchObserver;
}

function search(
  start: Node,
  env: RunEnv,
  journey: Journey,
  bound: number,
  withStaff: boolean,
  dedupe: boolean,
  observe?: SearchObserver,
): Search {
  const heap = new MinHeap<Node>((a, b) => a.world.now - b.world.now);
  const seen = new Set<string>();
  const cuts = new Map<string, number>();
  const cut = (why: string) => cuts.set(why, (cuts.get(why) ?? 0) + 1);
  const contacted = new Set<string>();
  heap.push(start);
  let explored = 0;
  while (heap.size > 0) {
    const node = heap.pop()!;
    // Settled when taken off the queue, not when queued: a quicker action found later can reach
    // the same state earlier in virtual time, and the earliest arrival is the one that counts.
    if (node.key !== undefined) {
      if (seen.has(node.key)) continue;
      seen.add(node.key);
    }
    explored++;
    if (goalMet(node.world, journey) && node.world.now <= journey.deadline) {
      observe?.(node.path, 'goal');
      return { found: node, explored, cuts, contacted };
    }
    if (!node.trouble) continue;
    if (node.path.length >= journey.maxActions) {
      cut('path-length');
      continue;
    }
    for (const action of availableActions(node.world, env, journey, node.trouble, withStaff)) {
      const w = cloneWorld(node.world);
      if (action.id !== 'wait') advanceTo(w, env, w.now + journey.followUpMs);
      action.apply(w, env, node.trouble);
      const r = resume(w, env, journey, node.next, true);
      for (const c of w.contacts.slice(node.world.contacts.length))
        if (c.at <= bound) contacted.add(c.channel);
      const reached = goalMet(w, journey);
      if (w.now > bound && !(reached && w.now <= journey.deadline)) {
        cut(w.now > journey.deadline ? 'deadline' : 'patience');
        observe?.([...node.path, action.id], w.now > journey.deadline ? 'deadline' : 'patience');
        continue;
      }
      if (w.customer.effortMinutes > journey.effortBudgetMinutes) {
        cut('effort budget');
        observe?.([...node.path, action.id], 'effort budget');
        continue;
      }
      const key = dedupe
        ? `${stateKey(w)}#${r.next}#${r.trouble?.problem ?? ''}#${activeMask(env, w.now)}#${pairs(w.faultHits)}`
        : undefined;
      if (key !== undefined && seen.has(key)) continue;
      observe?.([...node.path, action.id]);
      heap.push({
        key,
        world: w,
        next: r.next,
        trouble: r.trouble ?? (reached ? undefined : node.trouble),
        path: [...node.path, action.id],
      });
    }
  }
  return { explored, cuts, contacted };
}

export function exploreJourney(
  env: RunEnv,
  journey: Journey,
  initial: World,
  opts: ExploreOptions = {},
): JourneyOutcome {
  const dedupe = opts.dedupe ?? true;
  const observe = opts.observe;
  const world = cloneWorld(initial);
  const first = resume(world, env, journey, 0);
  if (!first.trouble && goalMet(world, journey) && world.now <= journey.deadline) {
    return {
      outcome: 'ok',
      world,
      path: [],
      goalAt: world.now,
      statesExplored: 1,
      frontier: [],
      explanation: `The scripted journey worked: the goal was reached on ${formatInstant(world.now, journey.zone, 'long')}.`,
    };
  }
  const trouble: Trouble = first.trouble ?? {
    problem: 'retry',
    product: journey.steps.at(-1)?.product ?? '',
    what: 'the journey ended without reaching the goal',
  };
  const troubleAt = world.now;
  world.customer.troubleSince = troubleAt;
  record(world, {
    actor: 'customer',
    kind: 'customer.stuck',
    text: `The customer was stuck: ${trouble.what}.`,
    data: { problem: trouble.problem },
  });
  const bound = Math.min(journey.deadline, troubleAt + journey.patienceMs);
  const startNode: Node = { world, next: first.next, trouble, path: [] };
  const self = search(startNode, env, journey, bound, false, dedupe, observe);
  let explored = 1 + self.explored;
  let outcome: Outcome = 'recovered';
  let found = self.found;
  let cuts = self.cuts;
  // Real contacts: before the trouble, and on the paths the searches tried.
  const contacted = new Set([...world.contacts.map((c) => c.channel), ...self.contacted]);
  if (!found) {
    const staff = search(startNode, env, journey, bound, true, dedupe, observe);
    explored += staff.explored;
    found = staff.found;
    cuts = staff.cuts;
    for (const c of staff.contacted) contacted.add(c);
    outcome = 'recovered-with-help';
  }
  if (found) {
    const w = found.world;
    return {
      outcome,
      world: w,
      path: found.path,
      trouble,
      troubleAt,
      goalAt: w.now,
      statesExplored: explored,
      frontier: [],
      explanation: `${capitalise(trouble.what)}; the customer recovered ${outcome === 'recovered' ? 'on their own' : 'only with help from staff'} (${found.path.map(actionLabel).join(' → ').toLowerCase()}) and reached the goal on ${formatInstant(w.now, journey.zone, 'long')}.`,
    };
  }
  const frontier = explainDeadEnd(env, journey, world, trouble, troubleAt, bound, cuts, contacted);
  return {
    outcome: 'dead-end',
    world,
    path: [],
    trouble,
    troubleAt,
    statesExplored: explored,
    frontier,
    explanation: `Dead end: ${trouble.what}. ${frontier.map(capitalise).join('. ')}.`,
  };
}

function explainDeadEnd(
  env: RunEnv,
  journey: Journey,
  world: World,
  trouble: Trouble,
  at: number,
  bound: number,
  cuts: Map<string, number>,
  contacted: ReadonlySet<string>,
): string[] {
  const out: string[] = [];
  const causes = toArray(world.trace).filter(
    (e) =>
      e.actor === 'fault' || e.kind === 'notify.skipped' || dataOf(e, 'order.cancelled')?.notified === false,
  );
  for (const e of causes) out.push(inSentence(e.text.replace(/\.$/, '')));
  for (const c of env.profile.support) {
    if (!journey.channels.includes(c.kind)) continue;
    const closed = describeClosure(env, c, at, journey.deadline);
    if (closed) {
      out.push(closed);
      continue;
    }
    if (trouble.problem === 'retry') continue;
    // An open channel that still led nowhere: say what its staff answer (a probe on a copy).
    // Quoted as written (a channel named "SMS reset" keeps its capitals); worded as what happened
    // only when the customer did contact it, else as what would have happened.
    const probe = cloneWorld(world);
    const before = probe.trace;
    contact(probe, env, c, trouble.problem, trouble.product);
    let answer: string | undefined;
    for (let n = probe.trace; n && n !== before; n = n.parent)
      if (n.event.actor === 'support') answer = n.event.text.replace(/\.$/, '');
    if (!answer) continue;
    const name = channelName(c);
    const said = answer.startsWith(`${name}: `) ? answer.slice(name.length + 2) : answer;
    out.push(
      contacted.has(c.id)
        ? `asked, ${answer}`
        : `had the customer asked ${name}, they would have heard: ${said}`,
    );
  }
  const self = missingSelfService(env, trouble);
  if (self.length) out.push(`no self-service path: the merchant offers ${self.join(', ')}`);
  const limit =
    bound < journey.deadline
      ? `the customer's patience ran out on ${formatInstant(bound, journey.zone, 'long')}`
      : `the deadline was ${formatInstant(journey.deadline, journey.zone, 'long')}`;
  const tried = [...cuts.entries()]
    .map(([why, n]) =>
      why === 'path-length'
        ? `${ways(n)} hit the limit of ${journey.maxActions} recovery actions`
        : `${ways(n)} ran past the ${why}`,
    )
    .join(', ');
  out.push(`no recovery path reaches the goal in time: ${limit}${tried ? ` (${tried})` : ''}`);
  return out;
}

const ways = (n: number) => (n === 1 ? '1 way the customer could try' : `${n} ways the customer could try`);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/**
 * One of deadend's own sentences ("The shop cancelled …") as a clause inside a longer one: only a
 * first word deadend itself starts sentences with is lowered, never a name it quotes.
 */
const inSentence = (s: string) => s.replace(/^(The|A|An|Order|Staff|No)\b/, (w) => w.toLowerCase());
