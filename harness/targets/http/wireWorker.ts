/**
 * The worker thread of the http, browser and container targets: it owns the sandbox servers,
 * the merchant (the reference shop in this thread, a shop at a URL, or a container) and the
 * adapter (JSON or a browser), and does the real network calls while the harness thread, which
 * runs the synchronous explorer, waits for each answer (synckit).
 *
 * One customer action = bring the sandbox to the explorer's world (by difference: worldSync.ts;
 * the sandbox lives in this thread), do the action against the shop through the adapter, and
 * answer what the action changed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runAsWorker } from 'synckit';
import { type RunningShop, startShop } from '../../../fixtures/shop/server.ts';
import type { Attachment } from '../../core/contract.ts';
import type { LoadedScenario } from '../../scenario/load.ts';
import { TARGETS } from '../index.ts';
import { FREE_PORTS, type RunningSandbox, startSandbox } from '../sandbox/index.ts';
import { DEFAULT_CALENDARS_DIR } from '../sandbox/session.ts';
import {
  type AdapterFactory,
  type RunFocus,
  referenceShopAdapter,
  type ShopAdapter,
  ShopError,
} from './adapter.ts';
import type { ContainerSpec, StartMerchant, WorkerMerchant } from './merchant.ts';
import { actOpen, type OpenAction, type OpenRunWire, startOpenRun } from './openWorker.ts';
import type { OpenWorldDiff } from './openWorldSync.ts';
import { vocabularyRouter } from './vocabularyApi.ts';
import { type WorldDiff, WorldSync } from './worldSync.ts';

export type { ContainerSpec } from './merchant.ts';

export type WireMessage =
  | {
      op: 'start';
      calendarsDir?: string;
      shopUrl?: string;
      adapter?: string;
      sandboxPort?: number;
      smtpPort?: number;
      container?: ContainerSpec;
      /** A browser is the customer (harness/targets/browser) instead of the JSON adapter. */
      browser?: boolean;
      /** Where files kept for failed runs go (`<report>/attachments`). */
      attachmentsDir?: string;
    }
  | { op: 'run'; scenario: LoadedScenario; faults: readonly string[]; seedKey: string }
  | { op: 'act'; world: WorldDiff; action: keyof ShopAdapter; args: unknown[]; readOnly: boolean }
  /** An open-vocabulary run: its world is built in the sandbox session. */
  | { op: 'openRun'; run: OpenRunWire }
  | { op: 'openAct'; world: OpenWorldDiff; action: OpenAction; args: unknown[] }
  | { op: 'finish'; scenario: string; name: string; pass: boolean; world?: WorldDiff; focus?: RunFocus }
  | { op: 'stop' };

export interface StartedUrls {
  sandbox: string;
  shop: string;
  smtp: number;
  /** The merchant container, so the harness thread can remove it when interrupted. */
  containerId?: string;
}

export type WireAnswer =
  | {
      ok: true;
      value?: unknown;
      world?: WorldDiff;
      openWorld?: OpenWorldDiff;
      urls?: StartedUrls;
      attachments?: Attachment[];
    }
  | { ok: false; error: string };

let sandbox: RunningSandbox | undefined;
let shop: RunningShop | undefined;
let adapter: ShopAdapter | undefined;
let container: WorkerMerchant | undefined;
let attachmentsDir: string | undefined;
let calendarsDir = DEFAULT_CALENDARS_DIR;
/** What the harness thread and the sandbox last agreed the world is. */
const sync = new WorldSync();

