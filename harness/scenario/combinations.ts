/**
 * The fault space of a scenario: every combination of its faults (up to `explore.maxFaults`),
 * in one canonical order, and which `expect` entry applies to each.
 */
import type { ExpectationRule, FaultUse } from './schema.ts';
import type { Problem } from './source.ts';

/** How a fault use is named in `expect` and in reports: its `id`, else the fault's name. */
export function faultLabel(use: Pick<FaultUse, 'id' | 'fault'>): string {
  return use.id ?? use.fault;
}

/**
 * Every subset of `labels` with at most `maxFaults` members (default: all): by size, then in
 * the order the labels appear in the scenario; each subset in that order too. `[]` comes first.
 */
export function faultCombinations(labels: readonly string[], maxFaults: number = labels.length): string[][] {
  const out: string[][] = [];
  const largest = Math.min(Math.max(0, maxFaults), labels.length);
  const pick = (size: number, from: number, chosen: string[]) => {
    if (chosen.length === size) {
      out.push([...chosen]);
      return;
    }
    for (let i = from; i <= labels.length - (size - chosen.length); i++) {
      chosen.push(labels[i]!);
      pick(size, i + 1, chosen);
      chosen.pop();
    }
  };
  for (let size = 0; size <= largest; size++) pick(size, 0, []);
  return out;
}

/** How many combinations `faultCombinations` would return, without building them. */
export function countCombinations(faults: number, maxFaults: number = faults): number {
  let total = 0;
  let choose = 1; // C(faults, size)
  for (let size = 0; size <= Math.min(Math.max(0, maxFaults), faults); size++) {
    total += choose;
    choose = (choose * (faults - size)) / (size + 1);
  }
  return total;
}

/** `mail-spam+support-closed`, or `none` for the fault-free run. */
export function combinationKey(combo: readonly string[]): string {
  return combo.length === 0 ? 'none' : combo.join('+');
}

/**
 * Whether an entry applies to a combination: `faults` is this exact set, `includes` any
 * superset, `otherwise` anything. An entry with several of them needs all to hold; one with
 * none (which validation refuses) applies to everything.
 */
export function ruleMatches(rule: ExpectationRule, combo: readonly string[]): boolean {
  const set = new Set(combo);
  if (rule.faults !== undefined) {
    const wanted = new Set(rule.faults);
    if (wanted.size !== set.size || [...wanted].some((f) => !set.has(f))) return false;
  }
  if (rule.includes?.some((f) => !set.has(f))) return false;
  return true;
}

/** The first entry that applies to the combination, or undefined. */
export function expectationFor<R extends ExpectationRule>(
  rules: readonly R[],
  combo: readonly string[],
): R | undefined {
  return rules.find((rule) => ruleMatches(rule, combo));
}

/**
 * An expect entry names its fault combinations with exactly one of `faults`, `includes` and
 * `otherwise`; the problems when it names none or several (seed and open scenarios alike).
 */
export function selectorProblems(
  rule: Partial<Record<'faults' | 'includes' | 'otherwise', unknown>>,
  i: number,
): Problem[] {
  const selectors = (['faults', 'includes', 'otherwise'] as const).filter((k) => rule[k] !== undefined);
  if (selectors.length === 0)
    return [
      {
        path: ['expect', i],
        message: 'say which fault combinations this entry is for',
        hint: 'add "faults: [a, b]" (exactly these; [] for none), "includes: [a]" (any with a) or "otherwise: true"',
      },
    ];
  if (selectors.length > 1)
    return [
      {
        path: ['expect', i, selectors[1]!],
        key: true,
        message: `use one of faults, includes and otherwise per entry, not ${selectors.join(' and ')}`,
      },
    ];
  return [];
}
