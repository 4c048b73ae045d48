/**
 * `deadend analyze` for one journey: minimal cut sets for a dead end and for each high-severity
 * finding, single points of failure, rescuing faults, top-event probabilities side by side,
 * an FMEA table and a fault tree.
 */

import seedrandom from 'seedrandom';
import type { JourneyAnalysis, TopEventAnalysis } from '../../core/contract.ts';
import type { LoadedScenario } from '../../scenario/load.ts';
import { faultCatalogue } from '../../services/index.ts';
import { type CutSetResult, minimalCutSets, singlePointsOfFailure } from './cutSets.ts';
import { type Evaluation, evaluator } from './evaluate.ts';
import { fmeaRow } from './fmea.ts';
import {
  cutSetUnionProbability,
  enumeratedProbability,
  rareEventApproximation,
  wilson,
} from './probability.ts';

/** Up to this many faults the exact probability enumerates every combination (2^n runs). */
export const ENUMERATE_UP_TO = 12;

const RANK = { ok: 0, recovered: 1, 'recovered-with-help': 2, 'dead-end': 3 } as const;
const rank = (e: Evaluation) => RANK[e.outcome];

export interface AnalyzeOptions {
  seed: number;
  /** Largest cut set searched (default: every size up to 8 faults, else 3). */
  maxSize?: number;
  calendarsDir?: string;
}

export function analyzeJourney(loaded: LoadedScenario, opts: AnalyzeOptions): JourneyAnalysis {
  const ev = evaluator(loaded, opts.seed, opts.calendarsDir);
  const labels = ev.labels;
  const maxSize = opts.maxSize ?? (labels.length <= 8 ? labels.length : 3);
  const seen = new Map<string, { combo: string[]; evaluation: Evaluation }>();
  const run = (combo: string[]) => {
    const e = ev.evaluate(combo);
    seen.set(combo.join('+'), { combo, evaluation: e });
    return e;
  };
  const environment = new Set(labels.filter((_, i) => loaded.scenario.faults[i]!.window));
  const events: TopEventAnalysis[] = [];
  const analyse = (event: string, description: string, holds: (e: Evaluation) => boolean) => {
    const r = minimalCutSets(labels, (c) => holds(run(c)), maxSize);
    events.push(
      topEvent(
        event,
        description,
        r,
        labels,
        ev.probabilities,
        environment,
        (c) => holds(run(c)),
        `${opts.seed}|${loaded.scenario.id}`,
      ),
    );
  };
  analyse('dead-end', 'the customer is stranded (dead end)', (e) => e.outcome === 'dead-end');
  // Each high-severity finding seen in any run so far; new ones found on the way join in.
  const done = new Set<string>();
  for (;;) {
    const next = [...seen.values()]
      .flatMap((r) => r.evaluation.findings)
      .filter((f) => f.severity === 'high' && !done.has(f.oracle))
      .map((f) => f.oracle)
      .sort()[0];
    if (next === undefined) break;
    done.add(next);
    analyse(`finding:${next}`, `finding ${next}`, (e) => e.findings.some((f) => f.oracle === next));
  }
  const baseline = run([]);
  const fmea = labels.map((label, i) => {
    const use = loaded.scenario.faults[i]!;
    return fmeaRow({
      fault: label,
      mode: faultCatalogue.get(use.fault)?.summary ?? use.fault,
      probability: use.probability,
      alone: run([label]),
      baseline,
      // Only where this fault makes things worse: in a superset of another fault's cut set it may
      // merely be present.
      withFault: [...seen.values()].filter(
        (r) => r.combo.includes(label) && rank(r.evaluation) > rank(run(r.combo.filter((f) => f !== label))),
      ),
    });
  });
  fmea.sort((a, b) => b.rpn - a.rpn || labels.indexOf(a.fault) - labels.indexOf(b.fault));
  return {
    id: loaded.scenario.id,
    file: loaded.file,
    title: loaded.scenario.title,
    faults: loaded.scenario.faults.map((u, i) => ({
      label: labels[i]!,
      fault: u.fault,
      probability: u.probability,
    })),
    combinationsEvaluated: ev.runs,
    combinationsTotal: 2 ** labels.length,
    topEvents: events,
    fmea,
  };
}

function topEvent(
  event: string,
  description: string,
  r: CutSetResult,
  labels: readonly string[],
  probabilities: ReadonlyMap<string, number>,
  environment: ReadonlySet<string>,
  holds: (combo: string[]) => boolean,
  seedKey: string,
): TopEventAnalysis {
  const givenEnvironment = r.cutSets
    .map((c) => ({ rest: c.filter((f) => !environment.has(f)), given: c.filter((f) => environment.has(f)) }))
    .filter((x) => x.rest.length === 1 && x.given.length > 0)
    .map((x) => ({ fault: x.rest[0]!, given: x.given }));
  const union = cutSetUnionProbability(r.cutSets, probabilities);
  return {
    event,
    description,
    cutSets: r.cutSets,
    singlePointsOfFailure: singlePointsOfFailure(r),
    singlePointsGivenEnvironment: givenEnvironment,
    rescues: r.rescues,
    maxSize: r.maxSize,
    complete: r.complete,
    probability: {
      rareEvent: round(rareEventApproximation(r.cutSets, probabilities)),
      ...(union !== undefined ? { cutSetUnion: round(union) } : {}),
      ...(labels.length <= ENUMERATE_UP_TO
        ? { enumerated: round(enumeratedProbability(labels, probabilities, holds)) }
        : { sampled: sampledProbability(labels, probabilities, holds, `${seedKey}|${event}`) }),
    },
  };
}

export const SAMPLES = 10_000;

/** The top event's probability from combinations drawn with the fault probabilities (seeded). */
function sampledProbability(
  labels: readonly string[],
  probabilities: ReadonlyMap<string, number>,
  holds: (combo: string[]) => boolean,
  seedKey: string,
): { samples: number; share: number; low: number; high: number } {
  let k = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const rng = seedrandom(`${seedKey}|sample|${i}`);
    if (holds(labels.filter((l) => rng() < probabilities.get(l)!))) k++;
  }
  const w = wilson(k, SAMPLES);
  return { samples: SAMPLES, share: round(k / SAMPLES), low: round(w.low), high: round(w.high) };
}

/** Probabilities to 6 significant digits: the same bytes on every machine. */
function round(p: number): number {
  return p === 0 ? 0 : Number(p.toPrecision(6));
}
