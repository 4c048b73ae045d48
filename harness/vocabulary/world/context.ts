/**
 * What never changes during a run, compiled once from the run setup: declarations by id,
 * calendars built, fault uses. Shared by every clone of a world.
 */
import { type BusinessCalendar, buildCalendar, type CalendarDefinition } from '../../clock/calendar.ts';
import type { ActiveFault } from '../../core/faultSet.ts';
import type { OpenMerchantProfile, OpenScenario } from '../schema/index.ts';
import { type AwayWindow, awayWindows, siloPairs } from './faults.ts';
import type { RunSetup } from './setup.ts';

type Decl<K extends keyof OpenMerchantProfile> = OpenMerchantProfile[K] extends (infer T)[] ? T : never;

export interface Context {
  readonly setup: RunSetup;
  readonly profile: OpenMerchantProfile;
  readonly scenario: OpenScenario;
  readonly persona: RunSetup['persona'];
  readonly faults: readonly ActiveFault[];
  readonly messages: ReadonlyMap<string, Decl<'messages'>>;
  readonly channels: ReadonlyMap<string, Decl<'channels'>>;
  readonly parties: ReadonlyMap<string, Decl<'parties'>>;
  readonly systems: ReadonlyMap<string, Decl<'systems'>>;
  readonly records: ReadonlyMap<string, Decl<'records'>>;
  readonly facts: ReadonlyMap<string, Decl<'facts'>>;
  readonly traits: ReadonlyMap<string, Decl<'traits'>>;
  readonly reasons: ReadonlyMap<string, Decl<'reasons'>>;
  readonly problems: ReadonlyMap<string, Decl<'problems'>>;
  readonly actions: ReadonlyMap<string, Decl<'actions'>>;
  readonly processes: ReadonlyMap<string, Decl<'processes'>>;
  readonly commitments: ReadonlyMap<string, Decl<'commitments'>>;
  readonly routes: ReadonlyMap<string, Decl<'routes'>>;
  readonly products: ReadonlyMap<string, Decl<'products'>>;
  /** The calendar of this id: the profile's inline calendars win over the registry. */
  calendar(id: string): BusinessCalendar;
  /** The scenario's zone (customer timezone, else the profile's). */
  readonly zone: string;
  /** When the customer is away (customer.away). */
  readonly away: readonly AwayWindow[];
  /** System pairs cut by systems.silo, as "a|b" both ways. */
  readonly silos: ReadonlySet<string>;
  /** Customer actions by channel, staff actions by id, in declaration order. */
  readonly customerActions: readonly Decl<'actions'>[];
}

const WEEKDAYS_ALL_DAY = {
  mon: '00:00-24:00',
  tue: '00:00-24:00',
  wed: '00:00-24:00',
  thu: '00:00-24:00',
  fri: '00:00-24:00',
};

function byId<T extends { id: string }>(list: readonly T[]): ReadonlyMap<string, T> {
  return new Map(list.map((x) => [x.id, x]));
}

export function compile(setup: RunSetup): Context {
  const { profile, scenario } = setup.loaded;
  const inline = new Map<string, CalendarDefinition>(profile.calendars.map((c) => [c.id, c]));
  const built = new Map<string, BusinessCalendar>();
  // An inline calendar may extend a file calendar (holidays): resolve `extends` through the
  // registry's definitions when the id is not inline — the registry builds, so for an
  // inline calendar extending a file one we rebuild from the file calendar's own spec.
  const calendar = (id: string): BusinessCalendar => {
    const have = built.get(id);
    if (have) return have;
    const def = inline.get(id);
    const cal = def ? buildCalendar(def, definitionOf) : fileCalendar(id);
    built.set(id, cal);
    return cal;
  };
  // A holidays-only calendar named for business days (103's refund "in uk-holidays") counts
  // its weekdays that are not holidays: built with Monday–Friday open all day.
  const fileCalendar = (id: string): BusinessCalendar => {
    try {
      return setup.calendars(id);
    } catch (error) {
      const def = setup.calendarDefinitions?.(id);
      if (!def || def.hours !== undefined) throw error;
      return buildCalendar({ ...def, hours: WEEKDAYS_ALL_DAY }, definitionOf);
    }
  };
  const definitionOf = (id: string): CalendarDefinition => {
    const def = inline.get(id) ?? setup.calendarDefinitions?.(id);
    if (!def) throw new Error(`calendar "${id}" is neither inline in the profile nor a file calendar`);
    return def;
  };
  const zone = scenario.customer.timezone ?? profile.timezone;
  const silos = new Set(siloPairs(setup.faults).flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
  return {
    setup,
    profile,
    scenario,
    persona: setup.persona,
    faults: setup.faults,
    messages: byId(profile.messages),
    channels: byId(profile.channels),
    parties: byId(profile.parties),
    systems: byId(profile.systems),
    records: byId(profile.records),
    facts: byId(profile.facts),
    traits: byId(profile.traits),
    reasons: byId(profile.reasons),
    problems: byId(profile.problems),
    actions: byId(profile.actions),
    processes: byId(profile.processes),
    commitments: byId(profile.commitments),
    routes: byId(profile.routes),
    products: byId(profile.products),
    calendar,
    zone,
    away: awayWindows(setup.faults, zone),
    silos,
    customerActions: profile.actions.filter((a) => a.by === 'customer'),
  };
}
