/**
 * Which loader a scenario file goes to. A seed scenario and its profile load exactly as before;
 * a file is open-vocabulary when its steps use the open step kinds, or when the profile it
 * names declares any vocabulary (a seed profile has none of these keys).
 */

/** Keys only an open profile has: declaring any of them makes the profile open. */
export const OPEN_PROFILE_KEYS = [
  'include',
  'extends',
  'calendars',
  'parameters',
  'messages',
  'channels',
  'parties',
  'records',
  'facts',
  'traits',
  'reasons',
  'problems',
  'actions',
  'processes',
  'commitments',
  'routes',
] as const;

const OPEN_STEP_KEYS = ['do', 'await', 'contact'];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function isOpenProfile(data: unknown): boolean {
  return isObject(data) && OPEN_PROFILE_KEYS.some((k) => k in data);
}

/** The scenario's own evidence: a step of an open kind. The profile decides the rest. */
export function isOpenScenario(doc: unknown): boolean {
  if (!isObject(doc) || !Array.isArray(doc.steps)) return false;
  return doc.steps.some((st) => isObject(st) && OPEN_STEP_KEYS.some((k) => k in st));
}

/** The profile id a scenario names (`merchant: id` or `merchant: { profile: id }`), if it can be read. */
export function merchantIdOf(doc: unknown): string | undefined {
  if (!isObject(doc)) return undefined;
  const m = doc.merchant;
  if (typeof m === 'string') return m;
  return isObject(m) && typeof m.profile === 'string' ? m.profile : undefined;
}
