/**
 * The merchant app in a container (testcontainers' GenericContainer), on the host's network: it
 * listens on 127.0.0.1:PORT of this machine and reaches the sandbox on 127.0.0.1 as a local process
 * would. Ready once GET healthPath answers 200; its stdout and stderr are kept for the report.
 *
 * Every container is labelled `deadend=1` (plus owner, pid and host) and removed by stop(), on
 * SIGINT/SIGTERM/SIGHUP and at process exit; removeStrayContainers() removes what a killed process
 * left behind. Ryuk is not used.
 */
import { createServer } from 'node:net';
import { hostname } from 'node:os';
import type { Readable } from 'node:stream';
import { isMainThread } from 'node:worker_threads';
import type { WaitStrategy } from 'testcontainers';
import {
  dockerClient,
  LABEL,
  LABEL_HOST,
  LABEL_OWNER,
  LABEL_PID,
  labelledContainers,
  OWNER,
  processAlive,
  removeContainer,
  removeContainersSync,
  sleep,
  testcontainers,
} from './engine.ts';

export interface MerchantContainerOptions {
  /** Image to run: buildShopImage()'s, or a team's own. */
  image: string;
  /** Environment of the app (DEADEND_SANDBOX_URL, SMTP_HOST, SMTP_PORT, …); PORT and HOST are set from the options. */
  env?: Record<string, string>;
  /** Port the app listens on, on 127.0.0.1 (default: a free one). */
  port?: number;
  /** Answers 200 once the app is ready (default /healthz). */
  healthPath?: string;
  /** How long the app may take to answer healthPath (default 30 s). */
  startupTimeoutMs?: number;
  /** Overrides the image's command (run in /app). */
  command?: string[];
}

export interface MerchantContainer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  /** The container's id. */
  id: string;
  /** Everything the app wrote to stdout and stderr so far (interleaved as it arrived). */
  logs(): Promise<string>;
  /** Stops and removes the container; idempotent. */
  stop(): Promise<void>;
}

/** The container did not become healthy; `logs` holds its output, for the report. */
export class MerchantContainerError extends Error {
  override name = 'MerchantContainerError';
  readonly logs: string;
  constructor(message: string, logs: string) {
    super(
      logs.trim() ? `${message}\n--- container output ---\n${logs.trimEnd()}` : `${message}\n(no output)`,
    );
    this.logs = logs;
  }
}

export async function startMerchantContainer(opts: MerchantContainerOptions): Promise<MerchantContainer> {
  await dockerClient(); // DockerUnavailableError before anything else
  const { GenericContainer } = await testcontainers();
  const port = opts.port ?? (await freePort());
  if (opts.port !== undefined && !(await portFree(port))) {
    throw new Error(`Port ${port} on 127.0.0.1 is in use: the merchant container shares the host's network.`);
  }
  const url = `http://127.0.0.1:${port}`;
  const healthPath = opts.healthPath ?? '/healthz';
  const timeoutMs = opts.startupTimeoutMs ?? 30_000;

  const output: string[] = [];
  let logStream: Readable | undefined;
  let createdId: string | undefined;

  class MerchantContainerDefinition extends GenericContainer {
    protected override async beforeContainerCreated(): Promise<void> {
      // An init process as PID 1: the app gets SIGTERM's default behaviour and zombies are reaped.
      this.hostConfig.Init = true;
    }
    protected override async containerCreated(containerId: string): Promise<void> {
      createdId = containerId;
      track(containerId);
    }
  }

  let definition = new MerchantContainerDefinition(opts.image)
    .withNetworkMode('host')
    .withEnvironment({ HOST: '127.0.0.1', ...opts.env, PORT: String(port) })
    .withLabels({
      [LABEL]: '1',
      [LABEL_OWNER]: OWNER,
      [LABEL_PID]: String(process.pid),
      [LABEL_HOST]: hostname(),
    })
    .withAutoCleanup(false) // no Ryuk: removal is ours
    .withLogConsumer((stream) => {
      logStream = stream;
      stream.on('data', (chunk: string | Buffer) => output.push(String(chunk)));
      stream.on('error', () => {});
    })
    .withWaitStrategy(new HealthOnLoopback(`${url}${healthPath}`))
    .withStartupTimeout(timeoutMs);
  if (opts.command) definition = definition.withCommand(opts.command);

  const started = await definition.start().catch(async (error: unknown) => {
    await ended(logStream, 2_000);
    if (createdId) {
      await removeContainer(createdId).catch(() => {});
      untrack(createdId);
    }
    const reason = (error as Error).message;
    throw new MerchantContainerError(
      createdId
        ? `The merchant container (${opts.image}) did not become healthy: ${reason}`
        : `The merchant container (${opts.image}) could not be created: ${reason}`,
      output.join(''),
    );
  });
  const id = started.getId();
  let stopping: Promise<void> | undefined;
  return {
    url,
    id,
    logs: async () => output.join(''),
    stop: () => {
      stopping ??= (async () => {
        try {
          await started.stop({ timeout: 3_000, remove: true, removeVolumes: true });
        } catch {
          await removeContainer(id);
        } finally {
          await ended(logStream, 2_000);
          untrack(id);
        }
      })();
      return stopping;
    },
  };
}

