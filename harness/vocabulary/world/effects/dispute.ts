import { causeData, emit } from '../log.ts';
import { schedule } from '../queue.ts';
import { endOf } from '../time.ts';
import { longDate } from '../words.ts';
import type { EffectHandler } from './types.ts';

/** Opens a dispute with a party; it decides after `decides` in the party's calendar. */
export const dispute: EffectHandler<'dispute'> = (w, e, cause) => {
  const { of, with: party, decides, outcome } = e.dispute;
  const calendar = w.ctx.parties.get(party)?.calendar;
  const at = endOf(w.ctx, decides, w.now, [calendar, ...(cause.calendars ?? [])]);
  const name = w.ctx.parties.get(party)?.name ?? party;
  emit(
    w,
    'dispute.opened',
    'payment',
    `A dispute of ${of} was opened with ${name}; it decides by ${longDate(at, w.ctx.zone)}.`,
    {
      of,
      with: party,
      decides: new Date(at).toISOString(),
      ...causeData(cause),
    },
  );
  schedule(w, {
    type: 'dispute-decide',
    of,
    with: party,
    outcome,
    cause: { ...cause, calendars: calendar ? [calendar] : [] },
    at,
  });
  return undefined;
};
