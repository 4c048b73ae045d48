/**
 * Sending a message (the `send` effect): the address it goes to, where it lands (by medium:
 * e-mail → inbox, phone number → phone, account → app, postal → post), faults on its kind,
 * and whether the customer sees it.
 */
import { parseInstant } from '../../clock/instant.ts';
import type { AddressOwner, MessagePlace } from '../events.ts';
import type { Effect } from '../schema/index.ts';
import { strike } from './faults.ts';
import { see, seenOnDelivery } from './knowledge.ts';
import { causeData, emit } from './log.ts';
import { schedule } from './queue.ts';
import { readRecord } from './records.ts';
import type { CauseRef, SentMessage, VWorld } from './state.ts';
import { longDateTime } from './words.ts';

type To = Extract<Effect, { send: unknown }>['send']['to'];

const PLACE: Record<string, MessagePlace> = {
  email: 'inbox',
  'phone-number': 'phone',
  account: 'app',
  postal: 'post',
  'in-person': 'app',
};

interface Address {
  to: string;
  owner: AddressOwner;
}

/** The customer's address for a medium, read as 'current' / 'former' / a literal text. */
function resolve(w: VWorld, medium: string, value: string | undefined): Address {
  const mine = w.ctx.scenario.customer.addresses[medium as keyof typeof w.ctx.scenario.customer.addresses];
  if (medium === 'account' || medium === 'in-person') return { to: 'account', owner: 'current' };
  if (value === undefined || value === 'current') return owned(w, mine, mine?.current ?? '(no address)');
  if (value === 'former') return owned(w, mine, mine?.former ?? '(no former address)');
  return owned(w, mine, value);
}

/** Whose address it is at this moment: before `changedAt` the former one was still hers. */
function owned(
  w: VWorld,
  mine: { current: string; former?: string; changedAt?: string } | undefined,
  to: string,
): Address {
  if (!mine) return { to, owner: 'unknown' };
  const changed = mine.changedAt ? parseInstant(mine.changedAt, w.ctx.zone) : undefined;
  const stillFormer = changed !== undefined && w.now < changed;
  if (to === mine.current) return { to, owner: stillFormer ? 'unknown' : 'current' };
  if (to === mine.former) return { to, owner: stillFormer ? 'current' : 'former' };
  return { to, owner: 'unknown' };
}

function addressFor(w: VWorld, medium: string, via: string, to: To): Address {
  if (to === 'current' || to === 'former') return resolve(w, medium, to);
  if (typeof to === 'object') return resolve(w, medium, readRecord(w, to.record, to.in));
  // on-record: the copy of an address record the sending channel's systems hold, else current.
  const channel = w.ctx.channels.get(via);
  for (const system of channel?.sees ?? []) {
    for (const r of w.ctx.records.values()) {
      if (r.value !== 'address') continue;
      const value = readRecord(w, r.id, system);
      if (value !== undefined) return resolve(w, medium, value);
    }
  }
  return resolve(w, medium, 'current');
}

export function sendMessage(w: VWorld, message: string, via: string, to: To, cause: CauseRef): void {
  const kind = w.ctx.messages.get(message);
  const channel = w.ctx.channels.get(via);
  const medium = channel?.medium ?? 'email';
  const id = `m${w.messages.length + 1}`;
  const name = kind?.name ?? message;
  const hit = strike(w, 'message.send', { message, via, medium, id });
  if (hit && 'suppressed' in hit.result) {
    emit(
      w,
      'message.suppressed',
      'fault',
      `The ${name} was never sent (${hit.label}).`,
      {
        message,
        via,
        fault: hit.label,
      },
      via,
    );
    return;
  }
  const address = addressFor(w, medium, via, to);
  const folder = hit && 'place' in hit.result ? hit.result.place : undefined;
  const place: MessagePlace =
    address.owner !== 'current' ? 'nowhere' : (folder ?? PLACE[medium] ?? 'nowhere');
  const delay = hit && 'delayMs' in hit.result ? hit.result.delayMs : 0;
  const m: SentMessage = {
    id,
    message,
    via,
    medium,
    to: address.to,
    owner: address.owner,
    sentAt: w.now,
    deliverAt: w.now + delay,
    place: 'in-flight',
    seen: false,
  };
  w.messages = [...w.messages, m];
  emit(
    w,
    'message.sent',
    'notify',
    `${channel?.name ?? via} sent the ${name} (${message}) to ${address.to}.`,
    {
      id,
      message,
      via,
      medium,
      to: address.to,
      owner: address.owner,
      carries: kind?.carries ?? [],
      tells: kind?.tells ?? [],
      about: kind?.about ?? 'other',
      ...causeData(cause),
    },
    via,
  );
  if (hit && folder) {
    emit(
      w,
      folder === 'spam' ? 'message.spam-foldered' : 'message.quarantined',
      'fault',
      `The ${name} went to ${folder === 'spam' ? 'the spam folder' : 'quarantine'} (${hit.label}).`,
      { id, message, via, fault: hit.label },
      via,
    );
  }
  if (delay > 0) {
    emit(
      w,
      'message.delayed',
      'fault',
      `The ${name} is held back until ${longDateTime(m.deliverAt, w.ctx.zone)} (${hit?.label}).`,
      { id, message, via, fault: hit?.label ?? '', until: new Date(m.deliverAt).toISOString() },
      via,
    );
    schedule(w, { type: 'deliver', message: id, place, at: m.deliverAt });
    return;
  }
  deliver(w, id, place);
}

export function deliver(w: VWorld, id: string, place: MessagePlace): void {
  const m = w.messages.find((x) => x.id === id);
  if (!m) return;
  const delivered: SentMessage = { ...m, place };
  w.messages = w.messages.map((x) => (x.id === id ? delivered : x));
  emit(
    w,
    'message.delivered',
    'mail',
    `The ${w.ctx.messages.get(m.message)?.name ?? m.message} reached ${place === 'nowhere' ? `${m.to}, which is not the customer's` : `the customer's ${place}`}.`,
    { id, message: m.message, via: m.via, to: m.to, place },
    m.via,
  );
  if (seenOnDelivery(w, delivered)) see(w, delivered);
}
