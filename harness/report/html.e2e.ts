/**
 * report.html in a real browser, opened from disk, checked for what a person sees: the first screen
 * names the stranded journeys with their cost and the fix first, the legend shows its definitions,
 * nothing is wider than a phone, every run has an SVG timeline with one lane per party, every
 * journey with a recovery search has a map, and axe finds no accessibility violation — on the
 * sample results, the seed suite and a generated journey with 20 faults. Screenshots at 1440×900 and
 * 390 px wide are kept in test-results/.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import type { ResultsFile } from '../core/contract.ts';
import { runSuite } from '../engine/runner.ts';
import { suggestFixes } from '../engine/whatIf.ts';
import type { LoadedScenario } from '../scenario/load.ts';
import { loadScenarios } from '../scenario/load.ts';
import { sampleResults } from './fixtures/sample-results.ts';
import { CHROMIUM } from './playwright.config.ts';
import { writeReports } from './reporter.ts';
import { twentyFaultSuite } from './testdata/twentyFaults.ts';

const haveChromium = existsSync(CHROMIUM);
const onCI = process.env.CI === 'true';
const missing = `Chromium is not installed at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set DEADEND_CHROMIUM). The HTML report's browser test cannot run without it.`;

test.skip(!haveChromium && !onCI, missing);

test.beforeAll(() => {
  if (!haveChromium) throw new Error(missing);
});

// The viewer is on the other side of the world, with another locale: times must still read in the
// customer's time zone (America/New_York for the Christmas Eve journey).
test.use({ timezoneId: 'Pacific/Auckland', locale: 'de-DE', viewport: { width: 1440, height: 900 } });

function writeReport(results: ResultsFile): string {
  const dir = mkdtempSync(join(tmpdir(), 'deadend-html-'));
  const [file] = writeReports(dir, results, ['html']);
  return pathToFileURL(file!).href;
}

async function suiteResults(scenarios: LoadedScenario[]): Promise<ResultsFile> {
  const results = await runSuite(scenarios, { seed: 1 });
  results.fixes = suggestFixes(scenarios, results);
  return results;
}

/** Console errors, failed scripts and any request that is not the file itself. */
function watch(page: Page): { problems: string[]; requests: string[] } {
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message} ${error.stack ?? ''}`));
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) requests.push(request.url());
  });
  return { problems, requests };
}

async function horizontalOverflow(page: Page): Promise<number> {
  // A string, so this file needs no DOM types: it runs in the page.
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

/** Violations on the page, or in the given parts of it (axe takes minutes on a page of 200+ runs). */
async function axeViolations(page: Page, parts: string[] = []): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  for (const part of parts) builder = builder.include(part);
  const { violations } = await builder.analyze();
  return violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')})`,
  );
}

