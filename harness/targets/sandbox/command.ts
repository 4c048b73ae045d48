/**
 * `deadend sandbox`: start the servers, print where they are, serve until interrupted.
 * harness/cli/main.ts wires the command to `sandboxCommand`.
 */
import {
  API_NAMES,
  type ApiName,
  DEFAULT_PORTS,
  describeSandbox,
  type SandboxPorts,
  startSandbox,
} from './index.ts';
import { SandboxInputError } from './session.ts';

export interface SandboxCommandOptions {
  scenario?: string;
  /** Comma-separated labels of the scenario's faults active from the start. */
  faults?: string;
  seed?: number;
  /** `name=port` entries (`payment=4242`, `smtp=2525`); 0 picks a free port. */
  port?: string[];
  /** Ports from here up, in the order payment, mailbox, licensing, support, control, smtp; 0: all free. */
  basePort?: string;
  /** Also start the reference shop (fixtures/shop) against this sandbox: true for port 8080, or a port. */
  shop?: boolean | string;
}

interface Out {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const NAMES: readonly (ApiName | 'smtp' | 'all')[] = [...API_NAMES, 'smtp', 'all'];

/** Ports from the options, or a usage problem in plain words. */
export function sandboxPorts(opts: Pick<SandboxCommandOptions, 'port' | 'basePort'>): SandboxPorts {
  const ports: SandboxPorts = {};
  const portNumber = (text: string, what: string) => {
    const n = Number(text);
    if (!/^\d+$/.test(text.trim()) || n > 65535)
      throw new SandboxInputError(`${what}: "${text}" is not a port (0–65535)`);
    return n;
  };
  if (opts.basePort !== undefined) {
    const base = portNumber(opts.basePort, '--base-port');
    NAMES.forEach((name, i) => {
      ports[name] = base === 0 ? 0 : base + i;
    });
  }
  for (const entry of opts.port ?? []) {
    const [name, value] = entry.split('=', 2) as [string, string | undefined];
    if (!(NAMES as readonly string[]).includes(name) || value === undefined)
      throw new SandboxInputError(`--port ${entry}: write NAME=PORT with NAME one of ${NAMES.join(', ')}`);
    ports[name as ApiName | 'smtp' | 'all'] = portNumber(value, `--port ${name}`);
  }
  return ports;
}

/**
 * Serve until `until` settles (default: SIGINT or SIGTERM). Resolves to the exit code:
 * 0 after a clean stop, 2 for bad options or a port in use.
 */
export async function sandboxCommand(
  opts: SandboxCommandOptions,
  io: Out,
  until?: Promise<unknown>,
): Promise<number> {
  let running: Awaited<ReturnType<typeof startSandbox>>;
  try {
    running = await startSandbox({
      ports: sandboxPorts(opts),
      ...(opts.scenario ? { scenario: opts.scenario } : {}),
      ...(opts.faults
        ? {
            faults: opts.faults
              .split(',')
              .map((f) => f.trim())
              .filter(Boolean),
          }
        : {}),
      ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'EADDRINUSE'
        ? `a port is already in use (${err.message.replace(/^.*EADDRINUSE: /, '')}); choose others with --port NAME=PORT or --base-port 0`
        : err.message;
    io.stderr.write(`deadend: ${why}\n`);
    return 2;
  }
  let shop: { url: string; close(): Promise<void> } | undefined;
  if (opts.shop !== undefined && opts.shop !== false) {
    const port = opts.shop === true ? 8080 : Number(opts.shop);
    if (!/^\d+$/.test(String(opts.shop === true ? 8080 : opts.shop)) || port > 65535) {
      await running.close();
      io.stderr.write(`deadend: --shop ${String(opts.shop)}: not a port (0–65535)\n`);
      return 2;
    }
    const { startShop } = await import('../../../fixtures/shop/server.ts');
    try {
      shop = await startShop({
        sandboxUrl: running.urls.all,
        smtp: { host: '127.0.0.1', port: running.ports.smtp },
        port,
      });
    } catch (e) {
      await running.close();
      io.stderr.write(`deadend: the reference shop could not start: ${(e as Error).message}\n`);
      return 2;
    }
  }
  const s = running.session;
  io.stdout.write(
    `deadend sandbox: ${s.fromScenario ? `scenario ${s.base.loaded.scenario.id}` : 'the sandbox shop'} (merchant ${s.env.profile.id}), ` +
      `customer ${s.world.customer.email}, clock at ${new Date(s.now).toISOString()} (virtual; move it with the control API)` +
      `${s.active.length ? `, faults: ${s.active.join(', ')}` : ''}\n`,
  );
  for (const line of describeSandbox(running)) io.stdout.write(`  ${line}\n`);
  if (shop)
    io.stdout.write(
      `  shop      ${shop.url}   the reference shop: open it in a browser (mail: the mailbox API)\n`,
    );
  io.stdout.write('Serving on loopback only. Ctrl-C stops.\n');
  await (until ??
    new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    }));
  await shop?.close();
  await running.close();
  return 0;
}

export { DEFAULT_PORTS };