/** A run's folder name: "scenario › a+b › #0" → "a+b-0". */
export const runFolder = (name: string) =>
  name
    .split(' › ')
    .slice(1)
    .join('-')
    .replace(/#/g, '')
    .replace(/[^A-Za-z0-9+.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120) || 'run';

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

async function startMerchant(msg: Extract<WireMessage, { op: 'start' }>, s: RunningSandbox): Promise<string> {
  if (msg.container) {
    const { startMerchant } = (await import(TARGETS.container.merchant)) as { startMerchant: StartMerchant };
    container = await startMerchant(msg.container, { url: s.urls.all, smtpPort: s.ports.smtp });
    return container.url;
  }
  if (msg.shopUrl) return msg.shopUrl;
  shop = await startShop({ sandboxUrl: s.urls.all, smtp: { host: '127.0.0.1', port: s.ports.smtp } });
  return shop.url;
}

async function loadAdapter(msg: Extract<WireMessage, { op: 'start' }>): Promise<AdapterFactory> {
  if (msg.adapter) {
    const factory = ((await import(pathToFileURL(msg.adapter).href)) as { default?: unknown }).default;
    if (typeof factory !== 'function')
      throw new ShopError(
        `${msg.adapter}: the default export is not an adapter factory (see docs/http-target.md)`,
      );
    return factory as AdapterFactory;
  }
  if (msg.browser) return ((await import(TARGETS.browser.customer)) as { default: AdapterFactory }).default;
  return referenceShopAdapter;
}

async function handle(msg: WireMessage): Promise<WireAnswer> {
  switch (msg.op) {
    case 'start': {
      sandbox = await startSandbox({
        routers: [vocabularyRouter],
        ...(msg.calendarsDir ? { calendarsDir: msg.calendarsDir } : {}),
        ports: {
          ...FREE_PORTS,
          ...(msg.sandboxPort !== undefined ? { all: msg.sandboxPort } : {}),
          ...(msg.smtpPort !== undefined ? { smtp: msg.smtpPort } : {}),
        },
      });
      attachmentsDir = msg.attachmentsDir;
      calendarsDir = msg.calendarsDir ?? DEFAULT_CALENDARS_DIR;
      const factory = await loadAdapter(msg);
      const shopUrl = await startMerchant(msg, sandbox);
      adapter = factory({ shopUrl, sandboxUrl: sandbox.urls.all });
      return {
        ok: true,
        urls: {
          sandbox: sandbox.urls.all,
          shop: shopUrl,
          smtp: sandbox.ports.smtp,
          ...(container ? { containerId: container.id } : {}),
        },
      };
    }
    case 'run':
      await control('POST', '/v1/runs', { scenario: msg.scenario, faults: msg.faults, seedKey: msg.seedKey });
      sync.forget();
      await adapter!.reset?.();
      await adapter!.beginRun?.();
      await container?.markLog();
      return { ok: true };
    case 'openRun':
      startOpenRun(sandbox!.session, msg.run, calendarsDir);
      await adapter!.reset?.();
      await adapter!.beginRun?.();
      await container?.markLog();
      return { ok: true };
    case 'openAct': {
      const r = await actOpen(sandbox!.session, sandbox!.urls.all, adapter!, msg.world, msg.action, msg.args);
      return { ok: true, value: r.value, openWorld: r.world };
    }
    case 'act': {
      const session = sandbox!.session;
      sync.apply(session.world, msg.world);
      const fn = adapter![msg.action] as (...a: unknown[]) => Promise<unknown>;
      const value = await fn.apply(adapter, msg.args);
      if (msg.readOnly) {
        sync.revert(session.world);
        return { ok: true, value };
      }
      return { ok: true, value, world: sync.diff(session.world) };
    }
    case 'finish': {
      if (msg.pass || !attachmentsDir) {
        await adapter!.discard?.();
        return { ok: true, attachments: [] };
      }
      if (msg.world) sync.apply(sandbox!.session.world, msg.world);
      const folder = join(msg.scenario, runFolder(msg.name));
      const dir = join(attachmentsDir, folder);
      mkdirSync(dir, { recursive: true });
      const rel = (file: string) => ['attachments', ...folder.split(sep), file].join('/');
      const out: Attachment[] = [];
      for (const kept of (await adapter!.keep?.(dir, msg.focus)) ?? [])
        out.push({ name: kept.name, path: rel(kept.file), contentType: kept.contentType });
      if (container) {
        writeFileSync(join(dir, 'container.log'), await container.logSinceMark());
        out.push({
          name: 'merchant container log (this run)',
          path: rel('container.log'),
          contentType: 'text/plain',
        });
      }
      return { ok: true, attachments: out };
    }
    case 'stop':
      await adapter?.close?.();
      await container?.stop();
      await shop?.close();
      await sandbox?.close();
      adapter = undefined;
      container = undefined;
      shop = undefined;
      sandbox = undefined;
      return { ok: true };
  }
}

runAsWorker(async (msg: WireMessage): Promise<WireAnswer> => {
  try {
    return await handle(msg);
  } catch (e) {
    const err = e as Error;
    const plain =
      e instanceof ShopError || ['DockerUnavailableError', 'MerchantContainerError'].includes(err.name);
    return { ok: false, error: plain ? err.message : (err.stack ?? String(e)) };
  }
});
