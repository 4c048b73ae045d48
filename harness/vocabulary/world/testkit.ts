/**
 * Toy worlds for the tests beside this file: a profile and a scenario written inline (schema
 * defaults applied), fault uses by id with params, calendars inline or from fixtures/calendars.
 */
import { calendarRegistry, loadCalendarDefinitions } from '../../clock/calendarFiles.ts';
import { parseInstant } from '../../clock/instant.ts';
import type { ActiveFault } from '../../core/faultSet.ts';
import { type TraceEvent, toArray } from '../../core/trace.ts';
import { vocabularyFault } from '../faults/index.ts';
import { openMerchantProfileSchema, openScenarioSchema } from '../schema/index.ts';
import { createWorld } from './create.ts';
import type { VWorld } from './state.ts';

const registry = calendarRegistry('fixtures/calendars');
const definitions = loadCalendarDefinitions('fixtures/calendars');

export interface Toy {
  profile: Record<string, unknown>;
  scenario?: Record<string, unknown>;
  traits?: Record<string, boolean | number | string>;
  channels?: string[];
  faults?: {
    fault: string;
    params?: Record<string, unknown>;
    from?: string;
    until?: string;
    times?: number;
    label?: string;
  }[];
}

export function toyWorld(toy: Toy): VWorld {
  const profile = openMerchantProfileSchema.parse({
    id: 'toy',
    name: 'Toy',
    timezone: 'Europe/London',
    currency: 'GBP',
    ...toy.profile,
  });
  const scenario = openScenarioSchema.parse({
    id: 'toy-run',
    title: 'A toy run',
    merchant: 'toy',
    start: '2026-03-02T09:00',
    goal: { description: 'the goal', when: { fact: 'never' }, deadline: '2026-04-30T00:00' },
    steps: [{ wait: { for: 'PT1H' } }],
    expect: [{ outcome: 'ok' }],
    ...toy.scenario,
  });
  const zone = scenario.customer.timezone ?? profile.timezone;
  const faults: ActiveFault[] = (toy.faults ?? []).map((f, i) => {
    const def = vocabularyFault(f.fault);
    if (!def) throw new Error(`no vocabulary fault ${f.fault}`);
    return {
      label: f.label ?? `f${i + 1}`,
      def,
      params: def.params.parse(f.params ?? {}),
      from: f.from ? parseInstant(f.from, zone) : Number.NEGATIVE_INFINITY,
      until: f.until ? parseInstant(f.until, zone) : Number.POSITIVE_INFINITY,
      probability: 1,
      times: f.times,
    };
  });
  return createWorld({
    loaded: { kind: 'open', file: 'toy.yaml', scenario, profile, sources: [] },
    persona: { id: 'toy', traits: toy.traits ?? {}, ...(toy.channels ? { channels: toy.channels } : {}) },
    faults,
    seedKey: 'toy',
    calendars: registry,
    calendarDefinitions: (id) => definitions.get(id)?.def,
  });
}

/** Local time in the toy's zone (Europe/London unless the scenario says otherwise). */
export function at(w: VWorld, local: string): number {
  return parseInstant(local, w.ctx.zone);
}

export function events(w: VWorld, kind?: string): TraceEvent[] {
  const all = toArray(w.trace);
  return kind ? all.filter((e) => e.kind === kind) : all;
}

/** An ISO local time of an instant, for readable assertions: 2026-03-16T09:00. */
export function local(w: VWorld, t: number): string {
  const f = new Intl.DateTimeFormat('sv-SE', {
    timeZone: w.ctx.zone,
    dateStyle: 'short',
    timeStyle: 'short',
  });
  return f.format(t).replace(' ', 'T');
}
