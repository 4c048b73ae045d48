/**
 * The `http` target's worker thread: it owns the sandbox servers, the reference shop (unless
 * an external one is named) and the adapter, and does the real network calls while the
 * harness thread, which runs the synchronous explorer, waits for each answer (synckit).
 *
 * One customer action = restore the sandbox to the explorer's world (PUT /v1/snapshot), do the
 * action against the shop through the adapter, read the world back (GET /v1/snapshot).
 */
import { pathToFileURL } from 'node:url';
import { runAsWorker } from 'synckit';
import { type RunningShop, startShop } from '../../../fixtures/shop/server.ts';
import { type RunningSandbox, startSandbox } from '../../sandbox/http/index.ts';
import type { LoadedScenario } from '../../scenario/load.ts';
import { type AdapterFactory, referenceShopAdapter, type ShopAdapter, ShopError } from './adapter.ts';

export type WireMessage =
  | {
      op: 'start';
      calendarsDir?: string;
      shopUrl?: string;
      adapter?: string;
      sandboxPort?: number;
      smtpPort?: number;
    }
  | { op: 'run'; scenario: LoadedScenario; faults: readonly string[]; seedKey: string }
  | { op: 'act'; world: unknown; action: keyof ShopAdapter; args: unknown[]; readOnly: boolean }
  | { op: 'stop' };

export type WireAnswer =
  | { ok: true; value?: unknown; world?: unknown; urls?: { sandbox: string; shop: string; smtp: number } }
  | { ok: false; error: string };

let sandbox: RunningSandbox | undefined;
let shop: RunningShop | undefined;
let adapter: ShopAdapter | undefined;

async function control(method: string, path: string, body?: unknown): Promise<{ world?: unknown }> {
  const res = await fetch(`${sandbox!.urls.control}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as { error?: { message?: string }; world?: unknown };
  if (!res.ok) throw new ShopError(`sandbox ${method} ${path}: ${json.error?.message ?? res.status}`);
  return json;
}

async function handle(msg: WireMessage): Promise<WireAnswer> {
  switch (msg.op) {
    case 'start': {
      const any = 0;
      sandbox = await startSandbox({
        ...(msg.calendarsDir ? { calendarsDir: msg.calendarsDir } : {}),
        ports: {
          payment: any,
          mailbox: any,
          licensing: any,
          support: any,
          control: any,
          backoffice: any,
          all: msg.sandboxPort ?? any,
          smtp: msg.smtpPort ?? any,
        },
      });
      let shopUrl = msg.shopUrl;
      if (!shopUrl) {
        shop = await startShop({
          sandboxUrl: sandbox.urls.all,
          smtp: { host: '127.0.0.1', port: sandbox.ports.smtp },
        });
        shopUrl = shop.url;
      }
      const factory: AdapterFactory = msg.adapter
        ? ((await import(pathToFileURL(msg.adapter).href)) as { default: AdapterFactory }).default
        : referenceShopAdapter;
      if (typeof factory !== 'function')
        throw new ShopError(`${msg.adapter}: the default export is not an adapter factory`);
      adapter = factory({ shopUrl, sandboxUrl: sandbox.urls.all });
      return { ok: true, urls: { sandbox: sandbox.urls.all, shop: shopUrl, smtp: sandbox.ports.smtp } };
    }
    case 'run':
      await control('POST', '/v1/runs', { scenario: msg.scenario, faults: msg.faults, seedKey: msg.seedKey });
      await adapter!.reset?.();
      return { ok: true };
    case 'act': {
      await control('PUT', '/v1/snapshot', { world: msg.world });
      const fn = adapter![msg.action] as (...a: unknown[]) => Promise<unknown>;
      const value = await fn.apply(adapter, msg.args);
      if (msg.readOnly) return { ok: true, value };
      const snap = await control('GET', '/v1/snapshot');
      return { ok: true, value, world: snap.world };
    }
    case 'stop':
      await shop?.close();
      await sandbox?.close();
      shop = undefined;
      sandbox = undefined;
      return { ok: true };
  }
}

runAsWorker(async (msg: WireMessage): Promise<WireAnswer> => {
  try {
    return await handle(msg);
  } catch (e) {
    return { ok: false, error: e instanceof ShopError ? e.message : ((e as Error).stack ?? String(e)) };
  }
});