/** The first screen at 1440×900 names every stranded journey with its cost, and the fix first. */
async function checkFirstScreen(page: Page, results: ResultsFile): Promise<void> {
  const stranded = results.scenarios.filter((s) => s.runs.some((r) => r.outcome === 'dead-end'));
  const cards = page.locator('ol.stranded > li');
  await expect(cards).toHaveCount(stranded.length);
  for (const [i, scenario] of stranded.entries()) {
    const card = cards.nth(i);
    await expect(card.locator('h3')).toHaveText(scenario.title);
    await expect(card.locator('.cost').first()).toContainText(/lost|nothing out of pocket/);
    await expect(card.locator('.cost').first()).toContainText(/of the customer’s time/);
    const box = await card.locator('h3').boundingBox();
    expect(box, `${scenario.title} is on the first screen`).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(900);
  }
  const fix = page.locator('.top-fix');
  await expect(fix).toContainText(/^Fix first: .+ — rescues \d+ dead ends?/);
  expect((await fix.boundingBox())!.y).toBeLessThan(900);
  const first = (await page.locator('#summary').textContent()) ?? '';
  expect(first).not.toMatch(/\bord_\d|path\(s\)|states explored|\[object /);
  await expect(page.locator('.qa-verdict')).toContainText(/^For QA: /);
}

async function screenshots(page: Page, name: string, outputDir: string): Promise<void> {
  await page.screenshot({ path: resolve(outputDir, `${name}-1440.png`) });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await horizontalOverflow(page), 'no horizontal scroll at 390 px').toBeLessThanOrEqual(0);
  await page.screenshot({ path: resolve(outputDir, `${name}-390.png`) });
  await page.screenshot({ path: resolve(outputDir, `${name}-390-full.png`), fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('sample results: filters in the URL, a dead end explained, the legend readable', async ({
  page,
}, testInfo) => {
  const url = writeReport(sampleResults());
  const { problems, requests } = watch(page);
  await page.goto(url);

  await expect(page.getByRole('heading', { level: 1, name: 'Customer journey report' })).toBeVisible();
  await expect(page.locator('#summary h2')).toHaveText('1 of 2 journeys strand customers (1 dead end)');
  await expect(page.locator('.qa-verdict')).toHaveText(
    'For QA: ⚠ 1 of 6 runs did not turn out as the team expects: the CI build fails.',
  );
  // The legend shows each outcome with its definition, not "[object HTMLElement]".
  const legend = page.locator('details.legend');
  await expect(legend).not.toContainText('[object');
  await expect(legend.locator('dt')).toHaveCount(6);
  await expect(legend.locator('dd').first()).toHaveText('The planned path worked.');
  for (const dt of await legend.locator('dt').all()) await expect(dt).toBeInViewport();

  const visibleRuns = page.locator('li.run:visible');
  await expect(visibleRuns).toHaveCount(6);
  const worked = page.getByRole('checkbox', { name: /Worked/ });
  await worked.uncheck();
  await expect(visibleRuns).toHaveCount(4);
  await expect(page.locator('#filter-status')).toHaveText('Showing 4 of 6 runs');
  await page.getByLabel('Search').fill('gift');
  await expect(visibleRuns).toHaveCount(1);
  expect(new URL(page.url()).hash).toBe('#show=recovered%2Crecovered-with-help%2Cdead-end&q=gift');

  // The same link opens the same view.
  await page.goto(page.url());
  await page.reload();
  await expect(page.getByLabel('Search')).toHaveValue('gift');
  await expect(worked).not.toBeChecked();
  await expect(visibleRuns).toHaveCount(1);
  await page.goto(url);

  // Open the dead end from the first screen and read it.
  await page.locator('ol.stranded a.failures').first().click();
  const deadEnd = page.locator('li.run[data-outcome="dead-end"]');
  const toggle = deadEnd.locator('button.toggle');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  expect(new URL(page.url()).hash).toMatch(/run=run-0-\d/);
  const details = deadEnd.locator('.details');
  await expect(details.locator('.frontier')).toContainText(
    'support reopens 2026-01-05, after the 2026-01-01 deadline',
  );
  await expect(details.locator('.callout')).toContainText('Expected: Recovered — actually: Dead end.');
  const firstStep = details.locator('ol.timeline li').first();
  await expect(firstStep.locator('time')).toHaveText('24 Dec 2025 17:32');
  await expect(details.locator('dl.scorecard')).toContainText('Money lost$250.00');
  await expect(details).not.toContainText('CVL7-9F3K');
  // One lane per party in the SVG timeline, each event hoverable.
  const parties = new Set(
    sampleResults()
      .scenarios[0]!.runs.find((r) => r.outcome === 'dead-end')!
      .trace.map((e) => e.actor),
  );
  await expect(details.locator('svg.timeline-svg g.lane')).toHaveCount(parties.size);
  await expect(details.locator('svg.timeline-svg circle.event title').first()).toContainText(
    'Step 1, 24 Dec 2025 17:32',
  );
  await expect(details.locator('svg.timeline-svg .deadline')).toHaveCount(1);

  await details.getByText('Details for QA: replay this run').click();
  await expect(details.locator('pre')).toHaveText(
    'npx deadend run scenarios/converter-lite-christmas-eve.yaml --seed 42 --faults mail.quarantined+support.closed',
  );
  await details.getByRole('button', { name: 'Copy command' }).click();
  await expect(details.locator('.copied')).toHaveText(/Copied ✓|Selected — press Ctrl\+C to copy/);

  await deadEnd.screenshot({ path: resolve(testInfo.project.outputDir, 'report-html-dead-end.png') });
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
  expect(requests).toEqual([]);
});

for (const [name, scenarios] of [
  ['seed-suite', () => loadScenarios(['scenarios/']).then((l) => l.scenarios)],
  ['twenty-faults', twentyFaultSuite],
] as const) {
  test(`${name}: the first screen, a timeline per run, a map per journey, phone width, axe`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(300_000);
    const results = await suiteResults(await scenarios());
    const { problems, requests } = watch(page);
    await page.goto(writeReport(results));
    await checkFirstScreen(page, results);
    await screenshots(page, `report-${name}`, testInfo.project.outputDir);
    await page.locator('ol.stranded a.failures').first().click();
    await expect(page.locator('li.run[data-outcome="dead-end"] svg.timeline-svg').first()).toBeVisible();
    // The whole seed page; on the 20-fault suite the first screen, the first journey's table and
    // map, and the opened dead end (the rest repeats the same markup).
    const opened = await page.locator('li.run[data-outcome="dead-end"]').first().getAttribute('id');
    const parts =
      name === 'seed-suite' ? [] : ['#summary', '#chart', '#matrix-0', '#journey-0 figure.map', `#${opened}`];
    expect(await axeViolations(page, parts)).toEqual([]);

    // Every journey that needed a recovery search has its map, laid out with the frontier marked.
    const searched = results.scenarios
      .map((s, i) => [s, i] as const)
      .filter(([s]) => s.runs.some((r) => r.search));
    for (const [scenario, i] of searched) {
      const map = page.locator(`#journey-${i} svg.journey-map`);
      await expect(map, `${scenario.title} has a journey map`).toHaveCount(1);
      if (scenario.runs.some((r) => r.outcome === 'dead-end'))
        expect(
          await map.locator('g.map-node.frontier').count(),
          `${scenario.title}: frontier`,
        ).toBeGreaterThan(0);
    }

    // Every run has an SVG timeline with one lane per party (opened one journey at a time).
    for (const [si, scenario] of results.scenarios.entries()) {
      for (const [ri, run] of scenario.runs.entries()) {
        if (name === 'twenty-faults' && ri > 12) break;
        await page.locator(`#run-${si}-${ri} button.toggle`).dispatchEvent('click');
        const lanes = page.locator(`#run-${si}-${ri} svg.timeline-svg g.lane`);
        await expect(lanes).toHaveCount(new Set(run.trace.map((e) => e.actor)).size);
      }
    }
    await page.locator('li.run[data-outcome="dead-end"]').first().scrollIntoViewIfNeeded();
    await page
      .locator('li.run[data-outcome="dead-end"]')
      .first()
      .screenshot({
        path: resolve(testInfo.project.outputDir, `report-${name}-dead-end.png`),
      });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(
      await horizontalOverflow(page),
      'no horizontal scroll at 390 px with stories open',
    ).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
  });
}