/**
 * Removes labelled containers left by deadend processes that are gone (killed before their exit
 * handler ran) on this host; with `all`, every labelled container, this process's included.
 * Returns the removed ids.
 */
export async function removeStrayContainers(opts: { all?: boolean } = {}): Promise<string[]> {
  const here = hostname();
  const stray = (await labelledContainers()).filter(
    ({ labels }) =>
      opts.all || (labels[LABEL_HOST] === here && !processAlive(Number(labels[LABEL_PID]) || -1)),
  );
  await Promise.all(stray.map(({ id }) => removeContainer(id)));
  for (const { id } of stray) untrack(id);
  return stray.map(({ id }) => id);
}

/** GET url until 200, the container's exit or the startup timeout; works without published ports. */
class HealthOnLoopback implements WaitStrategy {
  private readonly url: string;
  private timeoutMs = 30_000;
  private timeoutSet = false;
  constructor(url: string) {
    this.url = url;
  }
  withStartupTimeout(ms: number): this {
    this.timeoutMs = ms;
    this.timeoutSet = true;
    return this;
  }
  isStartupTimeoutSet(): boolean {
    return this.timeoutSet;
  }
  getStartupTimeout(): number {
    return this.timeoutMs;
  }
  async waitUntilReady(container: Parameters<WaitStrategy['waitUntilReady']>[0]): Promise<void> {
    const deadline = Date.now() + this.timeoutMs;
    let last = 'no answer';
    for (;;) {
      try {
        const response = await fetch(this.url, { signal: AbortSignal.timeout(2_000) });
        await response.body?.cancel();
        if (response.status === 200) return;
        last = `HTTP ${response.status}`;
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause;
        last = cause?.code ?? (error as Error).message;
      }
      const state = (await container.inspect()).State;
      if (!state.Running) {
        throw new Error(`it exited with code ${state.ExitCode} before ${this.url} answered 200`);
      }
      if (Date.now() > deadline) {
        throw new Error(`${this.url} did not answer 200 within ${this.timeoutMs} ms (last: ${last})`);
      }
      await sleep(100);
    }
  }
}

// --- removal on interruption -------------------------------------------------------------------

const live = new Set<string>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let exitHandler = false;
let signalHandlers = false;

function track(id: string): void {
  live.add(id);
  if (!exitHandler) {
    process.on('exit', onExit);
    exitHandler = true;
  }
  // Signals reach the main thread only.
  if (!signalHandlers && isMainThread) {
    for (const signal of SIGNALS) process.prependListener(signal, onSignal);
    signalHandlers = true;
  }
}

function untrack(id: string): void {
  live.delete(id);
  if (live.size > 0) return;
  if (exitHandler) process.off('exit', onExit);
  exitHandler = false;
  removeSignalHandlers();
}

function removeSignalHandlers(): void {
  if (!signalHandlers) return;
  for (const signal of SIGNALS) process.off(signal, onSignal);
  signalHandlers = false;
}

/** At exit only synchronous work runs: the docker CLI removes what is left. */
function onExit(): void {
  removeContainersSync([...live]);
  live.clear();
}

/**
 * Removes the containers synchronously, then lets the signal do what it would have done without
 * deadend's listener: when no other listener is left the process is signalled again and dies of it;
 * otherwise the others, called next (deadend's listener runs first), decide.
 */
function onSignal(signal: NodeJS.Signals): void {
  removeSignalHandlers();
  onExit();
  if (exitHandler) process.off('exit', onExit);
  exitHandler = false;
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

// --- helpers -------------------------------------------------------------------------------------

/** Resolves when the stream ends, or after `ms`. */
function ended(stream: Readable | undefined, ms: number): Promise<void> {
  if (!stream || stream.readableEnded || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    stream.once('end', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
