/**
 * Browser test of report.html: `npx playwright test -c harness/report/playwright.config.ts`
 * (npm script `test:browser`). It uses the system Chromium (Debian package `chromium`), never a
 * Playwright-downloaded browser: set DEADEND_CHROMIUM to use another binary. Without Chromium the test
 * is skipped locally and fails under CI=true.
 */
import { defineConfig } from '@playwright/test';

export const CHROMIUM = process.env.DEADEND_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '*.e2e.ts',
  /** The repository's test-results/ (ignored by git). */
  outputDir: '../../test-results',
  forbidOnly: process.env.CI === 'true',
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    screenshot: 'on',
    // Off: a trace snapshots the whole DOM at every step, minutes on a report of 200+ runs; the
    // screenshots the test keeps are what a person looks at.
    trace: 'off',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    },
  },
});
