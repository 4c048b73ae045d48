/**
 * The container target's infrastructure against a real Docker engine: `npm run test:container`
 * (vitest.container.config.ts; not part of the fast `npm test`). It builds the image from local files,
 * runs a stand-in merchant (testdata/healthServer.ts) on the host network and checks the env, the
 * captured output, the health wait, and that no labelled container survives stop(), a failed start,
 * SIGINT, SIGTERM or process exit. Without an engine the suite is skipped, and fails under CI=true.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DockerUnavailableError,
  dockerAvailable,
  dockerClient,
  LABEL_OWNER,
  labelledContainers,
  OWNER,
  removeContainer,
} from './engine.ts';
import { buildShopImage } from './image.ts';
import {
  MerchantContainerError,
  removeStrayContainers,
  startMerchantContainer,
} from './merchantContainer.ts';

const HEALTH_SERVER = ['node', 'harness/targets/container/testdata/healthServer.ts'];
/** The stand-in's image holds only what it runs: edits elsewhere in harness/ do not change its tag. */
const TEST_IMAGE = {
  command: HEALTH_SERVER,
  appPaths: ['package.json', 'harness/targets/container/testdata'],
};
const SHOP = existsSync(fileURLToPath(new URL('../../../fixtures/shop/main.ts', import.meta.url)));
const START_AND_WAIT = fileURLToPath(new URL('./testdata/startAndWait.ts', import.meta.url));
const onCI = process.env.CI === 'true';
const available = await dockerAvailable();
if (!available && !onCI) {
  console.warn(`Container tests skipped: ${new DockerUnavailableError().message}`);
}

const ours = async () =>
  (await labelledContainers()).filter((c) => c.labels[LABEL_OWNER] === OWNER).map((c) => c.id);
const exists = async (id: string) => (await labelledContainers()).some((c) => c.id === id);

