/** The real targets of `run` (http, browser, container): what each thread starts, and starting it. */
import type { IO } from './io.ts';
import { UsageError } from './io.ts';
import type { RunOptions } from './run.ts';

export interface TargetPlan {
  options: import('../targets/http/wireShop.ts').HttpTargetOptions;
  /** Stop what the plan started for all threads (the shared browser). */
  release(): Promise<void>;
}

/** The options every thread starts its target with; for parallel browser runs, one shared Chromium. */
export async function targetPlan(
  opts: RunOptions,
  containerEnv: Record<string, string> | undefined,
  threads: number,
): Promise<TargetPlan> {
  const { resolve } = await import('node:path');
  const attachmentsDir = resolve(opts.report, 'attachments');
  const { prepareAttachments } = await import('../report/reportDir.ts');
  try {
    prepareAttachments(attachmentsDir);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  let release = async () => {};
  if (opts.target === 'browser' && threads > 1) {
    const { launchSharedBrowser } = await import('../targets/browser/browserAdapter.ts');
    try {
      const shared = await launchSharedBrowser();
      process.env.DEADEND_BROWSER_WS = shared.wsEndpoint;
      release = async () => {
        delete process.env.DEADEND_BROWSER_WS;
        await shared.close();
      };
    } catch (e) {
      throw new UsageError(`the browser target could not start: ${(e as Error).message}`);
    }
  }
  return {
    options: {
      calendarsDir: opts.calendars,
      attachmentsDir,
      ...(opts.shopUrl ? { shopUrl: opts.shopUrl } : {}),
      ...(opts.adapter ? { adapter: resolve(opts.adapter) } : {}),
      ...(opts.sandboxPort !== undefined ? { sandboxPort: opts.sandboxPort } : {}),
      ...(opts.smtpPort !== undefined ? { smtpPort: opts.smtpPort } : {}),
      ...(opts.target === 'browser' ? { browser: true } : {}),
      ...(opts.target === 'container'
        ? {
            container: {
              ...(opts.image ? { image: opts.image } : {}),
              ...(containerEnv ? { env: containerEnv } : {}),
              ...(opts.healthPath ? { healthPath: opts.healthPath } : {}),
            },
          }
        : {}),
    },
    release: () => release(),
  };
}

/** KEY=VALUE entries of --container-env. */
export function parseContainerEnv(entries: string[] | undefined): Record<string, string> | undefined {
  if (!entries) return undefined;
  const env: Record<string, string> = {};
  for (const e of entries) {
    const at = e.indexOf('=');
    if (at <= 0) throw new UsageError(`--container-env ${e}: write KEY=VALUE.`);
    env[e.slice(0, at)] = e.slice(at + 1);
  }
  return env;
}

/**
 * The http, browser and container targets: sandbox servers and the merchant (the reference shop,
 * the shop at --shop-url, or a container), and the customer (the JSON adapter or a browser).
 */
export async function startTarget(
  opts: RunOptions,
  io: IO,
  options: import('../targets/http/wireShop.ts').HttpTargetOptions,
) {
  const { startHttpTarget, TargetError } = await import('../targets/http/wireShop.ts');
  if (opts.target === 'container' && !opts.quiet)
    io.stderr.write(
      opts.image
        ? `container target: starting ${opts.image}…\n`
        : 'container target: building the reference shop image and starting it…\n',
    );
  try {
    const target = startHttpTarget(options);
    const id = target.urls.containerId;
    if (id) {
      // The container must not outlive an interrupted run.
      const { removeContainersSync } = await import('../targets/container/engine.ts');
      const remove = () => removeContainersSync([id]);
      process.once('exit', remove);
      for (const signal of ['SIGINT', 'SIGTERM'] as const)
        process.once(signal, () => {
          remove();
          process.exit(130);
        });
    }
    if (!opts.quiet)
      io.stderr.write(
        `${opts.target} target: sandbox ${target.urls.sandbox} (SMTP 127.0.0.1:${target.urls.smtp}), shop ${target.urls.shop}${id ? ` (container ${id.slice(0, 12)})` : ''}\n`,
      );
    return target;
  } catch (e) {
    if (e instanceof TargetError)
      throw new UsageError(`the ${opts.target} target could not start: ${e.message}`);
    throw e;
  }
}
