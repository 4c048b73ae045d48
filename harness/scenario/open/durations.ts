/**
 * Business durations need a calendar (design §2.2): "2 business days", "3 open hours", "2 open
 * days" and ranges count in the calendar that applies — the object form's `calendar`, the
 * element's own, its channel's, its party's. Where none applies the run would silently count
 * 24-hour days, so validate says so at the duration. A range's ends must be in order.
 */
import { parseDuration } from '../../clock/duration.ts';
import type { OpenMerchantProfile } from '../../vocabulary/schema/index.ts';
import { messageOf } from '../files.ts';
import type { Problem } from '../source.ts';
import type { Ancestor, BusinessTimeUse } from './walk.ts';

export type DurationKind = 'elapsed' | 'business';

const NUMBER = String.raw`\d+(?:\.\d+)?`;
const RANGE = new RegExp(`^(${NUMBER})\\s*[-–]\\s*(${NUMBER})\\s+(.+)$`);
const OPEN = new RegExp(`^${NUMBER}\\s+open\\s+(?:day|hour)s?$`, 'i');

/** What a duration text is, or why it is not one. */
export function classify(text: string): { kind: DurationKind } | { error: string } {
  const t = text.trim();
  const range = RANGE.exec(t);
  if (range) {
    const [lo, hi] = [Number(range[1]), Number(range[2])];
    if (lo > hi) return { error: `the range "${t}" has its ends reversed: write ${hi}-${lo} ${range[3]}` };
    return classify(`${hi} ${range[3]}`);
  }
  if (OPEN.test(t)) return { kind: 'business' };
  try {
    return { kind: parseDuration(t).kind === 'elapsed' ? 'elapsed' : 'business' };
  } catch (e) {
    return { error: `${messageOf(e)}, or "2 open days", "3 open hours", "3-5 business days"` };
  }
}

interface Lookup {
  profile: OpenMerchantProfile;
  /** Parameter values after the scenario's overrides. */
  parameters: Record<string, unknown>;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The calendar that applies at a place, walking out from the duration (nearest first). */
export function calendarFor(ancestors: readonly Ancestor[], { profile }: Lookup): string | undefined {
  const channel = (id: string | undefined) => profile.channels.find((c) => c.id === id);
  const party = (id: string | undefined) => profile.parties.find((p) => p.id === id);
  for (const { value } of ancestors) {
    const own = str(value.calendar);
    if (own) return own;
    const ch = channel(str(value.on) ?? str(value.via) ?? str(value.channel));
    const found = ch?.calendar ?? party(ch?.party)?.calendar ?? party(str(value.party))?.calendar;
    if (found) return found;
    // A staff action without `on` is offered on the channels whose remedies list it.
    if (value.by === 'staff' && typeof value.id === 'string') {
      const on = profile.channels.find((c) => c.remedies.includes(value.id as string) && c.calendar);
      if (on?.calendar) return on.calendar;
    }
  }
  return undefined;
}

export function durationProblems(uses: readonly BusinessTimeUse[], lookup: Lookup): Problem[] {
  const problems: Problem[] = [];
  for (const use of uses) {
    const v = use.value;
    let text: string | undefined;
    let path = use.path;
    let param: string | undefined;
    if (typeof v === 'string') text = v;
    else if (v && typeof v === 'object' && 'length' in v) {
      text = String((v as { length: unknown }).length);
      path = [...use.path, 'length'];
      const c = classify(text);
      if ('error' in c) problems.push({ path, message: c.error });
      continue; // the object form names its calendar
    } else if (v && typeof v === 'object' && 'param' in v) {
      param = String((v as { param: unknown }).param);
      text = str(lookup.parameters[param]);
      if (text === undefined) continue; // unknown parameter: the reference check says so
    } else if (v && typeof v === 'object' && 'trait' in v) {
      const id = String((v as { trait: unknown }).trait);
      const trait = lookup.profile.traits.find((t) => t.id === id);
      if (trait && trait.type !== 'duration')
        problems.push({
          path: [...use.path, 'trait'],
          message: `the trait "${id}" is a ${trait.type}, not a duration`,
        });
      continue;
    }
    if (text === undefined) continue;
    const c = classify(text);
    const via = param !== undefined ? ` (the parameter "${param}")` : '';
    if ('error' in c) problems.push({ path, message: `${c.error}${via}` });
    else if (c.kind === 'business' && calendarFor(use.ancestors, lookup) === undefined) {
      problems.push({
        path,
        message: `"${text}"${via} counts in a calendar, and none applies here`,
        hint: `write { length: ${text}, calendar: <id> }, or give the element (or its channel or party) a calendar`,
      });
    }
  }
  return problems;
}
