/**
 * Monte Carlo over customers: N customers per journey, each with faults drawn with their
 * probabilities and traits drawn from the scenario's population. Customers come in fixed
 * blocks; the tally is counts per (fault combination, trait bucket), which do not depend on
 * the order customers are run in, and every distinct (combination, traits) pair is run once.
 * A journey is the unit of sharding: a shard runs whole journeys, so merged shards give the
 * same bytes as one process.
 */
import { type JourneyMonteCarlo, OUTCOMES, type Outcome, type ShareEstimate } from '../../core/contract.ts';
import { combinationKey } from '../../scenario/combinations.ts';
import type { LoadedScenario } from '../../scenario/load.ts';
import { DEFAULT_CUSTOMERS } from '../../scenario/population.ts';
import { evaluator } from './evaluate.ts';
import { customerSeedKey, drawCustomer } from './population.ts';
import { wilson } from './probability.ts';

export const BLOCK = 1000;

export interface MonteCarloOptions {
  seed: number;
  /** Default: the scenario's `explore.customers`, else DEFAULT_CUSTOMERS. */
  customers?: number;
  /** Default: the scenario's `explore.precision`. */
  precision?: number;
  calendarsDir?: string;
}

export function monteCarloJourney(loaded: LoadedScenario, opts: MonteCarloOptions): JourneyMonteCarlo {
  const s = loaded.scenario;
  const requested = opts.customers ?? s.explore.customers ?? DEFAULT_CUSTOMERS;
  const precision = opts.precision ?? s.explore.precision;
  const ev = evaluator(loaded, opts.seed, opts.calendarsDir);
  const faults = ev.labels.map((label) => ({ label, probability: ev.probabilities.get(label)! }));
  // The customer's trouble starts at the journey's start at the earliest, so patience beyond the
  // deadline is the same as patience up to it.
  const horizon = ev.journey.deadline - ev.journey.start;
  const counts: Record<Outcome, number> = { ok: 0, recovered: 0, 'recovered-with-help': 0, 'dead-end': 0 };
  const strandings = new Map<string, { faults: string[]; customers: number }>();
  // Money and effort are summed in integer hundredths, so the total is exact whatever the order.
  let moneyCents = 0;
  let effortCentiHours = 0;
  let done = 0;
  let stopped = false;
  while (done < requested) {
    const end = Math.min(requested, done + BLOCK);
    for (let i = done; i < end; i++) {
      const c = drawCustomer(customerSeedKey(opts.seed, s.id, i), faults, s.customer.population, horizon);
      const e = ev.evaluate(c.faults, c.traitsKey ? c.traits : undefined, c.traitsKey);
      counts[e.outcome]++;
      moneyCents += Math.round(e.moneyLost * 100);
      effortCentiHours += Math.round(e.effortHours * 100);
      if (e.outcome === 'dead-end') {
        const key = combinationKey(c.faults);
        const entry = strandings.get(key) ?? { faults: c.faults, customers: 0 };
        entry.customers++;
        strandings.set(key, entry);
      }
    }
    done = end;
    if (precision !== undefined && done < requested && widest(counts, done) <= precision) {
      stopped = true;
      break;
    }
  }
  const stranded = counts['dead-end'];
  return {
    id: s.id,
    file: loaded.file,
    title: s.title,
    customers: done,
    requested,
    ...(stopped && precision !== undefined ? { stoppedEarly: { precision } } : {}),
    distinctRuns: ev.runs,
    outcomes: Object.fromEntries(OUTCOMES.map((o) => [o, estimate(counts[o], done)])) as Record<
      Outcome,
      ShareEstimate
    >,
    per1000: {
      moneyLost: round2((moneyCents / 100 / done) * 1000),
      effortHours: round2((effortCentiHours / 100 / done) * 1000),
      currency: loaded.merchant.currency,
    },
    strandedBy: [...strandings.values()]
      .sort(
        (a, b) => b.customers - a.customers || (combinationKey(a.faults) < combinationKey(b.faults) ? -1 : 1),
      )
      .slice(0, 5)
      .map((x) => ({ ...x, shareOfStranded: round6(x.customers / stranded) })),
  };
}

/** The largest 95% half-width over the outcome shares. */
function widest(counts: Record<Outcome, number>, n: number): number {
  return Math.max(
    ...OUTCOMES.map((o) => {
      const w = wilson(counts[o], n);
      return (w.high - w.low) / 2;
    }),
  );
}

function estimate(k: number, n: number): ShareEstimate {
  const w = wilson(k, n);
  return { customers: k, share: round6(k / n), low: round6(w.low), high: round6(w.high) };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const round6 = (x: number) => (x === 0 ? 0 : Number(x.toPrecision(6)));
