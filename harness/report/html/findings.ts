/** Problems the oracles spotted along the way, by name from the oracle catalogue. */

import type { Severity } from '../../core/contract.ts';
import { plural } from '../format.ts';
import { findingName } from '../vocabulary.ts';
import { el, section } from './dom.ts';
import type { Page } from './model.ts';

const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };
export const SEVERITY_WORD: Record<Severity, string> = { low: 'minor', medium: 'serious', high: 'severe' };

export function renderFindings(page: Page): HTMLElement | null {
  const entries = Object.entries(page.data.summary.findings);
  if (entries.length === 0) return null;
  const worst = new Map<string, Severity>();
  for (const r of page.runs)
    for (const f of r.run.findings) {
      const known = worst.get(f.oracle);
      if (!known || RANK[f.severity] > RANK[known]) worst.set(f.oracle, f.severity);
    }
  entries.sort(([a], [b]) => RANK[worst.get(b) ?? 'low'] - RANK[worst.get(a) ?? 'low'] || (a < b ? -1 : 1));
  return section(
    'findings',
    'Problems spotted along the way',
    el('p', { class: 'lead', text: 'Whatever the outcome, these went wrong for customers.' }),
    el(
      'ul',
      { class: 'finding-summary' },
      entries.map(([oracle, n]) => {
        const severity = worst.get(oracle);
        return el(
          'li',
          null,
          severity ? el('span', { class: `sev sev-${severity}`, text: SEVERITY_WORD[severity] }) : null,
          ` ${findingName(page.vocabulary, oracle)} `,
          el('span', { class: 'muted', text: `— in ${plural(n, 'run')}` }),
        );
      }),
    ),
  );
}
