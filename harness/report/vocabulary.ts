/**
 * The words the reports use for readers, in one place for the Node reporters and the HTML page's
 * script (bundled from this file). Browser-safe: no Node module, no engine import. What comes from
 * the engine's catalogues (finding names, recovery actions, mail kinds) is gathered on the Node side
 * by catalogueVocabulary.ts into a `Vocabulary` and handed to the page with the results.
 */
import type { Outcome, ScenarioResult } from '../core/contract.ts';

export interface OutcomeText {
  icon: string;
  label: string;
  help: string;
}

export const OUTCOME_TEXT: Record<Outcome, OutcomeText> = {
  ok: { icon: '✓', label: 'Worked', help: 'The planned path worked.' },
  recovered: { icon: '↻', label: 'Recovered', help: 'Something broke; the customer fixed it on their own.' },
  'recovered-with-help': {
    icon: '☎',
    label: 'Needed staff',
    help: 'Something broke; only the shop’s staff could fix it.',
  },
  'dead-end': {
    icon: '⊘',
    label: 'Dead end',
    help: 'The customer was stranded: no way was left to reach the goal in time.',
  },
};

/** Worst first: the order of outcomes wherever the reports sort by severity. */
export const OUTCOME_SEVERITY: readonly Outcome[] = ['dead-end', 'recovered-with-help', 'recovered', 'ok'];

/** Who did something in a trace, for people (one lane per party in the timeline). */
export const PARTY_NAMES: Record<string, string> = {
  customer: 'Customer',
  merchant: 'Shop',
  mail: 'E-mail',
  payment: 'Payment',
  licensing: 'Licensing',
  support: 'Support',
  orders: 'Orders',
  notify: 'Notifications',
  fault: 'Failure',
};

export const CHANNEL_NAMES: Record<string, string> = {
  email: 'by e-mail',
  phone: 'by phone',
  web: 'on the website',
  store: 'in the store',
  chat: 'by chat',
};

/** What the engine's catalogues say, gathered on the Node side (catalogueVocabulary.ts). */
export interface Vocabulary {
  /** Oracle id → what the finding means, in one line. */
  findings: Record<string, string>;
  /** Recovery action id (as in a run's `path`) → what the customer does. */
  actions: Record<string, string>;
  /** Catalogue fault id → its one-line summary, for a fault label that is the fault's own name. */
  faults: Record<string, string>;
  /** Ids that may appear in engine sentences ("licence-key e-mail") → the same in words. */
  terms: Record<string, string>;
}

export const EMPTY_VOCABULARY: Vocabulary = { findings: {}, actions: {}, faults: {}, terms: {} };

/** `some-id_thing` → `Some id thing`: the last resort for a name no catalogue knows. */
export function humanize(id: string): string {
  const text = id.replace(/[-_.:]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function partyName(actor: string): string {
  return PARTY_NAMES[actor] ?? humanize(actor);
}

export function findingName(vocabulary: Vocabulary, oracle: string): string {
  return vocabulary.findings[oracle] ?? humanize(oracle);
}

export function actionName(vocabulary: Vocabulary, id: string): string {
  return vocabulary.actions[id] ?? humanize(id);
}

/** A fault label of a scenario in words; the label itself only when the results have no name for it. */
export function faultName(scenario: ScenarioResult, label: string, vocabulary = EMPTY_VOCABULARY): string {
  return scenario.faultNames?.[label] ?? vocabulary.faults[label] ?? humanize(label);
}

/** A fault combination in words: "A message lands in the spam folder + Support is closed …". */
export function faultsName(
  scenario: ScenarioResult,
  faults: readonly string[],
  vocabulary = EMPTY_VOCABULARY,
): string {
  return faults.length === 0
    ? 'No failure'
    : faults.map((f) => faultName(scenario, f, vocabulary)).join(' + ');
}

const ENTITY =
  /\b(order|ticket|subscription|charge|payment|refund|parcel|invoice|licence|account) [a-z]{2,6}_[A-Za-z0-9]+\b/gi;
const BARE_ID = /\s?\(?\b[a-z]{2,6}_[0-9][A-Za-z0-9]*\b\)?/g;

/**
 * An engine sentence for a process owner: internal ids out ("order ord_3" → "the order"), ids of
 * the vocabulary in words ("licence-key e-mail" → "licence key e-mail").
 */
export function readable(text: string, vocabulary: Vocabulary = EMPTY_VOCABULARY): string {
  let out = text.replace(ENTITY, (_m, noun: string, offset: number, whole: string) => {
    const start = offset === 0 || /[.!?]\s*$/.test(whole.slice(0, offset));
    const article = /\b(the|a|an|your|their|his|her)\s+$/i.test(whole.slice(0, offset));
    const word = noun.toLowerCase();
    if (article) return word;
    return start ? `The ${word}` : `the ${word}`;
  });
  out = out.replace(BARE_ID, '');
  for (const [id, words] of Object.entries(vocabulary.terms)) {
    if (!id.includes('-')) continue;
    out = out.split(id).join(words);
  }
  return out;
}
