/**
 * `deadend run --target browser` end to end: Chromium is the customer on the reference shop's
 * pages, every seed scenario comes out as on sim, and a run that misses its expectation shows,
 * in report.html, the page the customer was stuck on. `npm run test:browser-target`.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/testdata/spawnCli.ts';
import type { ResultsFile } from '../../core/contract.ts';
import { outcomeShape } from '../testdata/agreement.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './browserAdapter.ts';

const haveChromium = existsSync(CHROMIUM);
const onCI = process.env.CI === 'true';
const missing = `Chromium is not installed at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set DEADEND_CHROMIUM).`;
const tmp = mkdtempSync(join(tmpdir(), 'deadend-browser-target-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The full card number in the forms a page, a form body, JSON or a URL writes it. */
const CARD_FORMS = [
  '4242424242424242',
  '4242 4242 4242 4242',
  '4242+4242+4242+4242',
  '4242%204242%204242%204242',
  '4242-4242-4242-4242',
];

/** `file[: entry]: form` for every full card number in the files under `dir`, zip entries included. */
function cardNumbersIn(dir: string): string[] {
  const found: string[] = [];
  const scan = (where: string, bytes: Uint8Array) => {
    const text = Buffer.from(bytes).toString('latin1');
    for (const form of CARD_FORMS) if (text.includes(form)) found.push(`${where}: ${form}`);
  };
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    const bytes = readFileSync(path);
    scan(name, bytes);
    if (name.endsWith('.zip'))
      for (const [entry, data] of Object.entries(unzipSync(bytes))) scan(`${name}: ${entry}`, data);
  }
  return found;
}

const deadend = (...args: string[]) => runCli(args, { timeoutMs: 600_000 });
const results = (dir: string) => JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as ResultsFile;

describe.skipIf(!haveChromium && !onCI)('deadend run --target browser', () => {
  it('needs Chromium', () => {
    expect(haveChromium, missing).toBe(true);
  });

  it('every seed and story scenario reaches the same outcomes, findings and paths as on sim', () => {
    const sim = join(tmp, 'sim');
    const browser = join(tmp, 'browser');
    // The 200-customer population of story 101 is a Monte Carlo over personas, not a page flow: in
    // Chromium it would take most of the CI budget and show nothing the single customers do not.
    const most = ['--grep-invert', 'trial-cancel-population'];
    expect(deadend('run', ...most, '--report', sim, '--reporter', 'json', '-q').code).toBe(0);
    const r = deadend(
      'run',
      ...most,
      '--target',
      'browser',
      '--workers',
      '2',
      '--report',
      browser,
      '--reporter',
      'json',
    );
    expect(r.stderr).toContain('browser target: 2 workers');
    expect(r.code).toBe(0);
    const [a, b] = [results(sim), results(browser)];
    expect(b.target).toBe('browser');
    expect(outcomeShape(b)).toEqual(outcomeShape(a));
  }, 600_000);

  it('a run that misses its expectation shows the page the customer was stuck on in report.html', async () => {
    const report = join(tmp, 'failing');
    const r = deadend(
      'run',
      'harness/targets/browser/testdata/missed-expectation.yaml',
      '--target',
      'browser',
      '--grep',
      'key-quarantined+holidays',
      '--report',
      report,
      '--reporter',
      'json,html',
    );
    expect(r.code).toBe(1);
    const run = results(report).scenarios[0]!.runs[0]!;
    expect(run.pass).toBe(false);
    // The last page the customer saw (here the support desk's answer), and their order's page as the
    // run ended: no resend button, no key — where they were stuck.
    const files = run.attachments?.map((a) => a.path.split('/').pop());
    expect(files).toEqual(['order.png', 'page.png', 'page.html', 'trace.zip']);
    expect(run.attachments![0]!.name).toMatch(/^order page as the run ended \(\/orders\/ord_\d+\)$/);
    expect(run.attachments![1]!.name).toMatch(/^last page the customer saw while trying \(\/[a-z]+/);
    expect(readFileSync(join(report, run.attachments![2]!.path), 'utf8')).toContain('</html>');
    // The shop's checkout page shows the test card in full, and the customer posts it: no file
    // of the report folder may hold it (trace.zip's entries included).
    expect(cardNumbersIn(report)).toEqual([]);
    expect(
      Object.keys(unzipSync(readFileSync(join(report, run.attachments![3]!.path)))).length,
    ).toBeGreaterThan(2);

    const { chromium } = await import('@playwright/test');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(report, 'report.html')).href);
      await page.getByRole('button', { name: 'Show the story', exact: true }).first().click();
      const img = page.locator('.attachments img').first();
      await img.waitFor({ state: 'visible' });
      // The page loads its screenshots lazily, as a reader scrolls to them.
      await img.scrollIntoViewIfNeeded();
      expect(await page.locator('.attachments img').count()).toBe(2);
      const width = await img.evaluate((el) => {
        // The page's own <img>: decode() waits until it has loaded.
        const image = el as unknown as { decode(): Promise<void>; naturalWidth: number };
        return image.decode().then(() => image.naturalWidth);
      });
      expect(width).toBeGreaterThan(100);
      expect(await page.locator('.attachments').textContent()).toContain('Playwright trace');
    } finally {
      await browser.close();
    }
  }, 300_000);
});
