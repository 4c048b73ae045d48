import { noteRecorded } from '../commitments.ts';
import { actorOf, causeData, emit } from '../log.ts';
import { defaultValue, readRecord, writeRecord } from '../records.ts';
import type { EffectHandler } from './types.ts';

/** Writes a record in a system: a value, the default, or a copy of another system's record now. */
export const write: EffectHandler<'write'> = (w, e, cause) => {
  const { record, in: system, value } = e.write;
  const desc = w.ctx.records.get(record)?.description ?? record;
  const systemName = w.ctx.systems.get(system)?.name ?? system;
  if (typeof value === 'object') {
    const copied = readRecord(w, value.record, value.in);
    if (copied === undefined) return undefined;
    writeRecord(w, record, system, copied);
    emit(w, 'record.copied', actorOf(cause), `${systemName} copied ${desc} from ${value.in} (${copied}).`, {
      record,
      from: value.in,
      to: system,
      value: copied,
      ...causeData(cause),
    });
  } else {
    const v = value ?? defaultValue(w.ctx, record);
    writeRecord(w, record, system, v);
    emit(w, 'record.written', actorOf(cause), `${systemName} recorded ${desc} (${v}).`, {
      record,
      system,
      value: v,
      ...causeData(cause),
    });
  }
  noteRecorded(w);
  return undefined;
};
