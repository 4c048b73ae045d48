/** When a channel is open: its own calendar; a channel without a calendar is always open. */
import type { VWorld } from './state.ts';
import { longDateTime } from './words.ts';

export function channelOpen(w: VWorld, channel: string, t: number): boolean {
  const id = w.ctx.channels.get(channel)?.calendar;
  return id === undefined || w.ctx.calendar(id).isOpen(t);
}

/** The next opening at or after t; undefined if it never opens again. */
export function nextOpening(w: VWorld, channel: string, t: number): number | undefined {
  const id = w.ctx.channels.get(channel)?.calendar;
  if (id === undefined) return t;
  const next = w.ctx.calendar(id).nextOpen(t);
  return Number.isFinite(next) ? next : undefined;
}

export function channelName(w: VWorld, channel: string): string {
  return w.ctx.channels.get(channel)?.name ?? channel;
}

export function partyOf(w: VWorld, channel: string): string {
  return w.ctx.channels.get(channel)?.party ?? 'merchant';
}

/** The calendars that apply on a channel (its own, its party's), for business durations. */
export function channelCalendars(w: VWorld, channel: string | undefined): string[] {
  if (!channel) return [];
  const c = w.ctx.channels.get(channel);
  const party = c?.party ? w.ctx.parties.get(c.party)?.calendar : undefined;
  return [c?.calendar, party].filter((x): x is string => x !== undefined);
}

/** "ClipForge chat is closed until Monday 16 March 2026 at 09:00" */
export function closedWords(w: VWorld, channel: string, t: number): string {
  const next = nextOpening(w, channel, t);
  const name = channelName(w, channel);
  return next === undefined
    ? `${name} does not open again`
    : `${name} is closed until ${longDateTime(next, w.ctx.zone)}`;
}
