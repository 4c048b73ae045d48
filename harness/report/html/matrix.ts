/**
 * Per journey, what each combination of failures did to the customer, worst first. The combinations
 * that worked fold into one line, so a journey with 20 faults (210 combinations) stays readable.
 */

import type { Outcome } from '../../core/contract.ts';
import { formatMoney, plural } from '../format.ts';
import { OUTCOME_SEVERITY, OUTCOME_TEXT } from '../vocabulary.ts';
import { el, section } from './dom.ts';
import { badge } from './firstScreen.ts';
import type { Page, RunView } from './model.ts';

const rank = (o: Outcome) => OUTCOME_SEVERITY.indexOf(o);

export interface MatrixRow {
  row: HTMLElement;
  run: RunView;
}

function row(r: RunView, open: (id: string) => void, rows: MatrixRow[]): HTMLElement {
  const s = r.run.scorecard;
  const cost: string[] = [];
  if (s.moneyLost > 0) cost.push(`${formatMoney(s.moneyLost, s.currency)} lost`);
  if (s.contacts) cost.push(plural(s.contacts, 'contact'));
  const tr = el(
    'tr',
    { class: `o-${r.run.outcome}` },
    el(
      'th',
      { scope: 'row' },
      el('button', {
        type: 'button',
        class: 'link',
        'data-run': r.id,
        onclick: () => open(r.id),
        text: r.title,
      }),
    ),
    el(
      'td',
      null,
      badge(r.run.outcome),
      r.run.accepted
        ? el('span', { class: 'flag is-accepted', text: ' ☑ accepted' })
        : r.run.pass
          ? null
          : el('span', { class: 'flag', text: ' ⚠ missed' }),
    ),
    el('td', { class: 'muted', text: cost.join(', ') }),
  );
  rows.push({ row: tr, run: r });
  return tr;
}

export function renderMatrix(page: Page, open: (id: string) => void, rows: MatrixRow[]): HTMLElement {
  const journeys = page.data.scenarios.map((scenario, si) => {
    const mine = page.runs
      .filter((r) => r.scenarioIndex === si)
      .sort((a, b) => rank(a.run.outcome) - rank(b.run.outcome) || a.run.faults.length - b.run.faults.length);
    const broken = mine.filter((r) => r.run.outcome !== 'ok' || !r.run.pass);
    const fine = mine.filter((r) => !broken.includes(r));
    const counts = OUTCOME_SEVERITY.map((o) => [o, mine.filter((r) => r.run.outcome === o).length] as const)
      .filter(([, n]) => n > 0)
      .map(([o, n]) =>
        o === 'dead-end' ? plural(n, 'dead end') : `${n} ${OUTCOME_TEXT[o].label.toLowerCase()}`,
      )
      .join(' · ');
    const table = (list: RunView[], caption: string) =>
      el(
        'table',
        { class: 'plain matrix' },
        el('caption', { class: 'visually-hidden', text: caption }),
        el(
          'thead',
          null,
          el(
            'tr',
            null,
            el('th', { scope: 'col', text: 'What went wrong' }),
            el('th', { scope: 'col', text: 'Outcome' }),
            el('th', { scope: 'col', text: 'Cost' }),
          ),
        ),
        el(
          'tbody',
          null,
          list.map((r) => row(r, open, rows)),
        ),
      );
    return el(
      'div',
      { class: 'matrix-journey', id: `matrix-${si}`, 'data-scenario': si },
      el('h3', { text: scenario.title }),
      el('p', { class: 'muted', text: counts }),
      broken.length ? table(broken, `${scenario.title}: combinations that broke the journey`) : null,
      fine.length
        ? el(
            'details',
            { class: 'worked' },
            el('summary', { text: `${plural(fine.length, 'combination')} worked as planned` }),
            table(fine, `${scenario.title}: combinations that worked`),
          )
        : null,
    );
  });
  return section(
    'matrix',
    'What each failure does to each journey',
    el('p', {
      class: 'lead',
      text: 'Per journey, every combination of failures we injected, the worst outcomes first. Pick one to read what happened to the customer.',
    }),
    journeys,
  );
}
