/** Outcome, missed-expectation and text filters; their state lives in the URL (urlState.ts). */

import { OUTCOMES } from '../../core/contract.ts';
import { plural } from '../format.ts';
import { OUTCOME_TEXT } from '../vocabulary.ts';
import { el } from './dom.ts';
import type { Page, RunView } from './model.ts';
import type { ViewState } from './urlState.ts';

export function matches(state: ViewState, r: RunView): boolean {
  if (!state.outcomes.has(r.run.outcome)) return false;
  if (state.missedOnly && r.run.pass) return false;
  for (const word of state.text.toLowerCase().split(/\s+/))
    if (word && !r.haystack.includes(word)) return false;
  return true;
}

export function renderFilters(page: Page, state: ViewState, changed: () => void): HTMLElement {
  const counts = page.data.summary.outcomes;
  const status = el('p', { id: 'filter-status', role: 'status', 'aria-live': 'polite' });
  const node = el(
    'section',
    { class: 'filters', 'aria-label': 'Filters' },
    el(
      'fieldset',
      null,
      el('legend', { text: 'Show outcomes' }),
      OUTCOMES.map((o) =>
        el(
          'label',
          { class: `chip o-${o}` },
          el('input', {
            type: 'checkbox',
            checked: state.outcomes.has(o),
            name: 'outcome',
            value: o,
            onchange: (event) => {
              if ((event.target as HTMLInputElement).checked) state.outcomes.add(o);
              else state.outcomes.delete(o);
              changed();
            },
          }),
          el('span', { class: 'icon', 'aria-hidden': 'true', text: OUTCOME_TEXT[o].icon }),
          ` ${OUTCOME_TEXT[o].label} (${counts[o]})`,
        ),
      ),
    ),
    el(
      'label',
      { class: 'chip is-miss' },
      el('input', {
        type: 'checkbox',
        id: 'failed-only',
        checked: state.missedOnly,
        onchange: (event) => {
          state.missedOnly = (event.target as HTMLInputElement).checked;
          changed();
        },
      }),
      ` Only missed expectations (${page.data.summary.failed})`,
    ),
    el(
      'span',
      { class: 'search' },
      el('label', { for: 'search', text: 'Search ' }),
      el('input', {
        type: 'search',
        id: 'search',
        value: state.text,
        placeholder: 'journey, failure, finding…',
        oninput: (event) => {
          state.text = (event.target as HTMLInputElement).value.trim();
          changed();
        },
      }),
    ),
    status,
  );
  return node;
}

export function showStatus(shown: number, total: number): void {
  const status = document.getElementById('filter-status');
  if (status)
    status.textContent =
      shown === total ? `Showing all ${plural(total, 'run')}` : `Showing ${shown} of ${plural(total, 'run')}`;
}
