/**
 * The calendars an open profile uses must build: an inline calendar that extends an unknown
 * one, or a holidays-only calendar named where opening hours are needed, would otherwise fail
 * in the middle of a run (an exit 3) instead of in validate.
 */

import { registryFromDefinitions } from '../../clock/calendarFiles.ts';
import type { CalendarDefinition } from '../../clock/calendarSchema.ts';
import type { OpenMerchantProfile } from '../../vocabulary/schema/index.ts';
import { messageOf } from '../files.ts';
import type { Problem } from '../source.ts';
import type { Reference } from './walk.ts';

/** Why the calendar cannot be built (undefined: it builds); `hours`: it must have opening hours. */
export type CalendarBuild = (id: string, hours: boolean) => string | undefined;

const WEEKDAYS_ALL_DAY = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, '00:00-24:00']),
) as CalendarDefinition['hours'];

/** Why each calendar id cannot be built (undefined: it builds), over the folder's and the profile's own. */
export function calendarBuilder(
  folder: ReadonlyMap<string, CalendarDefinition>,
  profile: OpenMerchantProfile,
): CalendarBuild {
  const defs = new Map(folder);
  for (const c of profile.calendars) defs.set(c.id, c);
  const registry = registryFromDefinitions(defs, `the calendars of ${profile.id}`);
  // Business days in a holidays-only calendar count its weekdays that are not holidays, as the
  // world counts them (vocabulary/world/context.ts); only a channel needs real opening hours.
  const days = registryFromDefinitions(
    new Map([...defs].map(([id, d]) => [id, d.hours === undefined ? { ...d, hours: WEEKDAYS_ALL_DAY } : d])),
    `the calendars of ${profile.id}`,
  );
  return (id, hours) => {
    const def = defs.get(id);
    if (!def) return undefined; // the reference check reports an unknown id
    try {
      (hours || def.hours !== undefined ? registry : days)(id);
      return undefined;
    } catch (e) {
      return messageOf(e);
    }
  };
}

/** A problem for every calendar reference, and every inline calendar, that does not build. */
export function calendarProblems(
  refs: readonly Reference[],
  data: Record<string, unknown>,
  build: CalendarBuild,
): Problem[] {
  const problems: Problem[] = [];
  for (const r of refs) {
    if (r.kind !== 'calendar') continue;
    const why = build(r.id, r.path[0] === 'channels' && r.path.length === 3);
    if (why) problems.push({ path: r.path, message: `the calendar "${r.id}" cannot be used here: ${why}` });
  }
  ((data.calendars as { id: string }[] | undefined) ?? []).forEach((c, i) => {
    const why = build(c.id, false);
    if (why && !refs.some((r) => r.kind === 'calendar' && r.id === c.id))
      problems.push({
        path: ['calendars', i, 'id'],
        message: `the calendar "${c.id}" cannot be built: ${why}`,
      });
  });
  return problems;
}
