/**
 * Commitments (design §2.6): given on a channel, recorded if the `recordedIn` record is present
 * in that system at any moment before `due`, kept if `keptWhen` holds at `due`.
 */
import { channelCalendars } from './channels.ts';
import { holds } from './conditions.ts';
import { emit } from './log.ts';
import { schedule } from './queue.ts';
import { copyIn } from './records.ts';
import type { CauseRef, VWorld } from './state.ts';
import { endOf } from './time.ts';
import { longDateTime } from './words.ts';

export function givePromise(w: VWorld, id: string, cause: CauseRef): void {
  const c = w.ctx.commitments.get(id);
  if (!c) return;
  const channel = cause.channel ?? '';
  const due = endOf(w.ctx, c.due, w.now, channelCalendars(w, channel));
  w.commitments = [...w.commitments, { id, channel, givenAt: w.now, due, recorded: false, settled: false }];
  const name = w.ctx.channels.get(channel)?.name ?? channel;
  emit(
    w,
    'commitment.given',
    'support',
    `${name} promised: ${c.says} (by ${longDateTime(due, w.ctx.zone)}).`,
    { commitment: id, channel, says: c.says, due: new Date(due).toISOString() },
    channel || undefined,
  );
  schedule(w, { type: 'commitment-due', commitment: id, givenAt: w.now, at: due });
  noteRecorded(w);
}

/** After any write: open commitments whose record is now present become recorded. */
export function noteRecorded(w: VWorld): void {
  if (!w.commitments.some((c) => !c.settled && !c.recorded)) return;
  w.commitments = w.commitments.map((c) => {
    if (c.settled || c.recorded) return c;
    const where = w.ctx.commitments.get(c.id)?.recordedIn;
    return where && copyIn(w, where.record, where.in) ? { ...c, recorded: true } : c;
  });
}

export function commitmentDue(w: VWorld, id: string, givenAt: number): void {
  const c = w.commitments.find((x) => x.id === id && x.givenAt === givenAt && !x.settled);
  const decl = w.ctx.commitments.get(id);
  if (!c || !decl) return;
  const kept = holds(w, decl.keptWhen);
  w.commitments = w.commitments.map((x) => (x === c ? { ...c, settled: true } : x));
  emit(
    w,
    'commitment.due',
    'merchant',
    `The promise "${decl.says}" was ${kept ? 'kept' : 'not kept'}${c.recorded ? '' : `, and it was never recorded in ${decl.recordedIn.in}`}.`,
    { commitment: id, recorded: c.recorded, kept },
    c.channel || undefined,
  );
}
