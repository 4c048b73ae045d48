/** Which change to the business rescues the most dead ends, in plain words. */
import { fixText } from '../firstSection.ts';
import { faultsName, OUTCOME_TEXT } from '../vocabulary.ts';
import { el, section } from './dom.ts';
import type { Page } from './model.ts';

export function renderFixes(page: Page): HTMLElement | null {
  const fixes = page.data.fixes ?? [];
  if (fixes.length === 0) return null;
  const byId = new Map(page.data.scenarios.map((s) => [s.id, s]));
  return section(
    'fixes',
    'Which change rescues the most',
    el('p', {
      text: 'deadend tried each change to the business alone on every dead end. A rescued customer reaches the goal in time.',
    }),
    el(
      'ol',
      { class: 'fixes' },
      fixes.map((f) =>
        el(
          'li',
          null,
          el('strong', { text: fixText(f) }),
          el(
            'ul',
            null,
            f.rescues.map((r) => {
              const scenario = byId.get(r.scenario);
              const failures = scenario
                ? faultsName(scenario, r.faults, page.vocabulary)
                : r.faults.join(' + ');
              return el('li', {
                text: `${scenario?.title ?? r.scenario}, when ${failures.charAt(0).toLowerCase()}${failures.slice(1)}: ${OUTCOME_TEXT[r.outcome].label.toLowerCase()} instead`,
              });
            }),
          ),
        ),
      ),
    ),
  );
}
