/**
 * A stand-in merchant for the container tests: plain node:http on HOST:PORT (like the reference
 * shop). GET /healthz → 200 "ok"; GET /env → this process's environment as JSON; GET /sandbox →
 * fetches DEADEND_SANDBOX_URL and relays status and body (proves the container reaches the host's
 * loopback). Writes one line to stdout and one to stderr when listening, for the log capture.
 */
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';

const server = createServer(async (req, res) => {
  const reply = (status: number, body: string, type = 'text/plain') => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  };
  try {
    if (req.url === '/healthz') return reply(200, 'ok');
    if (req.url === '/env') return reply(200, JSON.stringify(process.env), 'application/json');
    if (req.url === '/sandbox') {
      const upstream = await fetch(process.env.DEADEND_SANDBOX_URL ?? '', {
        signal: AbortSignal.timeout(5000),
      });
      return reply(upstream.status, await upstream.text());
    }
    reply(404, 'not found');
  } catch (error) {
    reply(502, String(error));
  }
});

server.listen(port, host, () => {
  console.log(`healthServer listening on http://${host}:${port} (node ${process.version})`);
  console.error('healthServer stderr line');
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
