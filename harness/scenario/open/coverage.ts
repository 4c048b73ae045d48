/**
 * Expectation coverage of an open scenario, as the seed loader checks it, per persona: every
 * planned fault combination × named persona must be matched by some `expect` entry, and an
 * entry must say which combinations it is for.
 */

import { didYouMean } from '../../input/didYouMean.ts';
import type { OpenScenario } from '../../vocabulary/schema/index.ts';
import {
  combinationKey,
  countCombinations,
  faultCombinations,
  ruleMatches,
  selectorProblems,
} from '../combinations.ts';
import type { Problem } from '../source.ts';

const MAX_CHECKED = 65_536;
type Rule = OpenScenario['expect'][number];

/** `oracles`: the ids findings may name (the vocabulary oracles and the config's plugin oracles). */
export function coverageProblems(
  s: OpenScenario,
  labels: readonly string[],
  oracles: readonly string[],
): Problem[] {
  const problems: Problem[] = [];
  let usable = true;
  s.expect.forEach((rule, i) => {
    rule.findings?.forEach((f, k) => {
      const oracle = typeof f === 'string' ? f : f.oracle;
      if (oracles.includes(oracle)) return;
      problems.push({
        path: typeof f === 'string' ? ['expect', i, 'findings', k] : ['expect', i, 'findings', k, 'oracle'],
        message: `unknown finding "${oracle}"${didYouMean(oracle, oracles)}`,
        hint: `the oracles (deadend oracles): ${oracles.join(', ')}`,
      });
    });
    const selectorErrors = selectorProblems(rule, i);
    if (selectorErrors.length > 0) {
      usable = false;
      problems.push(...selectorErrors);
    }
    for (const kind of ['faults', 'includes'] as const) {
      rule[kind]?.forEach((label, k) => {
        if (labels.includes(label)) return;
        usable = false;
        problems.push({
          path: ['expect', i, kind, k],
          message: `"${label}" is not a fault of this scenario${didYouMean(label, labels)}`,
          hint:
            labels.length > 0
              ? `the fault labels of this scenario: ${labels.join(', ')}`
              : 'this scenario has no faults: the only combination is "faults: []"',
        });
      });
    }
  });
  if (!usable) return problems;

  const maxFaults = s.explore?.maxFaults ?? labels.length;
  if (countCombinations(labels.length, maxFaults) > MAX_CHECKED) return problems;
  const combos = faultCombinations(labels, maxFaults);
  const personas: (string | undefined)[] = Array.isArray(s.personas)
    ? s.personas.map((p) => p.id)
    : [undefined];
  const matches = (r: Rule, combo: readonly string[], persona: string | undefined) =>
    // ruleMatches reads only the fault selectors, which both schemas share.
    ruleMatches(r as unknown as Parameters<typeof ruleMatches>[0], combo) &&
    (r.persona === undefined || r.persona === persona);
  const uncovered: string[] = [];
  for (const combo of combos)
    for (const persona of personas)
      if (!s.expect.some((r) => matches(r, combo, persona)))
        uncovered.push(
          persona === undefined ? combinationKey(combo) : `${combinationKey(combo)} × ${persona}`,
        );
  if (uncovered.length > 0) {
    const shown = uncovered.slice(0, 8);
    const more = uncovered.length > shown.length ? `, … (${uncovered.length - shown.length} more)` : '';
    problems.push({
      path: ['expect'],
      key: true,
      message:
        uncovered.length === 1
          ? `no expected outcome for the fault combination "${shown[0]}"`
          : `no expected outcome for ${uncovered.length} fault combinations: ${shown.join(', ')}${more}`,
      hint: 'add "- otherwise: true" with an outcome as the last entry, or an entry for that combination (and persona)',
    });
  }
  return problems;
}
