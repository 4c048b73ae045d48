/**
 * The node:http adapter: serve one router on a loopback port. Thin on purpose — it reads the
 * body, calls the router synchronously (so every request sees and changes the session whole,
 * in arrival order) and writes the JSON answer.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApiRequest, type ApiResponse, json, type Router } from '../../core/wire.ts';
import type { SandboxSession } from './session.ts';

/** Requests larger than this are refused (413): the APIs take small forms and JSON. */
const MAX_BODY = 1 << 20;
/**
 * But for a snapshot, which holds a whole world: as large as a string can be, so that whatever
 * the sandbox can produce (GET /v1/snapshot) it can take back.
 */
export const MAX_SNAPSHOT_BODY = 2 ** 29 - 64;
const SNAPSHOT_PATH = /^\/v1\/snapshot\/?(?:\?|$)/;

export interface Served {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

export function toApiRequest(req: IncomingMessage, body: string): ApiRequest {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  return {
    method: req.method ?? 'GET',
    path: q < 0 ? raw : raw.slice(0, q),
    query: q < 0 ? '' : raw.slice(q + 1),
    headers,
    body,
  };
}

export function send(res: import('node:http').ServerResponse, r: ApiResponse): void {
  const body = r.body === undefined ? '' : JSON.stringify(r.body);
  res.writeHead(r.status, { ...r.headers, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export function serveRouter(
  session: SandboxSession,
  router: Router<SandboxSession>,
  port = 0,
  host = '127.0.0.1',
): Promise<Served> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    const limit = SNAPSHOT_PATH.test(req.url ?? '') ? MAX_SNAPSHOT_BODY : MAX_BODY;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        if (!refused)
          send(
            res,
            json(413, { error: { type: 'invalid_request_error', message: 'Request body too large.' } }),
          );
        refused = true;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      let r: ApiResponse;
      try {
        r = router(session, toApiRequest(req, Buffer.concat(chunks).toString('utf8')));
      } catch (e) {
        r = json(500, {
          error: { type: 'api_error', message: `The sandbox failed: ${(e as Error)?.message ?? e}` },
        });
      }
      send(res, r);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actual = (server.address() as AddressInfo).port;
      resolve({
        server,
        port: actual,
        url: `http://${host}:${actual}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
