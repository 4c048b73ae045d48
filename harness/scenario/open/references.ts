/**
 * Resolving references (design §2.10): one namespace per kind, built from the merged profile,
 * and every `ref('<kind>')` use checked against it. An unknown id names the kind, guesses
 * within that kind only, lists the kind's ids, and says when the id is of another kind
 * ("phone" is a declared channel) — the mix-up a silo between a system and a channel was.
 */

import { didYouMean } from '../../input/didYouMean.ts';
import type { OpenMerchantProfile } from '../../vocabulary/schema/index.ts';
import type { Problem } from '../source.ts';
import type { Reference } from './walk.ts';

export type Namespaces = Map<string, readonly string[]>;

/** Kinds that accept an id of any of several kinds (and, for contacts, the merchant itself). */
const COMPOSITE: Record<string, { of: string[]; also?: string[] }> = {
  'channel or system': { of: ['channel', 'system'] },
  'party or channel': { of: ['party', 'channel'], also: ['merchant'] },
};

const LIST_KINDS: Record<string, keyof OpenMerchantProfile> = {
  product: 'products',
  'message kind': 'messages',
  channel: 'channels',
  party: 'parties',
  system: 'systems',
  record: 'records',
  fact: 'facts',
  trait: 'traits',
  reason: 'reasons',
  problem: 'problems',
  action: 'actions',
  process: 'processes',
  commitment: 'commitments',
  route: 'routes',
};

export interface Extra {
  /** Calendars of the calendars folder (the profile's inline ones are added here). */
  calendars: readonly string[];
  /** Ids declared where they are used (charge tags). */
  declared: readonly Reference[];
  personas?: readonly string[];
}

export function namespacesOf(profile: OpenMerchantProfile, extra: Extra): Namespaces {
  const ns: Namespaces = new Map();
  for (const [kind, key] of Object.entries(LIST_KINDS))
    ns.set(
      kind,
      ((profile[key] as { id: string }[] | undefined) ?? []).map((x) => x.id),
    );
  ns.set('calendar', unique([...profile.calendars.map((c) => c.id), ...extra.calendars]));
  ns.set('parameter', Object.keys(profile.parameters));
  ns.set('capability', Object.keys(profile.capabilities));
  for (const r of extra.declared) {
    if (!r.declares) continue;
    ns.set(r.kind, unique([...(ns.get(r.kind) ?? []), r.id]));
  }
  if (!ns.has('charge tag')) ns.set('charge tag', []);
  if (extra.personas) ns.set('persona', extra.personas);
  for (const [kind, c] of Object.entries(COMPOSITE))
    ns.set(kind, unique([...c.of.flatMap((k) => ns.get(k) ?? []), ...(c.also ?? [])]));
  return ns;
}

const unique = (xs: readonly string[]) => [...new Set(xs)];

/**
 * One problem per reference whose id is not declared; kinds without a namespace are not checked here.
 * Plugin ids are registered in the config file (`pluginSource`), not declared by the profile.
 */
export function unresolved(
  refs: readonly Reference[],
  ns: Namespaces,
  owner: string,
  pluginSource = 'deadend.config.ts',
): Problem[] {
  const problems: Problem[] = [];
  for (const r of refs) {
    if (r.declares) continue;
    const ids = ns.get(r.kind);
    if (!ids || ids.includes(r.id)) continue;
    const other = [...ns.entries()].find(
      ([k, v]) => k !== r.kind && !(k in COMPOSITE) && k !== 'persona' && v.includes(r.id),
    );
    const mixUp = other ? ` ("${r.id}" is a declared ${other[0]}, not a ${r.kind})` : '';
    if (r.kind.startsWith('plugin ')) {
      problems.push(unregisteredPlugin(r, ids, pluginSource));
      continue;
    }
    problems.push({
      path: r.path,
      ...(r.key ? { key: true } : {}),
      message: `"${r.id}" is not a declared ${r.kind} of ${owner}${mixUp}${didYouMean(r.id, ids)}`,
      hint:
        ids.length > 0
          ? `declared ${plural(r.kind)} of ${owner}: ${ids.join(', ')}`
          : `${owner} declares no ${plural(r.kind)}`,
    });
  }
  return problems;
}

function unregisteredPlugin(r: Reference, ids: readonly string[], source: string): Problem {
  return {
    path: r.path,
    message: `"${r.id}" is not a ${r.kind} registered in ${source}${didYouMean(r.id, ids)}`,
    hint:
      ids.length > 0
        ? `registered ${plural(r.kind)}: ${ids.join(', ')}`
        : `${source} registers no ${plural(r.kind)} (plugins: { … } in defineConfig; docs/plugins.md)`,
  };
}

export function plural(kind: string): string {
  return kind
    .split(' or ')
    .map((k) => (k.endsWith('y') ? `${k.slice(0, -1)}ies` : `${k}s`))
    .join(' or ');
}
