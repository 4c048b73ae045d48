/**
 * What handing the world to the sandbox and back costs per customer action on the http target,
 * side by side in one run with a bare loopback request. The worlds are the real ones: the seed
 * suite runs once on the http target while every action's world is recorded before and after;
 * each recorded action is then replayed three ways, in turn, after a warm-up:
 *
 * - bare: one `fetch` to a node:http server on loopback that answers a fixed body;
 * - whole world (what the target did before): the world as JSON through PUT /v1/snapshot and
 *   back through GET /v1/snapshot, plus the two thread hand-overs (structured clones);
 * - by difference (what it does now, harness/targets/http/worldSync.ts): the harness's diff, its
 *   structured clone, the worker's apply; then the worker's diff, its clone, the harness's apply.
 *
 * The action itself (the shop's own requests) is not in either: it is the same both ways. The
 * seed suite's end-to-end ms/action is in bench/targets.ts.
 *
 *   npx node bench/handover.ts [--rounds 5] [--json] [--write]
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { append, type TraceNode } from '../harness/core/trace.ts';
import { cloneWorld, emptyWorld, type World, worldToJson } from '../harness/core/world.ts';
import { runSuite } from '../harness/engine/runner.ts';
import type { ShopPort } from '../harness/merchant/shopPort.ts';
import { loadScenarios } from '../harness/scenario/load.ts';
import { startHttpTarget } from '../harness/targets/http/wireShop.ts';
import { WorldSync } from '../harness/targets/http/worldSync.ts';
import { FREE_PORTS, startSandbox } from '../harness/targets/sandbox/index.ts';
import { table } from './benchReport.ts';
import { machine, revision } from './run.ts';
import { withSection } from './targets.ts';

interface Recorded {
  before: World;
  after: World;
  /** Whether the action's effects were read back (not for orderPage / entitled). */
  readBack: boolean;
}

const READ_ONLY = new Set(['orderPage', 'entitled']);

async function record(): Promise<{ actions: Recorded[]; runs: number }> {
  const loaded = await loadScenarios(['scenarios']);
  if (loaded.errors.length) throw new Error(`scenarios/ did not load: ${JSON.stringify(loaded.errors)}`);
  const target = startHttpTarget();
  const actions: Recorded[] = [];
  const wrapped = new WeakMap<ShopPort, ShopPort>();
  try {
    const results = await runSuite(loaded.scenarios, {
      seed: 1,
      target: 'http',
      connect: {
        prepareRun(prep, combo, seedKey) {
          const shop = target.prepareRun(prep, combo, seedKey);
          const known = wrapped.get(shop);
          if (known) return known;
          const out: Record<string, unknown> = {};
          for (const key of Object.keys(shop) as (keyof ShopPort)[]) {
            const fn = shop[key] as (world: World, ...rest: unknown[]) => unknown;
            out[key] = (world: World, ...rest: unknown[]) => {
              const before = cloneWorld(world);
              const value = fn.call(shop, world, ...rest);
              actions.push({ before, after: cloneWorld(world), readBack: !READ_ONLY.has(key) });
              return value;
            };
          }
          wrapped.set(shop, out as unknown as ShopPort);
          return out as unknown as ShopPort;
        },
        finishRun: (run) => target.finishRun!(run),
      },
    });
    return { actions, runs: results.summary.runs };
  } finally {
    target.close();
  }
}

/** The worker's world becomes `after`, as the shop's requests would make it (not timed). */
function act(workerWorld: World, before: World, after: World): void {
  const { trace: _t, ...rest } = cloneWorld(after);
  for (const k of Object.keys(workerWorld))
    if (k !== 'trace' && !(k in rest)) delete (workerWorld as never)[k];
  Object.assign(workerWorld, rest);
  const added: TraceNode[] = [];
  for (let n = after.trace; n && n !== before.trace; n = n.parent) added.push(n);
  let trace = workerWorld.trace;
  for (const n of added.reverse()) trace = append(trace, n.event);
  workerWorld.trace = trace;
}

export interface HandoverResult {
  date: string;
  machine: string;
  commit: string;
  load: [number, number];
  runs: number;
  actions: number;
  rounds: number;
  bareMs: number;
  wholeMs: number;
  diffMs: number;
  snapshotKiB: number;
  diffKiB: number;
}

