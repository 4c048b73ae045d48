/**
 * The what-if of an open-vocabulary scenario (design §2.3, last paragraphs): each declared
 * capability that is off in the merged profile and gates something — an action's `capability`,
 * a `{ capability }` condition anywhere in the declarations or the scenario's steps — is a
 * candidate fix, named by the actions it gates ("offer: sign in with a backup code"). A dead end
 * is searched again with the capability switched on; only the journey runs (no oracles, no
 * horizon): only the outcome counts. Parameters are not candidates: a value is not a fix.
 */
import type { Outcome } from '../../core/contract.ts';
import type { LoadedOpenScenario } from '../../vocabulary/loaded.ts';
import { createWorld } from '../../vocabulary/world/index.ts';
import type { PlannedRun } from '../plan/runName.ts';
import { exploreOpen } from './journey.ts';
import { worldPort } from './port.ts';
import { openRunSetup, type PreparedOpen, prepareOpen } from './runOpen.ts';

/** A candidate change, in the seed what-if's Candidate shape (engine/whatIf.ts). */
export interface OpenCandidate {
  change: string;
  description: string;
  overrides: { capabilities: Record<string, true> };
  touches: string[];
}

/** Whether `value` names capability `id` in a `capability:` field, at any depth. */
function mentions(value: unknown, id: string): boolean {
  if (Array.isArray(value)) return value.some((v) => mentions(v, id));
  if (value === null || typeof value !== 'object') return false;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'capability' && v === id) return true;
    if (mentions(v, id)) return true;
  }
  return false;
}

/** The declaration lists of a profile whose entries may be gated (records of values are not). */
const NOT_GATED = new Set(['capabilities', 'parameters', 'sales', 'include', 'calendars']);

/** What a capability gates, each in its declaration's own words (label, name, says, else id). */
function gated(loaded: LoadedOpenScenario, id: string): string[] {
  const out: string[] = [];
  for (const [key, list] of Object.entries(loaded.profile)) {
    if (NOT_GATED.has(key) || !Array.isArray(list)) continue;
    for (const entry of list as Record<string, unknown>[]) {
      if (!mentions(entry, id)) continue;
      const words = entry.label ?? entry.name ?? entry.says ?? entry.id;
      if (typeof words === 'string' && !out.includes(words)) out.push(words);
    }
  }
  if (mentions(loaded.scenario.steps, id) && !out.includes('the scenario’s steps'))
    out.push('the scenario’s steps');
  return out;
}

export function openCandidates(loaded: LoadedOpenScenario): OpenCandidate[] {
  const { profile } = loaded;
  const out: OpenCandidate[] = [];
  for (const [id, on] of Object.entries(profile.capabilities)) {
    if (on) continue;
    const what = gated(loaded, id);
    if (what.length === 0) continue;
    const actions = profile.actions.filter((a) => a.capability === id).map((a) => a.label);
    out.push({
      change: `offer: ${actions.length > 0 ? actions.join('; ') : id}`,
      description: `${profile.name} switches ${id} on (it gates: ${what.join('; ')})`,
      overrides: { capabilities: { [id]: true } },
      touches: [`capabilities.${id}`],
    });
  }
  return out;
}

/** The scenario with the candidate's capabilities switched on in its merged profile. */
export function withChange(loaded: LoadedOpenScenario, cand: OpenCandidate): LoadedOpenScenario {
  const capabilities = { ...loaded.profile.capabilities, ...cand.overrides.capabilities };
  return { ...loaded, profile: { ...loaded.profile, capabilities } };
}

/** The prepared scenario under `change` (one of its candidates). */
export function prepareWithChange(
  loaded: LoadedOpenScenario,
  change: string,
  calendarsDir?: string,
): PreparedOpen {
  const cand = openCandidates(loaded).find((c) => c.change === change);
  if (!cand) throw new Error(`no what-if candidate "${change}" for scenario ${loaded.scenario.id}`);
  return prepareOpen(withChange(loaded, cand), calendarsDir);
}

/** The outcome of one run (same seed, fault combination and persona), the journey only. */
export function openOutcome(
  prep: PreparedOpen,
  run: Pick<PlannedRun, 'combo' | 'persona'>,
  seed: number,
): Outcome {
  const s = prep.loaded.scenario;
  const start = createWorld(openRunSetup(prep, run, seed));
  return exploreOpen(start, worldPort, {
    steps: s.steps,
    goal: prep.goal,
    maxActions: s.explore?.maxActions ?? 14,
  }).outcome;
}
