/**
 * Mail: an MTA that delivers each message to a mailbox per address, into the inbox, the spam
 * folder or quarantine — or bounces it. Faults decide the folder and any delay.
 */
import type { MailKind } from '../scenario/schema.ts';
import type { RunEnv } from './runEnv.ts';
import { type MailMessage, nextId, record, schedule, type World } from './world.ts';

/** Ordinary transit time of a message. */
const TRANSIT_MS = 60_000;

export interface OutgoingMail {
  to: string;
  kind: MailKind;
  subject: string;
  orderId?: string;
  secret?: string;
  unverifiedAddress?: boolean;
  /** What the message is about beyond an order (a subscription and its state), for oracles. */
  about?: Record<string, unknown>;
}

export function sendMail(world: World, env: RunEnv, mail: OutgoingMail): MailMessage {
  const id = nextId(world, 'msg');
  const hit = env.faults.hit(world, 'mail', { kind: mail.kind, to: mail.to, id });
  const delay = hit && 'delayMs' in hit.result ? hit.result.delayMs : 0;
  const { about, ...fields } = mail;
  const message: MailMessage = {
    id,
    ...fields,
    sentAt: world.now,
    deliverAt: world.now + TRANSIT_MS + delay,
    folder: 'in-flight',
    read: false,
  };
  world.mail.push(message);
  record(world, {
    actor: 'merchant',
    kind: 'mail.sent',
    channel: 'email',
    text: `The shop sent "${mail.subject}" to ${mail.to}${mail.secret ? ' (it carries the licence key)' : ''}.`,
    data: {
      message: id,
      kind: mail.kind,
      to: mail.to,
      orderId: mail.orderId,
      secret: mail.secret !== undefined,
      unverifiedAddress: mail.unverifiedAddress ?? false,
      ...about,
    },
  });
  const folder = hit && 'folder' in hit.result ? hit.result.folder : 'inbox';
  schedule(world, {
    at: message.deliverAt,
    type: 'mail.arrive',
    ref: id,
    detail: `${folder}|${hit?.label ?? ''}`,
  });
  return message;
}

const arrivalText: Record<string, (m: MailMessage) => string> = {
  inbox: (m) => `"${m.subject}" arrived in the inbox of ${m.to}.`,
  spam: (m) => `The spam filter put "${m.subject}" in the spam folder of ${m.to}.`,
  quarantine: (m) => `A mail gateway quarantined "${m.subject}": it never reached ${m.to}.`,
  bounced: (m) => `"${m.subject}" bounced: the receiving server rejected it.`,
};

export function arrive(world: World, messageId: string, detail: string): void {
  const message = world.mail.find((m) => m.id === messageId);
  if (!message) return;
  const [folder, fault] = detail.split('|') as [MailMessage['folder'], string];
  message.folder = folder;
  record(world, {
    actor: fault ? 'fault' : 'mail',
    kind:
      folder === 'inbox'
        ? 'mail.delivered'
        : `mail.${folder === 'quarantine' ? 'quarantined' : folder === 'spam' ? 'spam-foldered' : 'bounced'}`,
    channel: 'email',
    text: arrivalText[folder]!(message),
    data: { message: message.id, kind: message.kind, to: message.to, folder, ...(fault ? { fault } : {}) },
  });
}

/** Delivered messages of a kind in one folder of the customer's own mailbox. */
export function findMail(world: World, folder: 'inbox' | 'spam', kind?: MailKind): MailMessage[] {
  const to = world.customer.email;
  return world.mail.filter(
    (m) => m.to === to && m.folder === folder && (kind === undefined || m.kind === kind),
  );
}
