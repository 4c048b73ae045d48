/**
 * The explorer's state key: what matters for the future of a world — facts, knowledge, messages
 * (where they are, whether seen), record values, ledger totals, process positions, pending
 * events relative to now, action and fault counts, commitments. Never times already past.
 */
import { moneyTotals } from './money.ts';
import type { VWorld } from './state.ts';

export function stateKey(w: VWorld): string {
  const money = moneyTotals(w);
  const charges: Record<string, number> = {};
  for (const e of w.ledger) if (e.type === 'charge') charges[e.tag] = (charges[e.tag] ?? 0) + 1;
  const records = Object.keys(w.records)
    .sort()
    .map(
      (s) =>
        `${s}:${Object.keys(w.records[s]!)
          .sort()
          .map((r) => `${r}=${w.records[s]![r]!.value}`)
          .join(',')}`,
    );
  const pending = w.pending.map((ev) => {
    const { at, seq: _seq, ...rest } = ev;
    return `${at - w.now}:${JSON.stringify(rest)}`;
  });
  return JSON.stringify([
    Object.keys(w.facts).sort(),
    Object.keys(w.known).sort(),
    // Conditions ask whether a message of a kind was seen, never how many: duplicates say nothing.
    [
      ...new Set(w.messages.map((m) => `${m.message}|${m.via}|${m.place}|${m.owner}|${m.seen ? 1 : 0}`)),
    ].sort(),
    records,
    [money.net, money.held, money.maxHeld, money.merchantFees, charges],
    Object.keys(w.processes)
      .sort()
      .map((p) => `${p}:${w.processes[p]!.next}:${w.processes[p]!.stopped ? 1 : 0}`),
    pending,
    // Counts matter only where they are limited: an action's `limit`, a fault use's `times`.
    sortedEntries(w.actionCounts).filter(([a]) => w.ctx.actions.get(a)?.limit !== undefined),
    sortedEntries(w.faultHits).filter(([f]) =>
      w.ctx.faults.some((u) => u.label === f && u.times !== undefined),
    ),
    w.commitments.map((c) => `${c.id}:${c.recorded ? 1 : 0}:${c.settled ? 1 : `due+${c.due - w.now}`}`),
    w.gaveUp,
  ]);
}

function sortedEntries(r: Record<string, number>): [string, number][] {
  return Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1));
}
