/**
 * The Docker engine behind `--target container`, reached through testcontainers' client (which
 * honours DOCKER_HOST, ~/.testcontainers.properties and the usual sockets). testcontainers is loaded
 * lazily: the other targets never pay for it, and a missing package or engine is one clear error.
 *
 * Ryuk, testcontainers' reaper, is never used (its image cannot be pulled everywhere):
 * TESTCONTAINERS_RYUK_DISABLED defaults to true here and deadend removes its containers itself
 * (merchantContainer.ts).
 */
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import type { ContainerRuntimeClient } from 'testcontainers';

/** Every container deadend starts carries this label (value `1`); stray ones are found by it. */
export const LABEL = 'deadend';
export const LABEL_OWNER = 'deadend.owner';
export const LABEL_PID = 'deadend.pid';
export const LABEL_HOST = 'deadend.host';

/** Identifies this process's containers (several deadend processes may share one engine). */
export const OWNER = `${hostname()}-${process.pid}-${Date.now().toString(36)}`;

export class DockerUnavailableError extends Error {
  override name = 'DockerUnavailableError';
  constructor(detail?: string) {
    super(
      [
        'No Docker engine is reachable: `--target container` runs the merchant in a container and needs one.',
        ...(detail ? [`(${detail})`] : []),
        'Install and start it, then check with `docker info`:',
        '  Debian/Ubuntu: sudo apt-get install -y docker.io && sudo systemctl start docker',
        '                 (without systemd: sudo dockerd >/tmp/dockerd.log 2>&1 &)',
        '  macOS/Windows: start Docker Desktop (or Colima / Rancher Desktop / Podman with its Docker socket)',
        'A remote engine works too: set DOCKER_HOST (e.g. DOCKER_HOST=tcp://10.0.0.5:2375).',
      ].join('\n'),
    );
  }
}

type Testcontainers = typeof import('testcontainers');

let loaded: Promise<Testcontainers> | undefined;
/** testcontainers itself, imported on first use. */
export function testcontainers(): Promise<Testcontainers> {
  process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
  loaded ??= import('testcontainers').catch((error: unknown) => {
    loaded = undefined;
    throw new Error(
      `The package testcontainers is not installed (${(error as Error).message}): run \`npm install -D testcontainers\`.`,
    );
  });
  return loaded;
}

/**
 * The engine's client, or DockerUnavailableError. testcontainers caches a working client and retries a
 * failed lookup, so this is cheap after the first call and recovers once an engine is started.
 */
export async function dockerClient(): Promise<ContainerRuntimeClient> {
  const { getContainerRuntimeClient } = await testcontainers();
  try {
    const client = await getContainerRuntimeClient();
    const { socketPath, host, port, protocol } = client.container.dockerode.modem as unknown as EngineAddress;
    address ??= { socketPath, host, port, protocol };
    return client;
  } catch (error) {
    const message = (error as Error).message;
    // testcontainers' "Could not find a working container runtime strategy" says no more than this.
    throw new DockerUnavailableError(
      /container runtime strategy/.test(message)
        ? `no engine answered on ${process.env.DOCKER_HOST ? `DOCKER_HOST=${process.env.DOCKER_HOST}` : 'the default sockets'}`
        : message,
    );
  }
}

/** Where the engine listens, as dockerode was told (kept for removals that must be synchronous). */
interface EngineAddress {
  socketPath?: string;
  host?: string;
  port?: number | string;
  protocol?: string;
}
let address: EngineAddress | undefined;

/** Whether a Docker engine answers, within `timeoutMs`. Never throws. */
export async function dockerAvailable(timeoutMs = 10_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([dockerClient().then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Container ids labelled `deadend=1` (any state), with their labels. */
export async function labelledContainers(): Promise<{ id: string; labels: Record<string, string> }[]> {
  const client = await dockerClient();
  const list = await client.container.dockerode.listContainers({
    all: true,
    filters: { label: [`${LABEL}=1`] },
  });
  return list.map((c) => ({ id: c.Id, labels: c.Labels ?? {} }));
}

/** Force-removes a container; a container already gone is not an error. */
export async function removeContainer(id: string): Promise<void> {
  const client = await dockerClient();
  try {
    await client.container.dockerode.getContainer(id).remove({ force: true, v: true });
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    // 404: already gone; 409: removal already in progress (AutoRemove, a parallel stop).
    if (status !== 404 && status !== 409) throw error;
  }
}

/**
 * Force-removes containers synchronously: all that can run in a signal or `exit` handler. A child
 * Node process sends the engine the DELETE requests over the connection testcontainers found (a
 * socket or plain http); otherwise, or if that fails, the docker CLI is tried. Best effort: an engine
 * that is gone leaves nothing to do.
 */
export function removeContainersSync(ids: string[]): void {
  if (ids.length === 0) return;
  const { socketPath, host, port, protocol } = address ?? {};
  if (socketPath || (protocol === 'http' && host)) {
    const request = JSON.stringify({ socketPath, host, port, ids });
    const child = spawnSync(process.execPath, ['-e', REMOVE_SCRIPT, request], {
      stdio: 'ignore',
      timeout: 15_000,
    });
    if (child.status === 0) return;
  }
  spawnSync('docker', ['rm', '--force', '--volumes', ...ids], { stdio: 'ignore', timeout: 15_000 });
}

/** `node -e` script: DELETE /containers/ID?force=1&v=1 for each id; exit 0 when all are gone. */
const REMOVE_SCRIPT = `
const { request } = require('node:http');
const { socketPath, host, port, ids } = JSON.parse(process.argv[1]);
let pending = ids.length, failed = false;
const done = (ok) => { failed ||= !ok; if (--pending === 0) process.exit(failed ? 1 : 0); };
for (const id of ids) {
  const req = request({ socketPath, host, port, method: 'DELETE', path: '/containers/' + id + '?force=1&v=1' }, (res) => {
    res.resume();
    res.on('end', () => done(res.statusCode < 300 || res.statusCode === 404));
  });
  req.on('error', () => done(false));
  req.end();
}`;

/** Whether a process of this host is alive (EPERM: alive, owned by someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