describe.skipIf(!available && !onCI)('container target', () => {
  let image = '';

  beforeAll(async () => {
    if (!available) throw new DockerUnavailableError('CI=true: the container tests must run');
    image = (await buildShopImage(TEST_IMAGE)).image;
  }, 300_000);

  afterAll(async () => {
    if (available) await Promise.all((await ours()).map(removeContainer));
  });

  it('tags the image with the hash of its inputs and reuses it', async () => {
    expect(image).toMatch(/^deadend-shop:[0-9a-f]{16}$/);
    const again = await buildShopImage(TEST_IMAGE);
    expect(again).toEqual({ image, built: false, hash: image.split(':')[1] });
    expect(await buildShopImage({ image: 'acme/shop:1.2' })).toEqual({
      image: 'acme/shop:1.2',
      built: false,
    });
  });

  it('runs the app on the host network with its env, reaching the sandbox, and captures its output', async () => {
    const sandbox = await listen(createServer((_req, res) => res.end('sandbox pong')));
    const sandboxUrl = `http://127.0.0.1:${(sandbox.address() as AddressInfo).port}/`;
    const merchant = await startMerchantContainer({
      image,
      env: { DEADEND_SANDBOX_URL: sandboxUrl, SMTP_HOST: '127.0.0.1', SMTP_PORT: '2525' },
      startupTimeoutMs: 20_000,
    });
    try {
      expect(merchant.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const env = (await (await fetch(`${merchant.url}/env`)).json()) as Record<string, string>;
      expect(env).toMatchObject({
        DEADEND_SANDBOX_URL: sandboxUrl,
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: '2525',
        HOST: '127.0.0.1',
        PORT: new URL(merchant.url).port,
      });
      const relayed = await fetch(`${merchant.url}/sandbox`);
      expect([relayed.status, await relayed.text()]).toEqual([200, 'sandbox pong']);
      expect(await exists(merchant.id)).toBe(true);
    } finally {
      await merchant.stop();
      sandbox.close();
    }
    const logs = await merchant.logs();
    expect(logs).toContain(`healthServer listening on ${merchant.url} (node v24`);
    expect(logs).toContain('healthServer stderr line');
    expect(await exists(merchant.id)).toBe(false);
    expect(await ours()).toEqual([]);
    await merchant.stop(); // idempotent
  });

  it('a merchant that dies before it is healthy: the error carries its output, no container is left', async () => {
    const start = startMerchantContainer({
      image,
      command: ['node', '-e', 'console.log("starting"); console.error("boom: no sandbox"); process.exit(3)'],
    });
    const error = await start.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MerchantContainerError);
    expect((error as Error).message).toMatch(/exited with code 3/);
    expect((error as MerchantContainerError).logs).toContain('boom: no sandbox');
    expect((error as Error).message).toContain('--- container output ---\nstarting\nboom: no sandbox');
    expect(await ours()).toEqual([]);
  });

  it('a merchant that never answers its health check times out', async () => {
    const error = await startMerchantContainer({
      image,
      command: ['node', '-e', 'console.log("not listening"); setInterval(() => {}, 1000)'],
      startupTimeoutMs: 1_500,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MerchantContainerError);
    expect((error as Error).message).toMatch(/\/healthz did not answer 200 within 1500 ms/);
    expect((error as Error).message).toContain('not listening');
    expect(await ours()).toEqual([]);
  });

  it('refuses a port that is already taken', async () => {
    const server = await listen(createServer());
    const port = (server.address() as AddressInfo).port;
    await expect(startMerchantContainer({ image, port })).rejects.toThrow(
      `Port ${port} on 127.0.0.1 is in use`,
    );
    server.close();
  });

  for (const ending of ['SIGINT', 'SIGTERM', 'exit'] as const) {
    it(`removes the container when the process ends by ${ending}`, async () => {
      const child = spawn(process.execPath, [START_AND_WAIT, image, ending === 'exit' ? 'exit' : 'wait'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('close', (code, signal) => resolve({ code, signal })),
      );
      const id = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
          const m = /ready (\w+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        void closed.then(() => reject(new Error(`child ended before ready: ${stderr}`)));
      });
      expect(await exists(id)).toBe(true);
      if (ending !== 'exit') child.kill(ending);
      const end = await closed;
      // The signal still ends the process as it would have without deadend's handler.
      expect(end).toEqual(ending === 'exit' ? { code: 0, signal: null } : { code: null, signal: ending });
      expect(await exists(id)).toBe(false);
    }, 60_000);
  }

  it.skipIf(!SHOP)(
    'runs the reference shop from the default image',
    async () => {
      const shop = await buildShopImage();
      const merchant = await startMerchantContainer({
        image: shop.image,
        env: { DEADEND_SANDBOX_URL: 'http://127.0.0.1:9/', SMTP_HOST: '127.0.0.1', SMTP_PORT: '2525' },
      });
      try {
        expect((await fetch(`${merchant.url}/healthz`)).status).toBe(200);
      } finally {
        await merchant.stop();
      }
      expect(await merchant.logs()).toContain(`reference shop on ${merchant.url}`);
    },
    300_000,
  );

  it('removeStrayContainers removes the containers of dead deadend processes only', async () => {
    const docker = (await dockerClient()).container.dockerode;
    const deadPid = spawnSync('true').pid!;
    const create = async (pid: number) =>
      (
        await docker.createContainer({
          Image: image,
          Labels: {
            deadend: '1',
            [LABEL_OWNER]: OWNER,
            'deadend.pid': String(pid),
            'deadend.host': hostname(),
          },
        })
      ).id;
    const orphan = await create(deadPid);
    const alive = await create(process.pid);
    try {
      const removed = await removeStrayContainers();
      expect(removed).toContain(orphan);
      expect(removed).not.toContain(alive);
      expect(await ours()).toEqual([alive]);
    } finally {
      await removeContainer(orphan);
      await removeContainer(alive);
    }
  });
});

function listen(server: Server): Promise<Server> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
