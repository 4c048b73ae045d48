/** A suite-level chart: outcomes per journey as one stacked bar each, worst outcome first. */
import { plural } from '../format.ts';
import { OUTCOME_SEVERITY, OUTCOME_TEXT } from '../vocabulary.ts';
import { el, svg } from './dom.ts';
import type { Page } from './model.ts';

const BAR = 18;
const GAP = 10;
const WIDTH = 600;

export function renderChart(page: Page): HTMLElement {
  const rows = page.data.scenarios.map((scenario, index) => {
    const counts = OUTCOME_SEVERITY.map((o) => ({
      o,
      n: scenario.runs.filter((r) => r.outcome === o).length,
    }));
    return { scenario, index, counts, total: scenario.runs.length };
  });
  const height = rows.length * (BAR + GAP + 16);
  const chart = svg(
    'svg',
    {
      class: 'chart',
      viewBox: `0 0 ${WIDTH} ${Math.max(height, 1)}`,
      role: 'img',
      'aria-labelledby': 'chart-title',
      preserveAspectRatio: 'xMinYMin meet',
    },
    svg('title', { id: 'chart-title', text: 'Outcomes of the runs of each journey' }),
    rows.map((row, i) => {
      const y = i * (BAR + GAP + 16);
      let x = 0;
      return svg(
        'g',
        null,
        svg('text', { x: 0, y: y + 12, class: 'chart-label', text: row.scenario.title }),
        row.counts
          .filter((c) => c.n > 0)
          .map((c) => {
            const w = (c.n / Math.max(row.total, 1)) * WIDTH;
            const rect = svg(
              'rect',
              { x, y: y + 16, width: Math.max(w, 1), height: BAR, class: `bar o-${c.o}` },
              svg('title', {
                text: `${row.scenario.title}: ${plural(c.n, 'run')} ${OUTCOME_TEXT[c.o].label.toLowerCase()}`,
              }),
            );
            const label =
              w > 24
                ? svg('text', { x: x + 4, y: y + 16 + BAR - 5, class: 'bar-label', text: String(c.n) })
                : null;
            x += w;
            return [rect, label];
          }),
      );
    }),
  );
  return el(
    'section',
    { id: 'chart', 'aria-labelledby': 'chart-heading' },
    el('h2', { id: 'chart-heading', text: 'Outcomes per journey' }),
    el(
      'p',
      { class: 'chart-key' },
      OUTCOME_SEVERITY.map((o) =>
        el(
          'span',
          { class: `key o-${o}` },
          el('span', { class: 'swatch', 'aria-hidden': 'true' }),
          OUTCOME_TEXT[o].label,
        ),
      ),
    ),
    chart,
  );
}
