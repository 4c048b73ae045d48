/**
 * The script of report.html, bundled by esbuild from this folder (bundle.ts) and inlined by html.ts.
 * It reads the results and the vocabulary embedded as JSON and builds the page with DOM calls only.
 * The page is a list of views; a later analysis (share of customers stranded, a fault tree) adds
 * its renderer to VIEWS.
 */
import type { ResultsFile } from '../../core/contract.ts';
import type { Vocabulary } from '../vocabulary.ts';
import { renderChart } from './chart.ts';
import { matches, renderFilters, showStatus } from './filters.ts';
import { renderFindings } from './findings.ts';
import { renderFirstScreen } from './firstScreen.ts';
import { renderFixes } from './fixes.ts';
import { type MatrixRow, renderMatrix } from './matrix.ts';
import { buildPage, type Page, readJson } from './model.ts';
import { type Journeys, renderDetails, renderJourneys } from './runStory.ts';
import { publishState, readState } from './urlState.ts';

type View = (page: Page) => HTMLElement | null;

const page = buildPage(readJson<ResultsFile>('deadend-data'), readJson<Vocabulary>('deadend-vocabulary'));
const state = readState(window.location.hash);
const matrixRows: MatrixRow[] = [];
let journeys: Journeys;

function openRun(id: string, scroll: boolean): void {
  const entry = journeys.items.get(id);
  const view = page.byId.get(id);
  if (!entry || !view) return;
  if (!entry.built) {
    entry.details.append(...renderDetails(page, view));
    entry.built = true;
  }
  entry.details.hidden = false;
  entry.item.hidden = false;
  entry.toggle.setAttribute('aria-expanded', 'true');
  entry.toggle.textContent = 'Hide the story';
  state.run = id;
  publishState(state);
  if (scroll) {
    entry.item.scrollIntoView({ block: 'start' });
    entry.toggle.focus({ preventScroll: true });
  }
}

function closeRun(id: string): void {
  const entry = journeys.items.get(id);
  if (!entry) return;
  entry.toggle.setAttribute('aria-expanded', 'false');
  entry.toggle.textContent = 'Show the story';
  entry.details.hidden = true;
  if (state.run === id) delete state.run;
  publishState(state);
}

function toggleRun(id: string): void {
  if (journeys.items.get(id)?.toggle.getAttribute('aria-expanded') === 'true') closeRun(id);
  else openRun(id, false);
}

function applyFilters(): void {
  let shown = 0;
  for (const r of page.runs) {
    const visible = matches(state, r);
    if (visible) shown++;
    const entry = journeys.items.get(r.id);
    if (entry) entry.item.hidden = !visible;
  }
  for (const { group, runs } of journeys.groups) group.hidden = !runs.some((r) => matches(state, r));
  for (const { row, run } of matrixRows) row.hidden = !matches(state, run);
  for (const journey of document.querySelectorAll<HTMLElement>('.matrix-journey'))
    journey.hidden = !journey.querySelector('tbody tr:not([hidden])');
  const empty = document.getElementById('no-runs');
  if (empty) empty.hidden = shown > 0;
  showStatus(shown, page.runs.length);
  publishState(state);
}

const VIEWS: View[] = [
  renderFirstScreen,
  renderFixes,
  renderChart,
  renderFindings,
  (p) => renderFilters(p, state, applyFilters),
  (p) => renderMatrix(p, (id) => openRun(id, true), matrixRows),
  (p) => {
    journeys = renderJourneys(p, toggleRun);
    return journeys.section;
  },
];

const app = document.getElementById('app');
if (app)
  app.replaceChildren(
    ...VIEWS.map((view) => view(page)).filter((node): node is HTMLElement => node !== null),
  );
// Links on the first screen open the run they name.
document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest?.('a[data-open]');
  const id = link?.getAttribute('data-open');
  if (!id) return;
  event.preventDefault();
  openRun(id, true);
});
applyFilters();
if (state.run) openRun(state.run, true);
