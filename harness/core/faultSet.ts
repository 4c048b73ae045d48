/**
 * The faults active in one run. Window, probability and `times` are decided here, once for
 * every fault; a probability draw is a pure function of (run seed, fault, occurrence) so the
 * explorer can fork worlds without carrying a random stream along.
 */
import seedrandom from 'seedrandom';
import type { FaultDefinition, HookPoints, HookResults } from './fault.ts';
import type { Instant } from './trace.ts';
import type { World } from './world.ts';

export interface ActiveFault {
  label: string;
  def: FaultDefinition;
  // biome-ignore lint/suspicious/noExplicitAny: each fault's own parameter type
  params: any;
  from: Instant;
  until: Instant;
  probability: number;
  times: number | undefined;
}

export interface FaultHit<K extends keyof HookPoints> {
  label: string;
  fault: string;
  result: HookResults[K];
}

export class FaultSet {
  readonly active: readonly ActiveFault[];
  readonly seedKey: string;

  constructor(active: readonly ActiveFault[], seedKey: string) {
    this.active = active;
    this.seedKey = seedKey;
  }

  /** The first active fault that strikes this occurrence, counting it against `times`. */
  hit<K extends keyof HookPoints>(
    world: World,
    point: K,
    occurrence: HookPoints[K],
  ): FaultHit<K> | undefined {
    for (const f of this.active) {
      const hook = f.def.hooks[point];
      if (!hook || world.now < f.from || world.now >= f.until) continue;
      const used = world.faultHits[f.label] ?? 0;
      if (f.times !== undefined && used >= f.times) continue;
      const result = hook(f.params, occurrence);
      if (result === undefined) continue;
      if (f.probability < 1 && seedrandom(`${this.seedKey}|${f.label}|${occurrence.id}`)() >= f.probability)
        continue;
      world.faultHits[f.label] = used + 1;
      return { label: f.label, fault: f.def.id, result };
    }
    return undefined;
  }

  /** Support channels closed by faults: { channel or '*', from, until, reason }. */
  closures(): { channels: string[] | undefined; from: Instant; until: Instant; reason: string }[] {
    return this.active.flatMap((f) => {
      const c = f.def.closes?.(f.params);
      return c ? [{ channels: c.channels, from: f.from, until: f.until, reason: c.reason }] : [];
    });
  }

  silos(): [string, string][] {
    return this.active.flatMap((f) => f.def.silos?.(f.params) ?? []);
  }
}
