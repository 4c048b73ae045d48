/**
 * Mail: an MTA that delivers each message to a mailbox per address, into the inbox, the spam
 * folder or quarantine — or bounces it. Faults decide the folder and any delay.
 */
import { formatDuration } from '../../clock/duration.ts';
import type { RunEnv } from '../../core/runEnv.ts';
import { onDue } from '../../core/scheduler.ts';
import type { MailKind } from '../../core/vocabulary.ts';
import { type MailMessage, nextId, record, schedule, type World } from '../../core/world.ts';

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

/**
 * A customer notification handed to the mail system: the notification faults first (never
 * sent, held back), then ordinary delivery. The merchant's own policy (not sending a kind at
 * all) is the merchant's business and decided before this. The SMTP server calls this for
 * every message that says what it is (X-Deadend-Kind), so a real shop meets the same faults.
 */
export function deliverNotification(world: World, env: RunEnv, mail: OutgoingMail): MailMessage | undefined {
  const hit = env.faults.hit(world, 'notify', { kind: mail.kind, id: nextId(world, 'note') });
  if (hit && 'suppressed' in hit.result) {
    record(world, {
      actor: 'fault',
      kind: 'notify.suppressed',
      text: `The notification "${mail.subject}" was never sent.`,
      data: { kind: mail.kind, orderId: mail.orderId, fault: hit.label },
    });
    return undefined;
  }
  const message = sendMail(world, env, mail);
  if (hit && 'delayMs' in hit.result) {
    message.deliverAt += hit.result.delayMs;
    const p = world.pending.find((e) => e.ref === message.id);
    if (p) {
      world.pending.splice(world.pending.indexOf(p), 1);
      schedule(world, { ...p, at: message.deliverAt });
    }
    record(world, {
      actor: 'fault',
      kind: 'notify.delayed',
      text: `The "${mail.subject}" message was held back for ${formatDuration(hit.result.delayMs)}.`,
      data: { kind: mail.kind, fault: hit.label },
    });
  }
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

/** Every message of a kind sent to an address, whatever became of it. */
export function findMailFor(world: World, to: string, kind: MailKind): MailMessage[] {
  return world.mail.filter((m) => m.to === to && m.kind === kind);
}

onDue('mail.arrive', (world, _env, ev) => arrive(world, ev.ref, ev.detail ?? 'inbox|'));
