/**
 * Mail in and out of the sandbox. In: `submitMail` — what the SMTP server (smtp.ts) and the
 * HTTP submission endpoint hand over — goes through the mail model's `sendMail`, so the
 * session's mail faults decide the folder and the delay exactly as in `sim`. Out: the mailbox
 * API, what a customer's mail client sees: per address, the inbox and the spam folder.
 * Quarantined, bounced and still-travelling messages are in no mailbox; the control API lists
 * every message with its folder.
 *
 * Messages arrive after their transit time (a minute; more under `mail.delayed`) on the
 * session's virtual clock: move the clock (control API) to see them.
 */
import { toIso } from '../../clock/instant.ts';
import { MAIL_KINDS, type MailKind } from '../../core/vocabulary.ts';
import {
  type ApiCtx,
  type ApiRequest,
  type ApiResponse,
  apiError,
  INVALID_JSON,
  json,
  jsonBody,
  Routes,
  type StoredMail,
  serveRoutes,
  type WireContext,
} from '../../core/wire.ts';
import type { MailMessage } from '../../core/world.ts';
import { deliverNotification, sendMail } from './mailbox.ts';

/** Headers a sender can set to tell the sandbox what a message is (the reference shop does). */
export const KIND_HEADER = 'x-deadend-kind';
export const ORDER_HEADER = 'x-deadend-order';
export const SECRET_HEADER = 'x-deadend-secret';
export const UNVERIFIED_HEADER = 'x-deadend-unverified-address';

export interface IncomingMail {
  from: string;
  /** Envelope recipients. */
  to: string[];
  subject: string;
  text: string | null;
  html: string | null;
  /** Header names in lower case. */
  headers: Record<string, string>;
  via: 'smtp' | 'http';
}

const GUESSES: [RegExp, MailKind][] = [
  [/licen[cs]e key|download instructions|activation key/i, 'licence-key'],
  [/cancel+ed|cancel+ation/i, 'order-cancelled'],
  [/shipped|on its way|dispatched/i, 'shipped'],
  [/has been renewed|renewal (?:confirmation|receipt)|\brenewed\b/i, 'renewed'],
  [/expires? soon|renewal reminder|will renew|running out/i, 'renewal-reminder'],
  [/statement/i, 'statement'],
  [/order|confirm|receipt|thank you for your purchase/i, 'order-confirmation'],
];

/** The kind of a message without an X-Deadend-Kind header, from its subject. */
export function guessKind(subject: string): MailKind {
  for (const [re, kind] of GUESSES) if (re.test(subject)) return kind;
  return 'support-reply';
}

function bareAddress(a: string): string {
  const m = /<([^>]+)>/.exec(a);
  return (m ? m[1]! : a).trim().toLowerCase();
}

/** Hand a message to the mail model, once per recipient; returns the model's messages. */
export function submitMail(session: WireContext, mail: IncomingMail): MailMessage[] {
  const declared = mail.headers[KIND_HEADER]?.trim();
  const known = declared !== undefined && (MAIL_KINDS as readonly string[]).includes(declared);
  const kind = known ? (declared as MailKind) : guessKind(mail.subject);
  const orderId = mail.headers[ORDER_HEADER]?.trim();
  const secret = mail.headers[SECRET_HEADER]?.trim();
  const said = mail.headers[UNVERIFIED_HEADER]?.trim().toLowerCase();
  const unverified = said === 'true' ? true : said === 'false' ? false : undefined;
  const out: MailMessage[] = [];
  for (const to of [...new Set(mail.to.map(bareAddress))]) {
    const outgoing = {
      to,
      kind,
      subject: mail.subject,
      ...(orderId ? { orderId } : {}),
      ...(secret ? { secret } : {}),
      ...(unverified !== undefined ? { unverifiedAddress: unverified } : {}),
    };
    // A message that says it is a customer notification meets the notification faults too.
    const message = known
      ? deliverNotification(session.world, session.env, outgoing)
      : sendMail(session.world, session.env, outgoing);
    if (!message) continue;
    const stored: StoredMail = {
      from: mail.from,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
      kindInferred: !known,
      via: mail.via,
    };
    session.mail.set(message.id, stored);
    out.push(message);
  }
  return out;
}

const VISIBLE = ['inbox', 'spam'] as const;

export function summary(session: WireContext, m: MailMessage): Record<string, unknown> {
  const stored = session.mail.get(m.id);
  return {
    id: m.id,
    object: 'message',
    to: m.to,
    from: stored?.from ?? null,
    subject: m.subject,
    kind: m.kind,
    kindInferred: stored?.kindInferred ?? false,
    folder: m.folder,
    sentAt: toIso(m.sentAt),
    deliveredAt: m.folder === 'in-flight' ? null : toIso(m.deliverAt),
    read: m.read,
    orderId: m.orderId ?? null,
    hasSecret: m.secret !== undefined,
  };
}

