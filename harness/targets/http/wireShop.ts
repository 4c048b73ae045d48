/**
 * The `http` target: the customer agent and the explorer run as in `sim`, but every action at
 * the merchant's web site goes over the wire to a real shop (the reference shop the target
 * starts, or yours, through an adapter), and the sandbox servers hold the world while it acts.
 * The explorer still branches: before each action the sandbox is restored to the explored
 * world, afterwards the world is read back — so a shop that keeps its state in the sandbox's
 * back office can be searched exhaustively, like the model.
 */
import { fileURLToPath } from 'node:url';
import { createSyncFn } from 'synckit';
import { siblingModule } from '../../core/modulePath.ts';
import type { World } from '../../core/world.ts';
import type { PreparedScenario } from '../../engine/runner.ts';
import type { Target, TargetSpec } from '../../engine/target.ts';
import type { ShopPort } from '../../merchant/shopPort.ts';
import type { ShopAdapter } from './adapter.ts';
import { type OpenShopConnector, openShopPort } from './openShop.ts';
import type { ContainerSpec, StartedUrls, WireAnswer, WireMessage } from './wireWorker.ts';
import { WorldSync } from './worldSync.ts';

export interface HttpTargetOptions {
  /** An external shop's base URL; without it the reference shop is started. */
  shopUrl?: string;
  /** A module whose default export is an AdapterFactory (needed for a shop other than the reference one). */
  adapter?: string;
  calendarsDir?: string;
  /** Fixed ports for the sandbox (all APIs) and its SMTP server, so an external shop can be configured. */
  sandboxPort?: number;
  smtpPort?: number;
  /** Run the merchant in a container (the `container` target). */
  container?: ContainerSpec;
  /** A browser is the customer (the `browser` target). */
  browser?: boolean;
  /** Where files kept for failed runs go: `<report folder>/attachments`. */
  attachmentsDir?: string;
}

export interface HttpTarget extends Target, OpenShopConnector {
  urls: StartedUrls;
  /** Set the sandbox up for one run; returns the shop the customer uses in it. */
  prepareRun(prep: PreparedScenario, combo: readonly string[], seedKey: string): ShopPort;
  close(): void;
}

/** The target's infrastructure failed (a shop that answers 5xx, a sandbox that is gone): not a journey outcome. */
export class TargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetError';
  }
}

const WORKER = fileURLToPath(siblingModule('./wireWorker.ts', import.meta.url));

/** How each worker thread of `--workers N` starts its own http target (its startTarget below). */
export function httpTargetSpec(options: HttpTargetOptions): TargetSpec {
  return { module: import.meta.url, options };
}

/** The target module's entry for worker threads (engine/target.ts). */
export const startTarget = (options: unknown): HttpTarget => startHttpTarget(options as HttpTargetOptions);

export function startHttpTarget(opts: HttpTargetOptions = {}): HttpTarget {
  const call = createSyncFn(WORKER) as (msg: WireMessage) => WireAnswer;
  const send = (msg: WireMessage) => {
    const answer = call(msg);
    if (!answer.ok) throw new TargetError(answer.error);
    return answer;
  };
  const start: WireMessage = {
    op: 'start',
    ...(opts.calendarsDir ? { calendarsDir: opts.calendarsDir } : {}),
    ...(opts.shopUrl ? { shopUrl: opts.shopUrl } : {}),
    ...(opts.adapter ? { adapter: opts.adapter } : {}),
    ...(opts.sandboxPort !== undefined ? { sandboxPort: opts.sandboxPort } : {}),
    ...(opts.smtpPort !== undefined ? { smtpPort: opts.smtpPort } : {}),
    ...(opts.container ? { container: opts.container } : {}),
    ...(opts.browser ? { browser: true } : {}),
    ...(opts.attachmentsDir ? { attachmentsDir: opts.attachmentsDir } : {}),
  };
  let started: WireAnswer & { ok: true };
  try {
    started = send(start) as WireAnswer & { ok: true };
  } catch (e) {
    // Half started (the sandbox up, the container not): stop what is running before reporting.
    call({ op: 'stop' });
    throw e;
  }

  /** What this thread and the sandbox last agreed the world is: worlds go over by difference. */
  const sync = new WorldSync();

  /** One action at the shop, with the world handed over to the sandbox and taken back. */
  function act<K extends keyof ShopAdapter>(
    world: World,
    action: K,
    args: unknown[],
    readOnly = false,
  ): unknown {
    const answer = send({ op: 'act', world: sync.diff(world), action, args, readOnly });
    if (answer.world) sync.apply(world, answer.world);
    return answer.value;
  }

  const shop: ShopPort = {
    checkout: (world, _env, req) => act(world, 'checkout', [req]) as ReturnType<ShopPort['checkout']>,
    orderPage: (world, _env, orderId) =>
      act(world, 'orderPage', [orderId], true) as ReturnType<ShopPort['orderPage']>,
    resend: (world, _env, orderId, kind) => act(world, 'resend', [orderId, kind]) === true,
    changeEmail: (world, _env, orderId, email) => act(world, 'changeEmail', [orderId, email]) === true,
    cancelSubscription: (world, _env, product) => act(world, 'cancelSubscription', [product]) === true,
    entitled: (world, _env, product) => act(world, 'entitled', [product], true) === true,
    sendStatement: (world, _env, email) => {
      act(world, 'sendStatement', [email]);
    },
    contactSupport: (world, _env, channelId, problem, product) =>
      act(world, 'contactSupport', [channelId, problem, product]) as ReturnType<ShopPort['contactSupport']>,
  };

  return {
    urls: started.urls!,
    ...openShopPort(send),
    prepareRun(prep, combo, seedKey) {
      send({ op: 'run', scenario: prep.loaded, faults: combo, seedKey });
      sync.forget();
      return shop;
    },
    finishRun({ scenario, name, pass, world }) {
      // A failed run's evidence shows the sandbox as the run ended.
      if (pass) return send({ op: 'finish', scenario, name, pass }).attachments ?? [];
      const latest = world.orders.at(-1);
      const focus = latest ? { orderId: latest.id } : {};
      return send({ op: 'finish', scenario, name, pass, world: sync.diff(world), focus }).attachments ?? [];
    },
    close() {
      send({ op: 'stop' });
    },
  };
}
