/**
 * The sandbox's SMTP server (`smtp-server`, loopback only): accepts any sender, any
 * recipient and any credentials, no TLS, and hands every message to the mail model
 * (mailbox.ts `submitMail`) once per envelope recipient. Delivery problems are the mail
 * faults' business, decided as in `sim` — a bounce shows in the message's folder later, it
 * is not an SMTP rejection.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { WireContext } from '../../core/wire.ts';
import { submitMail } from './api.ts';
import { parseMail } from './mime.ts';

export interface SmtpServed {
  port: number;
  url: string;
  close(): Promise<void>;
}

const MAX_SIZE = 10 * 1024 * 1024;

export function serveSmtp(session: WireContext, port = 0, host = '127.0.0.1'): Promise<SmtpServed> {
  const server = new SMTPServer({
    name: 'deadend-sandbox',
    banner: 'deadend sandbox SMTP',
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    hideSTARTTLS: true,
    logger: false,
    size: MAX_SIZE,
    closeTimeout: 2000,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'sandbox' });
    },
    onData(stream, smtp, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', (e) => callback(e));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          const err = new Error('Message exceeds the fixed maximum message size') as Error & {
            responseCode: number;
          };
          err.responseCode = 552;
          callback(err);
          return;
        }
        try {
          const parsed = parseMail(Buffer.concat(chunks));
          const from = smtp.envelope.mailFrom ? smtp.envelope.mailFrom.address : parsed.from;
          const messages = submitMail(session, {
            from: parsed.from || from,
            to: smtp.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject,
            text: parsed.text,
            html: parsed.html,
            headers: parsed.headers,
            via: 'smtp',
          });
          callback(null, `Queued as ${messages.map((m) => m.id).join(' ')}`);
        } catch (e) {
          const err = new Error(
            `The sandbox could not take the message: ${(e as Error).message}`,
          ) as Error & {
            responseCode: number;
          };
          err.responseCode = 451;
          callback(err);
        }
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = (server.server.address() as AddressInfo).port;
      resolve({
        port: actual,
        url: `smtp://${host}:${actual}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
