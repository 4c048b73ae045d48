/**
 * The lengths of time a scenario's steps give (`await.within`, `wait.for`): elapsed
 * ("PT10M", "2d") or business ("2 business days", in the object form's calendar), a range's
 * upper end ("3-5 business days"), a profile parameter or a persona's duration trait.
 * Counting is harness/clock's (calendar.add); nothing here re-implements a calendar.
 */
import { alwaysOpen, type BusinessCalendar } from '../../clock/calendar.ts';
import { parseDuration } from '../../clock/duration.ts';
import type { BusinessTime } from '../../vocabulary/schema/index.ts';
import type { VWorld } from '../../vocabulary/world/index.ts';

/** "3-5 business days" → "5 business days"; "2 open days" counts as business days of its calendar. */
function normalise(text: string): string {
  return text
    .trim()
    .replace(/^(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s+/, '$2 ')
    .replace(/\bopen (day|hour)s?\b/i, 'business $1s');
}

/** The instant `spec` after `from`; `calendar` applies when the spec names none. */
export function after(w: VWorld, from: number, spec: BusinessTime, calendar?: BusinessCalendar): number {
  const zone = w.ctx.zone;
  if (typeof spec === 'string')
    return (calendar ?? alwaysOpen(zone)).add(from, parseDuration(normalise(spec)));
  if ('length' in spec) return w.ctx.calendar(spec.calendar).add(from, parseDuration(normalise(spec.length)));
  const value = 'param' in spec ? w.ctx.profile.parameters[spec.param] : w.ctx.persona.traits[spec.trait];
  if (typeof value === 'number') return from + value * 86_400_000;
  if (typeof value === 'string') return after(w, from, value, calendar);
  throw new Error(`no duration in ${'param' in spec ? `parameter ${spec.param}` : `trait ${spec.trait}`}`);
}
