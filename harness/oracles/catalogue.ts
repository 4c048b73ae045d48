/** Every oracle deadend runs over a finished trace, by id (sorted). */
import type { Finding } from '../core/contract.ts';
import { overcharge } from './billing.ts';
import { noFeedbackChannel, pingPong } from './channels.ts';
import { inconsistentReasons, silentFailure, zombieNotice } from './communication.ts';
import { lostInTransit } from './fulfilment.ts';
import type { Oracle, OracleContext } from './oracle.ts';
import { unverifiedSecret } from './security.ts';

const ALL: Oracle[] = [
  silentFailure,
  inconsistentReasons,
  pingPong,
  zombieNotice,
  unverifiedSecret,
  overcharge,
  noFeedbackChannel,
  lostInTransit,
].sort((a, b) => a.id.localeCompare(b.id));

export const oracleCatalogue: ReadonlyMap<string, Oracle> = new Map(ALL.map((o) => [o.id, o]));
export const ORACLE_IDS: readonly string[] = ALL.map((o) => o.id);

/** All findings of a run, sorted by oracle id, then first event. */
export function runOracles(
  ctx: OracleContext,
  oracles: Iterable<Oracle> = oracleCatalogue.values(),
): Finding[] {
  const out: Finding[] = [];
  for (const o of oracles) out.push(...o.check(ctx));
  return out.sort(
    (a, b) =>
      (a.oracle < b.oracle ? -1 : a.oracle > b.oracle ? 1 : 0) || (a.events[0] ?? -1) - (b.events[0] ?? -1),
  );
}

/**
 * Compares the oracles that fired with the expected list: undefined when they match, else a
 * plain-language reason (`missing finding silent-failure; unexpected finding overcharge`).
 */
export function findingsMismatch(
  expected: readonly string[],
  findings: readonly Finding[],
): string | undefined {
  const fired = new Set(findings.map((f) => f.oracle));
  const want = new Set(expected);
  const missing = [...want].filter((id) => !fired.has(id)).sort();
  const extra = [...fired].filter((id) => !want.has(id)).sort();
  const parts = [];
  if (missing.length) parts.push(`missing finding${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  if (extra.length) parts.push(`unexpected finding${extra.length > 1 ? 's' : ''} ${extra.join(', ')}`);
  return parts.length ? parts.join('; ') : undefined;
}
