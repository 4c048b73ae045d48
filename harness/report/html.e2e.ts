/**
 * report.html in a real browser, opened from disk: it renders, filters, opens a dead end, reads in the
 * customer's time zone whatever the viewer's, makes no network request and logs no error.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { sampleResults } from './fixtures/sample-results.ts';
import { CHROMIUM } from './playwright.config.ts';
import { writeReports } from './reporter.ts';

const haveChromium = existsSync(CHROMIUM);
const onCI = process.env.CI === 'true';
const missing = `Chromium is not installed at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set DEADEND_CHROMIUM). The HTML report's browser test cannot run without it.`;

test.skip(!haveChromium && !onCI, missing);

test.beforeAll(() => {
  if (!haveChromium) throw new Error(missing);
});

// The viewer is on the other side of the world, with another locale: times must still read in the
// customer's time zone (America/New_York for the Christmas Eve journey).
test.use({ timezoneId: 'Pacific/Auckland', locale: 'de-DE', viewport: { width: 1280, height: 900 } });

test('report.html renders offline, filters runs and explains a dead end', async ({ page }, testInfo) => {
  const dir = mkdtempSync(join(tmpdir(), 'deadend-html-'));
  const [file] = writeReports(dir, sampleResults(), ['html']);
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) requests.push(request.url());
  });

  await page.goto(pathToFileURL(file!).href);

  // Summary
  await expect(page.getByRole('heading', { level: 1, name: 'Customer journey report' })).toBeVisible();
  await expect(page.locator('#summary .headline')).toHaveText('⚠ 1 of 6 runs did not turn out as expected');
  await expect(page.locator('#summary .stats')).toContainText('2 journeys');
  await expect(page.locator('#summary .stats li.o-dead-end')).toHaveText('1 ⊘ Dead end');

  // Matrix and runs
  const runs = page.locator('li.run');
  const visibleRuns = page.locator('li.run:visible');
  const cells = page.locator('#matrix button.cell:visible');
  await expect(runs).toHaveCount(6);
  await expect(visibleRuns).toHaveCount(6);
  await expect(cells).toHaveCount(6);
  await expect(page.getByRole('button', { name: 'Show the story', exact: true })).toHaveCount(6);

  // Outcome filter hides and shows rows
  const worked = page.getByRole('checkbox', { name: /Worked/ });
  await worked.uncheck();
  await expect(visibleRuns).toHaveCount(4);
  await expect(page.locator('li.run[data-outcome="ok"]:visible')).toHaveCount(0);
  await expect(cells).toHaveCount(4);
  await expect(page.locator('#filter-status')).toHaveText('Showing 4 of 6 runs');
  await worked.check();
  await expect(visibleRuns).toHaveCount(6);
  await expect(page.locator('#filter-status')).toHaveText('Showing all 6 runs');

  // Only failed expectations: the gift journey's row disappears from the matrix
  const failedOnly = page.getByRole('checkbox', { name: /Only missed expectations/ });
  await failedOnly.check();
  await expect(visibleRuns).toHaveCount(1);
  await expect(visibleRuns.first()).toHaveAttribute('data-outcome', 'dead-end');
  await expect(page.locator('#matrix tbody tr:visible')).toHaveCount(1);
  await failedOnly.uncheck();

  // Text filter
  await page.getByLabel('Search').fill('gift');
  await expect(visibleRuns).toHaveCount(2);
  await page.getByLabel('Search').fill('no such journey');
  await expect(visibleRuns).toHaveCount(0);
  await expect(page.getByText('No run matches these filters.')).toBeVisible();
  await page.getByLabel('Search').fill('');
  await expect(visibleRuns).toHaveCount(6);

  // Open the dead end from the matrix and read it
  await page
    .getByRole('button', {
      name: /Converter Lite bought on Christmas Eve, .*Support closed: Dead end, missed expectation/,
    })
    .click();
  const deadEnd = page.locator('li.run[data-outcome="dead-end"]');
  const toggle = deadEnd.locator('button.toggle');
  await expect(toggle).toHaveAccessibleName('Hide the story');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle).toBeFocused();
  const details = deadEnd.locator('.details');
  await expect(details).toBeVisible();
  await expect(details.locator('.frontier')).toContainText(
    'support reopens 2026-01-05, after the 2026-01-01 deadline',
  );
  await expect(details.locator('.callout')).toContainText('Expected: Recovered — actually: Dead end.');
  const firstStep = details.locator('ol.timeline li').first();
  await expect(firstStep.locator('time')).toHaveText('24 Dec 2025 17:32');
  await expect(firstStep).toContainText(
    'The customer ordered Converter Lite and paid $250.00 with card •••• 4242.',
  );
  await expect(details.locator('ol.timeline li').nth(9)).toContainText('… 1.6 days later');
  await expect(details.locator('ol.timeline li').nth(9).locator('time')).toHaveText('26 Dec 10:00');
  await expect(details.locator('ol.timeline li').last().locator('time')).toHaveText('1 Jan 2026 23:59');
  await expect(details.locator('dl.scorecard')).toContainText('Money lost$250.00');
  await expect(details.locator('ul.findings')).toContainText('Secret to unverified address');
  await expect(details.locator('pre')).toHaveText(
    'npx deadend run scenarios/converter-lite-christmas-eve.yaml --seed 42 --faults mail.quarantined+support.closed',
  );
  await expect(details).not.toContainText('CVL7-9F3K');

  // Copy button
  await details.getByRole('button', { name: 'Copy command' }).click();
  await expect(details.locator('.copied')).toHaveText(/Copied ✓|Selected — press Ctrl\+C to copy/);

  // Closing it again
  await toggle.click();
  await expect(details).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toHaveAccessibleName('Show the story');
  await toggle.press('Enter');
  await expect(details).toBeVisible();

  await deadEnd.scrollIntoViewIfNeeded();
  await page.screenshot({ path: resolve(testInfo.project.outputDir, 'report-html.png'), fullPage: true });
  await deadEnd.screenshot({ path: resolve(testInfo.project.outputDir, 'report-html-dead-end.png') });

  expect(problems).toEqual([]);
  expect(requests).toEqual([]);
});
