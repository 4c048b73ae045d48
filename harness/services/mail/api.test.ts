// biome-ignore-all lint/suspicious/noExplicitAny: the APIs' JSON answers are read loosely in tests
/**
 * Mail end to end: nodemailer sends over SMTP to the sandbox, the mailbox API reads it back,
 * and the session's mail faults decide where it lands.
 */
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callJson } from '../../core/testdata/callJson.ts';
import { FREE_PORTS, type RunningSandbox, startSandbox } from '../../targets/sandbox/index.ts';
import { parseMail } from './mime.ts';

let sandbox: RunningSandbox;
let transport: ReturnType<typeof nodemailer.createTransport>;

const call = callJson;
const control = (path: string, body?: unknown, method?: string) =>
  call(sandbox.urls.control, path, body, method);
const mailbox = (path: string) => call(sandbox.urls.mailbox, path);

beforeAll(async () => {
  sandbox = await startSandbox({ ports: FREE_PORTS });
  transport = nodemailer.createTransport({ host: '127.0.0.1', port: sandbox.ports.smtp, secure: false });
});
afterAll(async () => {
  transport.close();
  await sandbox.close();
});
beforeEach(async () => {
  await control('/v1/reset', {});
});

describe('SMTP and the mailbox API', () => {
  it('nodemailer sends; after the transit minute the message is in the inbox, readable in full', async () => {
    const info = await transport.sendMail({
      from: '"Sandbox Shop" <shop@sandbox.test>',
      to: 'Pat.Doe@example.net',
      subject: 'Your order ord_1: Grüße from the shop',
      text: 'Thank you for your order.\nYour key: ABCD-EFGH',
      html: '<p>Thank you for your order.</p>',
      headers: { 'X-Deadend-Kind': 'order-confirmation', 'X-Deadend-Order': 'ord_1' },
    });
    expect(info.accepted).toEqual(['Pat.Doe@example.net']);
    expect(info.response).toMatch(/^250 .*Queued as msg_\d+/);
    // Still travelling: not in any mailbox yet.
    expect((await mailbox('/v1/mailboxes/pat.doe@example.net/messages')).body.data).toEqual([]);
    await control('/v1/clock', { advance: 'PT2M' });
    const list = (await mailbox('/v1/mailboxes/pat.doe@example.net/messages?folder=inbox')).body;
    expect(list.object).toBe('list');
    expect(list.data).toHaveLength(1);
    const m = list.data[0];
    expect(m).toMatchObject({
      to: 'pat.doe@example.net',
      from: 'Sandbox Shop <shop@sandbox.test>',
      subject: 'Your order ord_1: Grüße from the shop',
      kind: 'order-confirmation',
      kindInferred: false,
      folder: 'inbox',
      orderId: 'ord_1',
      read: false,
    });
    const full = (await mailbox(`/v1/mailboxes/pat.doe@example.net/messages/${m.id}`)).body;
    expect(full.text).toBe('Thank you for your order.\nYour key: ABCD-EFGH');
    expect(full.html).toBe('<p>Thank you for your order.</p>');
    expect(full.read).toBe(true);
    const box = (await mailbox('/v1/mailboxes/pat.doe@example.net')).body;
    expect(box.folders).toEqual({ inbox: { total: 1, unread: 0 }, spam: { total: 0, unread: 0 } });
    const trace = (await control('/v1/trace?kind=mail')).body.data.map((e: any) => e.kind);
    expect(trace).toEqual(['mail.sent', 'mail.delivered']);
  });

  it('a spam fault puts the message in the spam folder; quarantine hides it from every folder', async () => {
    await control('/v1/faults', { fault: 'mail.spam-foldered', params: { kind: 'licence-key' } });
    await transport.sendMail({
      from: 'shop@sandbox.test',
      to: 'pat@example.net',
      subject: 'Download instructions and licence key for App',
      text: 'KEY-1',
    });
    await transport.sendMail({
      from: 'shop@sandbox.test',
      to: 'pat@example.net',
      subject: 'Your order ord_2',
      text: 'ok',
    });
    await control('/v1/clock', { advance: 'PT5M' });
    const inbox = (await mailbox('/v1/mailboxes/pat@example.net/messages?folder=inbox')).body.data;
    const spam = (await mailbox('/v1/mailboxes/pat@example.net/messages?folder=spam')).body.data;
    expect(inbox.map((m: any) => m.kind)).toEqual(['order-confirmation']);
    expect(spam.map((m: any) => [m.kind, m.kindInferred, m.folder])).toEqual([['licence-key', true, 'spam']]);

    await control('/v1/faults', undefined, 'DELETE');
    await control('/v1/faults', { fault: 'mail.quarantined' });
    await transport.sendMail({
      from: 'shop@sandbox.test',
      to: 'pat@example.net',
      subject: 'Your licence key, again',
      text: 'KEY-1',
      headers: { 'X-Deadend-Kind': 'licence-key' },
    });
    await control('/v1/clock', { advance: 'PT5M' });
    const visible = (await mailbox('/v1/mailboxes/pat@example.net/messages')).body.data;
    expect(visible).toHaveLength(2);
    expect(visible.some((m: any) => m.subject === 'Your licence key, again')).toBe(false);
    const asked = await mailbox('/v1/mailboxes/pat@example.net/messages?folder=quarantine');
    expect(asked.status).toBe(400);
    expect(asked.body.error.code).toBe('invalid_folder');
    // The operator's view (control API) shows where it went.
    const all = (await control('/v1/mail?folder=quarantine')).body.data;
    expect(all.map((m: any) => m.subject)).toEqual(['Your licence key, again']);
    const hidden = await mailbox(`/v1/mailboxes/pat@example.net/messages/${all[0].id}`);
    expect(hidden.status).toBe(404);
  });

  it('delayed and bounced mail: the delay holds it back, a bounce never reaches the mailbox', async () => {
    await control('/v1/faults', { fault: 'mail.delayed', params: { by: 'PT6H' }, times: 1 });
    await transport.sendMail({
      from: 'shop@sandbox.test',
      to: 'a@example.net',
      subject: 'Your order ord_3',
      text: '1',
    });
    await control('/v1/clock', { advance: 'PT1H' });
    expect((await mailbox('/v1/mailboxes/a@example.net/messages')).body.data).toEqual([]);
    await control('/v1/clock', { advance: 'PT6H' });
    expect((await mailbox('/v1/mailboxes/a@example.net/messages')).body.data).toHaveLength(1);

    await control('/v1/faults', { fault: 'mail.bounced' });
    await transport.sendMail({
      from: 'shop@sandbox.test',
      to: 'b@example.net',
      subject: 'Your order ord_4',
      text: '2',
    });
    await control('/v1/clock', { advance: 'PT5M' });
    expect((await mailbox('/v1/mailboxes/b@example.net/messages')).body.data).toEqual([]);
    expect((await control('/v1/mail?to=b@example.net')).body.data[0].folder).toBe('bounced');
  });

  it('one message to several recipients is one delivery each; HTTP submission goes the same way', async () => {
    await transport.sendMail({
      from: 'shop@sandbox.test',
      to: ['x@example.net', 'y@example.net'],
      bcc: 'z@example.net',
      subject: 'Your statement',
      text: 'balance 0',
    });
    const sent = await call(sandbox.urls.mailbox, '/v1/messages', {
      from: 'shop@sandbox.test',
      to: 'x@example.net',
      subject: 'Your order ord_9',
      text: 'hi',
      kind: 'order-confirmation',
    });
    expect(sent.status).toBe(202);
    await control('/v1/clock', { advance: 'PT2M' });
    for (const a of ['x', 'y', 'z'])
      expect((await mailbox(`/v1/mailboxes/${a}@example.net/messages`)).body.data.length).toBeGreaterThan(0);
    expect((await mailbox('/v1/mailboxes/x@example.net/messages')).body.data.map((m: any) => m.kind)).toEqual(
      ['order-confirmation', 'statement'],
    );
  });
});

describe('mime', () => {
  it('decodes encoded words, quoted-printable and base64 parts of a multipart message', () => {
    const raw = [
      'From: =?UTF-8?Q?J=C3=B6rg?= <j@example.net>',
      'Subject: =?UTF-8?B?R3LDvMOfZQ==?=',
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'caf=C3=A9 =',
      'au lait',
      '--b1',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('<b>hé</b>').toString('base64'),
      '--b1--',
      '',
    ].join('\r\n');
    expect(parseMail(raw)).toMatchObject({
      from: 'Jörg <j@example.net>',
      subject: 'Grüße',
      text: 'café au lait',
      html: '<b>hé</b>',
    });
  });
});
