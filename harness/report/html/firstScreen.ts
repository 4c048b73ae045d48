/**
 * The first screen: which journeys strand customers, through which failures, why, what it costs;
 * the fix that rescues the most; the CI verdict on its own line for QA; the legend.
 */

import { OUTCOMES } from '../../core/contract.ts';
import { DEAD_ENDS_PER_JOURNEY, firstSection, MONEY_NOTE, strandedHeadline } from '../firstSection.ts';
import { plural } from '../format.ts';
import { OUTCOME_TEXT } from '../vocabulary.ts';
import { el } from './dom.ts';
import type { Page } from './model.ts';

export function badge(outcome: keyof typeof OUTCOME_TEXT): HTMLElement {
  const info = OUTCOME_TEXT[outcome];
  return el(
    'span',
    { class: `badge o-${outcome}` },
    el('span', { class: 'icon', 'aria-hidden': 'true', text: info.icon }),
    ` ${info.label}`,
  );
}

export function renderFirstScreen(page: Page): HTMLElement {
  const first = firstSection(page.data, page.vocabulary);
  const { totals } = first;
  const s = page.data.summary;
  return el(
    'section',
    { id: 'summary', 'aria-labelledby': 'summary-title' },
    el('h2', {
      id: 'summary-title',
      class: totals.deadEnds ? 'headline is-stranded' : 'headline is-good',
      text: strandedHeadline(first),
    }),
    totals.deadEnds
      ? el(
          'p',
          { class: 'totals' },
          el('strong', { text: 'All dead ends together: ' }),
          `${totals.money}, ${totals.effort}, ${totals.contacts}. `,
          el('span', { class: 'muted small', text: MONEY_NOTE }),
        )
      : null,
    first.topFix
      ? el(
          'div',
          { class: 'top-fix' },
          el('strong', { text: 'Fix first: ' }),
          first.topFix.text,
          el('span', { class: 'muted', text: ` (${first.topFix.journeys.join('; ')})` }),
        )
      : null,
    first.stranded.length
      ? el(
          'ol',
          { class: 'stranded' },
          first.stranded.map((journey) =>
            el(
              'li',
              null,
              el('h3', null, el('a', { href: `#journey-${journey.index}`, text: journey.scenario.title })),
              el(
                'ul',
                { class: 'dead-ends' },
                journey.runs.slice(0, DEAD_ENDS_PER_JOURNEY).map((r) =>
                  el(
                    'li',
                    null,
                    el(
                      'a',
                      {
                        class: 'failures',
                        href: `#run-${journey.index}-${r.index}`,
                        'data-open': `run-${journey.index}-${r.index}`,
                      },
                      r.failures,
                    ),
                    el('p', { class: 'reason', text: r.reason }),
                    el(
                      'p',
                      { class: 'cost' },
                      el('span', {
                        class: r.run.scorecard.moneyLost > 0 ? 'money is-lost' : 'money',
                        text: r.money,
                      }),
                      el('span', { text: r.effort }),
                      el('span', { text: r.contacts }),
                    ),
                  ),
                ),
              ),
              journey.runs.length > DEAD_ENDS_PER_JOURNEY
                ? el('a', {
                    class: 'more',
                    href: `#matrix-${journey.index}`,
                    text: `…and ${plural(journey.runs.length - DEAD_ENDS_PER_JOURNEY, 'more dead end')} in this journey`,
                  })
                : null,
            ),
          ),
        )
      : null,
    el(
      'p',
      { class: `qa-verdict ${first.verdictGood ? 'is-good' : 'is-miss'}` },
      el('strong', { text: 'For QA: ' }),
      `${first.verdictGood ? '✓' : '⚠'} ${first.verdict}`,
    ),
    el(
      'ul',
      { class: 'stats', 'aria-label': 'Counts' },
      el(
        'li',
        null,
        el('span', { class: 'num', text: s.scenarios }),
        ` ${s.scenarios === 1 ? 'journey' : 'journeys'}`,
      ),
      el('li', null, el('span', { class: 'num', text: s.runs }), ` ${s.runs === 1 ? 'run' : 'runs'}`),
      OUTCOMES.map((o) =>
        el(
          'li',
          { class: `o-${o}` },
          el('span', { class: 'num', text: s.outcomes[o] }),
          ' ',
          el('span', { class: 'icon', 'aria-hidden': 'true', text: OUTCOME_TEXT[o].icon }),
          ` ${OUTCOME_TEXT[o].label}`,
        ),
      ),
      s.accepted
        ? el(
            'li',
            { class: 'is-accepted' },
            el('span', { class: 'num', text: s.accepted }),
            ` ${plural(s.accepted, 'accepted dead end').replace(/^\d+ /, '')}`,
          )
        : null,
    ),
    renderLegend(),
  );
}

export function renderLegend(): HTMLElement {
  return el(
    'details',
    { class: 'legend', open: true },
    el('summary', { text: 'What the outcomes mean' }),
    el(
      'dl',
      null,
      OUTCOMES.map((o) => [el('dt', null, badge(o)), el('dd', { text: OUTCOME_TEXT[o].help })]),
      el('dt', null, el('span', { class: 'verdict is-miss', text: '⚠ Missed expectation' })),
      el('dd', {
        text: 'The journey ended differently from what the team expects of it: this is what fails the CI build.',
      }),
      el('dt', null, el('span', { class: 'verdict is-accepted', text: '☑ Accepted dead end' })),
      el('dd', {
        text: 'A dead end the team knows of and has accepted for now (listed in the baseline file): it does not fail the build, but the customer is still stranded.',
      }),
    ),
  );
}
