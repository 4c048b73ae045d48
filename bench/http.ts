/**
 * Per-request cost of the sandbox's network face, side by side in one run: the same requests
 * through a direct router call (the floor), msw handlers in-process, the sandbox's node:http
 * server on loopback, and a bare node:http server that answers a fixed body (the transport's
 * own cost). Sequential requests from one client (`fetch`), after a warm-up; real time
 * (`performance.now()`), which only the benchmark reads.
 *
 *   npx node bench/http.ts [--requests 2000] [--warmup 300] [--json]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { setupServer } from 'msw/node';
import type { ApiRequest } from '../harness/core/wire.ts';
import { DEFAULT_BASE_URLS, sandboxHandlers } from '../harness/integrations/msw.ts';
import { paymentRouter } from '../harness/services/index.ts';
import { serveRouter } from '../harness/targets/sandbox/server.ts';
import { SandboxSession } from '../harness/targets/sandbox/session.ts';

export interface Shape {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body: string;
}

export interface Row {
  shape: string;
  transport: string;
  requests: number;
  meanUs: number;
  p50Us: number;
  p99Us: number;
  perSecond: number;
}

const AUTH = { authorization: 'Bearer sk_test_bench', 'content-type': 'application/x-www-form-urlencoded' };

function stats(samples: number[]): { meanUs: number; p50Us: number; p99Us: number } {
  const sorted = samples.slice().sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 1000;
  const mean = (samples.reduce((a, b) => a + b, 0) / samples.length) * 1000;
  return { meanUs: mean, p50Us: at(0.5), p99Us: at(0.99) };
}

async function measure(
  shape: Shape,
  transport: string,
  send: () => Promise<unknown> | unknown,
  requests: number,
  warmup: number,
): Promise<Row> {
  for (let i = 0; i < warmup; i++) await send();
  const samples: number[] = new Array(requests);
  const start = performance.now();
  for (let i = 0; i < requests; i++) {
    const t = performance.now();
    await send();
    samples[i] = performance.now() - t;
  }
  const total = performance.now() - start;
  const s = stats(samples);
  return {
    shape: shape.name,
    transport,
    requests,
    meanUs: Math.round(s.meanUs * 10) / 10,
    p50Us: Math.round(s.p50Us * 10) / 10,
    p99Us: Math.round(s.p99Us * 10) / 10,
    perSecond: Math.round((requests / total) * 1000),
  };
}

async function fetchJson(url: string, shape: Shape): Promise<unknown> {
  const res = await fetch(url, {
    method: shape.method,
    headers: AUTH,
    ...(shape.method === 'POST' ? { body: shape.body } : {}),
  });
  const body = await res.json();
  if (res.status >= 500) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

export async function benchHttp(opts: { requests: number; warmup: number }): Promise<Row[]> {
  const session = new SandboxSession();
  // A customer to read back, made through the API itself.
  const made = paymentRouter(session, {
    method: 'POST',
    path: '/v1/customers',
    query: '',
    headers: AUTH,
    body: 'email=bench%40example.net',
  }).body as { id: string };
  const shapes: Shape[] = [
    { name: 'GET customer', method: 'GET', path: `/v1/customers/${made.id}`, body: '' },
    {
      name: 'POST payment intent (confirm)',
      method: 'POST',
      path: '/v1/payment_intents',
      body: 'amount=2000&currency=usd&payment_method=pm_card_visa&confirm=true',
    },
  ];
  // The bare server answers what the sandbox answers, fixed: same size on the wire.
  const fixed = new Map(
    shapes.map((s) => [
      s.path,
      JSON.stringify(
        paymentRouter(session, { method: s.method, path: s.path, query: '', headers: AUTH, body: s.body })
          .body,
      ),
    ]),
  );
  const bare = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const body = fixed.get(req.url ?? '') ?? '{}';
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
  const served = await serveRouter(session, paymentRouter, 0);

  const rows: Row[] = [];
  for (const shape of shapes) {
    const req: ApiRequest = {
      method: shape.method,
      path: shape.path,
      query: '',
      headers: AUTH,
      body: shape.body,
    };
    rows.push(
      await measure(
        shape,
        'router call (no transport)',
        () => JSON.stringify(paymentRouter(session, req).body),
        opts.requests,
        opts.warmup,
      ),
    );
    rows.push(
      await measure(
        shape,
        'bare node:http (fixed body)',
        () => fetchJson(`${bareUrl}${shape.path}`, shape),
        opts.requests,
        opts.warmup,
      ),
    );
    rows.push(
      await measure(
        shape,
        'sandbox server (loopback)',
        () => fetchJson(`${served.url}${shape.path}`, shape),
        opts.requests,
        opts.warmup,
      ),
    );
  }
  await served.close();
  await new Promise<void>((r) => {
    bare.close(() => r());
    bare.closeAllConnections();
  });

  // msw patches the process's HTTP clients: measured last, alone.
  const server = setupServer(...sandboxHandlers(session, { apis: ['payment'] }));
  server.listen({ onUnhandledFrame: 'error' });
  try {
    for (const shape of shapes)
      rows.push(
        await measure(
          shape,
          'msw handler (in-process)',
          () => fetchJson(`${DEFAULT_BASE_URLS.payment}${shape.path}`, shape),
          opts.requests,
          opts.warmup,
        ),
      );
  } finally {
    server.close();
  }
  const order = [
    'router call (no transport)',
    'msw handler (in-process)',
    'bare node:http (fixed body)',
    'sandbox server (loopback)',
  ];
  return rows.sort(
    (a, b) => a.shape.localeCompare(b.shape) || order.indexOf(a.transport) - order.indexOf(b.transport),
  );
}

export function formatRows(rows: readonly Row[]): string {
  const header = ['request', 'transport', 'mean µs', 'p50 µs', 'p99 µs', 'req/s'];
  const lines = rows.map((r) => [
    r.shape,
    r.transport,
    r.meanUs.toFixed(1),
    r.p50Us.toFixed(1),
    r.p99Us.toFixed(1),
    String(r.perSecond),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) =>
    `| ${cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  return [
    fmt(header),
    `| ${widths.map((w, i) => (i >= 2 ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`,
    ...lines.map(fmt),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '2000' },
      warmup: { type: 'string', default: '300' },
      json: { type: 'boolean', default: false },
    },
  });
  const rows = await benchHttp({ requests: Number(values.requests), warmup: Number(values.warmup) });
  if (values.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else
    process.stdout.write(
      `Per-request cost, sequential requests from one fetch client (Node ${process.version}, ${values.requests} requests after ${values.warmup} warm-up):\n\n${formatRows(rows)}\n`,
    );
}