export async function benchHandover(rounds: number, log: (l: string) => void): Promise<HandoverResult> {
  const loadBefore = os.loadavg()[0]!;
  log('recording the seed suite on the http target');
  const { actions, runs } = await record();
  log(`${actions.length} actions recorded; replaying ${rounds} rounds`);
  const sandbox = await startSandbox({ ports: FREE_PORTS });
  const fixed = JSON.stringify({ object: 'snapshot', restored: true });
  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(fixed) });
    res.end(fixed);
  });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/v1/snapshot`;
  const snapshotUrl = `${sandbox.urls.control}/v1/snapshot`;

  let snapshotBytes = 0;
  let diffBytes = 0;
  const bareOnce = async () => {
    await (await fetch(bareUrl)).json();
  };
  const wholeOnce = async (a: Recorded) => {
    const sent = structuredClone(worldToJson(a.before));
    const body = JSON.stringify({ world: sent });
    snapshotBytes += body.length;
    await (
      await fetch(snapshotUrl, { method: 'PUT', headers: { 'content-type': 'application/json' }, body })
    ).json();
    if (!a.readBack) return;
    const back = (await (await fetch(snapshotUrl)).json()) as { world: unknown };
    structuredClone(back.world);
  };
  const harness = new WorldSync();
  const worker = new WorldSync();
  const workerWorld = emptyWorld(0, '');
  let diffMs = 0;
  const diffOnce = (a: Recorded) => {
    const t = performance.now();
    const there = structuredClone(harness.diff(a.before));
    worker.apply(workerWorld, there);
    diffMs += performance.now() - t;
    diffBytes += JSON.stringify(there).length;
    act(workerWorld, a.before, a.after);
    const t2 = performance.now();
    if (a.readBack) {
      const back = structuredClone(worker.diff(workerWorld));
      harness.apply(cloneWorld(a.before), back);
    } else worker.revert(workerWorld);
    diffMs += performance.now() - t2;
  };

  const timeAsync = async (fn: (a: Recorded) => Promise<void>) => {
    const t = performance.now();
    for (const a of actions) await fn(a);
    return performance.now() - t;
  };
  // Warm-up: one round of each.
  await timeAsync(async () => bareOnce());
  await timeAsync(wholeOnce);
  for (const a of actions) diffOnce(a);
  let bareMs = 0;
  let wholeMs = 0;
  diffMs = 0;
  snapshotBytes = 0;
  diffBytes = 0;
  for (let r = 0; r < rounds; r++) {
    bareMs += await timeAsync(async () => bareOnce());
    wholeMs += await timeAsync(wholeOnce);
    for (const a of actions) diffOnce(a);
    log(`round ${r + 1}/${rounds}`);
  }
  await sandbox.close();
  await new Promise<void>((r) => {
    bare.close(() => r());
    bare.closeAllConnections();
  });
  const n = actions.length * rounds;
  return {
    date: new Date().toISOString().slice(0, 10),
    machine: machine(),
    commit: revision(),
    load: [loadBefore, os.loadavg()[0]!],
    runs,
    actions: actions.length,
    rounds,
    bareMs: bareMs / n,
    wholeMs: wholeMs / n,
    diffMs: diffMs / n,
    snapshotKiB: snapshotBytes / n / 1024,
    diffKiB: diffBytes / n / 1024,
  };
}

export const SECTION = '## World hand-over per customer action (http target)';

export function renderHandover(r: HandoverResult): string {
  const f = (x: number) => x.toFixed(3);
  const ratio = (x: number) => `×${(x / r.bareMs).toFixed(2)}`;
  return [
    SECTION,
    '',
    'How: `npx node bench/handover.ts --write` records every customer action of the seed suite on the http target',
    '(the world before and after), then replays each recorded action three ways in one process, in turn: a bare',
    'loopback request (`fetch` to node:http answering a fixed body), the whole-world snapshot round trip the target',
    'used to make (PUT + GET /v1/snapshot over loopback, with the two thread hand-overs), and the hand-over by',
    'difference it makes now (harness/targets/http/worldSync.ts: diff, structured clone and apply, both ways). The',
    'shop’s own requests are the same either way and not included. Target: ≤ ×2 a bare loopback request.',
    '',
    `Date: ${r.date}  `,
    `Machine: ${r.machine}  `,
    `Commit: ${r.commit}  `,
    `Load average (1 min) before → after: ${r.load[0].toFixed(2)} → ${r.load[1].toFixed(2)}  `,
    `Seed suite, seed 1: ${r.runs} runs, ${r.actions} customer actions, ${r.rounds} rounds after a warm-up.`,
    '',
    table(
      ['Per customer action', 'ms', '× bare loopback request', 'KiB sent to the sandbox', 'Status'],
      [
        ['bare loopback request', f(r.bareMs), '×1.00', '—', '—'],
        [
          'whole-world snapshot round trip (before)',
          f(r.wholeMs),
          ratio(r.wholeMs),
          r.snapshotKiB.toFixed(1),
          r.wholeMs <= 2 * r.bareMs ? 'met' : 'NOT MET',
        ],
        [
          'hand-over by difference (now)',
          f(r.diffMs),
          ratio(r.diffMs),
          r.diffKiB.toFixed(1),
          r.diffMs <= 2 * r.bareMs ? 'met' : 'NOT MET',
        ],
      ],
      ['l', 'r', 'r', 'r', 'l'],
    ),
  ].join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '5' },
      json: { type: 'boolean', default: false },
      write: { type: 'boolean', default: false },
    },
  });
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) {
    process.stderr.write('usage: npx node bench/handover.ts [--rounds N] [--json] [--write]\n');
    process.exit(2);
  }
  const r = await benchHandover(rounds, (l) => process.stderr.write(`… ${l}\n`));
  const md = renderHandover(r);
  process.stdout.write(values.json ? `${JSON.stringify(r, null, 2)}\n` : `${md}\n`);
  if (values.write) {
    const readme = new URL('./README.md', import.meta.url).pathname;
    writeFileSync(readme, withSection(readFileSync(readme, 'utf8'), md, SECTION));
    process.stderr.write(`results written to ${readme}\n`);
  }
  // The wire worker thread would keep the process alive.
  process.exit(0);
}