export function fullMessage(session: WireContext, m: MailMessage): Record<string, unknown> {
  const stored = session.mail.get(m.id);
  return {
    ...summary(session, m),
    text: stored?.text ?? null,
    html: stored?.html ?? null,
    headers: stored?.headers ?? {},
    secret: m.secret ?? null,
  };
}

const routes = new Routes<ApiCtx>();

function visibleTo(session: WireContext, address: string): MailMessage[] {
  const a = address.toLowerCase();
  return session.world.mail.filter(
    (m) => m.to.toLowerCase() === a && (VISIBLE as readonly string[]).includes(m.folder),
  );
}

routes
  .add('GET', '/v1/mailboxes/:address', ({ session }, { address }) => {
    const mine = visibleTo(session, address!);
    const folders: Record<string, { total: number; unread: number }> = {};
    for (const f of VISIBLE) {
      const inFolder = mine.filter((m) => m.folder === f);
      folders[f] = { total: inFolder.length, unread: inFolder.filter((m) => !m.read).length };
    }
    return json(200, { object: 'mailbox', address: address!.toLowerCase(), folders });
  })
  .add('GET', '/v1/mailboxes/:address/messages', ({ session, query }, { address }) => {
    const folder = query.get('folder');
    if (folder !== null && !(VISIBLE as readonly string[]).includes(folder))
      return apiError(
        400,
        'invalid_folder',
        `folder must be inbox or spam: a mailbox has no "${folder}" folder (quarantined and bounced mail never reaches one; the control API lists every message).`,
        { param: 'folder' },
      );
    const kind = query.get('kind');
    const unread = query.get('unread');
    const data = visibleTo(session, address!)
      .filter(
        (m) =>
          (folder === null || m.folder === folder) &&
          (kind === null || m.kind === kind) &&
          (unread === null || m.read === (unread !== 'true')),
      )
      .reverse()
      .map((m) => summary(session, m));
    return json(200, {
      object: 'list',
      data,
      has_more: false,
      url: `/v1/mailboxes/${encodeURIComponent(address!)}/messages`,
    });
  })
  .add('GET', '/v1/mailboxes/:address/messages/:id', ({ session, query }, { address, id }) => {
    const m = visibleTo(session, address!).find((x) => x.id === id);
    if (!m)
      return apiError(404, 'resource_missing', `No message ${id} in the mailbox of ${address}.`, {
        param: 'id',
      });
    if (query.get('peek') !== 'true') m.read = true;
    return json(200, fullMessage(session, m));
  })
  .add('POST', '/v1/messages', ({ session, req }) => {
    let body: unknown;
    try {
      body = jsonBody(req);
    } catch {
      return apiError(400, INVALID_JSON.code, INVALID_JSON.message);
    }
    const b = (body ?? {}) as Record<string, unknown>;
    const to =
      typeof b.to === 'string'
        ? [b.to]
        : Array.isArray(b.to)
          ? b.to.filter((x) => typeof x === 'string')
          : [];
    if (to.length === 0)
      return apiError(400, 'parameter_missing', 'Missing required param: to.', { param: 'to' });
    if (typeof b.subject !== 'string')
      return apiError(400, 'parameter_missing', 'Missing required param: subject.', { param: 'subject' });
    const headers: Record<string, string> = {};
    if (b.headers && typeof b.headers === 'object')
      for (const [k, v] of Object.entries(b.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
    if (typeof b.kind === 'string') {
      if (!(MAIL_KINDS as readonly string[]).includes(b.kind))
        return apiError(400, 'invalid_kind', `kind must be one of ${MAIL_KINDS.join(', ')}.`, {
          param: 'kind',
        });
      headers[KIND_HEADER] = b.kind;
    }
    if (typeof b.orderId === 'string') headers[ORDER_HEADER] = b.orderId;
    if (typeof b.secret === 'string') headers[SECRET_HEADER] = b.secret;
    if (b.unverifiedAddress === true) headers[UNVERIFIED_HEADER] = 'true';
    const messages = submitMail(session, {
      from: typeof b.from === 'string' ? b.from : '',
      to: to as string[],
      subject: b.subject,
      text: typeof b.text === 'string' ? b.text : null,
      html: typeof b.html === 'string' ? b.html : null,
      headers,
      via: 'http',
    });
    return json(202, { object: 'list', data: messages.map((m) => summary(session, m)), has_more: false });
  });

export const mailboxRouter = (session: WireContext, req: ApiRequest): ApiResponse =>
  serveRoutes(routes, session, req);
