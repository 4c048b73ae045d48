// biome-ignore-all lint/suspicious/noExplicitAny: the APIs' JSON answers are read loosely in tests
/** An 8-bit message in a charset other than UTF-8 arrives as written: SMTP hands bytes to MIME. */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callJson } from '../../core/testdata/callJson.ts';
import { FREE_PORTS, type RunningSandbox, startSandbox } from '../../targets/sandbox/index.ts';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ ports: FREE_PORTS });
});
afterAll(() => sandbox.close());

/** One SMTP conversation with raw bytes as the DATA (no client library re-encodes it). */
function sendRaw(port: number, to: string, data: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const steps: (Buffer | string)[] = [
      'EHLO test\r\n',
      'MAIL FROM:<shop@example.com>\r\n',
      `RCPT TO:<${to}>\r\n`,
      'DATA\r\n',
      Buffer.concat([data, Buffer.from('\r\n.\r\n')]),
      'QUIT\r\n',
    ];
    let log = '';
    socket.on('data', (chunk) => {
      log += chunk.toString('latin1');
      // Each reply line that ends a response (`250 `, `354 `, `220 `) lets the next step go.
      const replies = log.match(/^\d{3} /gm)?.length ?? 0;
      if (replies > 0 && steps.length > 0 && replies >= 7 - steps.length) socket.write(steps.shift()!);
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(log));
  });
}

describe('SMTP 8-bit bodies', () => {
  it('an iso-8859-1 body and subject survive (decoded by the part charset, not as UTF-8)', async () => {
    const to = 'latin@example.net';
    const head = [
      'From: shop@example.com',
      `To: ${to}`,
      'Subject: =?ISO-8859-1?Q?Best=E4tigung?=',
      'Content-Type: text/plain; charset=iso-8859-1',
      'Content-Transfer-Encoding: 8bit',
      '',
      '',
    ].join('\r\n');
    const body = Buffer.from('Grüße aus Köln: 20 € sind nicht drin, aber 20 ¤ und ½ Preis.', 'latin1');
    const log = await sendRaw(sandbox.ports.smtp, to, Buffer.concat([Buffer.from(head), body]));
    expect(log).toMatch(/250 .*Queued/);
    await callJson(sandbox.urls.control, '/v1/clock', { advance: 'PT10M' });
    const list = await callJson(sandbox.urls.mailbox, `/v1/mailboxes/${to}/messages`);
    const id = list.body.data[0]?.id;
    expect(id).toBeDefined();
    const msg = await callJson(sandbox.urls.mailbox, `/v1/mailboxes/${to}/messages/${id}`);
    expect(msg.body.subject).toBe('Bestätigung');
    expect(msg.body.text).toBe(body.toString('latin1'));
  });
});
