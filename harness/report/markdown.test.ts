import { describe, expect, it } from 'vitest';
import type { ResultsFile } from '../core/contract.ts';
import { summarize } from '../core/merge.ts';
import { reportCatalogue } from '../engine/reportCatalogue.ts';
import { sampleResults } from './fixtures/sample-results.ts';
import { MARKDOWN_LIMIT, markdownReporter, renderMarkdown } from './markdown.ts';

/** The sample with `extra` more passing runs and `failing` more failing runs in the gift scenario. */
function bigResults(extra: number, failing = 0): ResultsFile {
  const results = sampleResults();
  const gift = results.scenarios[1]!;
  const template = gift.runs[0]!;
  const failed = results.scenarios[0]!.runs[2]!;
  for (let i = 0; i < extra; i++) gift.runs.push({ ...template, faults: [`mail.delayed(${i}h)`] });
  for (let i = 0; i < failing; i++) gift.runs.push({ ...failed, faults: [`support.closed(${i}d)`] });
  results.summary = summarize(results.scenarios);
  return results;
}

function tableRows(md: string): string[][] {
  const start = md.indexOf('| Scenario |');
  const lines = md.slice(start).split('\n');
  const rows: string[][] = [];
  for (const line of lines.slice(2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.slice(2, -2).split(' | '));
  }
  return rows;
}

describe('summary.md', () => {
  const md = markdownReporter.files(sampleResults(), reportCatalogue())[0]!;

  it('is written as summary.md, titled with the stranded journeys, the CI verdict on its own line', () => {
    expect(md.path).toBe('summary.md');
    expect(md.content.split('\n')[0]).toBe('## deadend: 1 of 2 journeys strand customers (1 dead end)');
    expect(md.content).toContain('\n**For QA:** ❌ 1 of 6 runs missed its expectation · 1 dead end\n');
  });

  it('names each stranded journey with the failures, the reason and the cost of each dead end', () => {
    const first = md.content.slice(0, md.content.indexOf('**For QA:**'));
    expect(first).toContain('**Converter Lite bought on Christmas Eve');
    expect(first).toMatch(
      /^- .+: .+ Cost: (\$[\d.,]+ lost|nothing out of pocket[^,]*), .+ of the customer’s time, (no contact with staff|\d+ contacts?)\.$/m,
    );
    expect(first).toContain('**Total:**');
    expect(first).not.toMatch(/\bord_\d|path\(s\)|—\s*\|/);
  });

  it('counts the outcomes', () => {
    expect(md.content).toContain('| 🟢 ok | 2 |');
    expect(md.content).toContain('| ⛔ dead end | 1 |');
    expect(md.content).toContain('| ❌ missed expectation | 1 |');
  });

  it('has one table row per journey × fault combination with its scorecard', () => {
    const rows = tableRows(md.content);
    expect(rows).toHaveLength(6);
    expect(rows[2]).toEqual([
      'converter-lite-christmas-eve',
      'mail.quarantined + support.closed',
      '⛔ dead end',
      'recovered',
      '❌',
      'never',
      '2',
      '1.5',
      '$250.00',
      'secret-to-unverified-address, no-feedback-channel',
    ]);
    expect(rows[4]?.slice(0, 5)).toEqual(['gift-order-out-of-state', 'none', '🟢 ok', 'ok', '✅']);
  });

  it('explains each missed expectation with its replay command in a code block', () => {
    const section = md.content.slice(md.content.indexOf('## Missed expectations'));
    expect(section).toContain('### ❌ converter-lite-christmas-eve — mail.quarantined + support.closed');
    expect(section).toContain('Expected **recovered**, got **dead end**');
    expect(section).toContain('support reopens 2026-01-05, after the 2026-01-01 deadline');
    expect(section).toContain(
      '```sh\nnpx deadend run scenarios/converter-lite-christmas-eve.yaml --seed 42 --faults mail.quarantined+support.closed\n```',
    );
  });

  it('says so when every run met its expectation, and has no missed-expectations section', () => {
    const results = sampleResults();
    results.scenarios[0]!.runs[2]!.pass = true;
    results.summary = summarize(results.scenarios);
    const text = renderMarkdown(results, reportCatalogue());
    expect(text).toContain('\n**For QA:** ✅ All 6 runs met their expectation · 1 dead end\n');
    expect(text).not.toContain('## Missed expectations');
  });

  it('keeps table cells intact when text contains pipes, line breaks or HTML', () => {
    const results = sampleResults();
    results.scenarios[0]!.runs[0]!.faults = ['weird|fault\nname<b>'];
    const rows = tableRows(renderMarkdown(results, reportCatalogue()));
    expect(rows[0]).toHaveLength(10);
    expect(rows[0]?.[1]).toBe('weird\\|fault name&lt;b&gt;');
  });

  it('stays under the size limit by collapsing passing rows into a count', () => {
    const results = bigResults(3000);
    const text = renderMarkdown(results, reportCatalogue());
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(tableRows(text)).toHaveLength(1);
    expect(text).toContain('…3005 passing runs not listed to keep this summary short');
    expect(text).toContain('## Missed expectations');
  });

  it('stays under the size limit even when thousands of runs fail', () => {
    const text = renderMarkdown(bigResults(0, 2000), reportCatalogue());
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(text).toMatch(/…and \d+ more missed expectations: see results\.json\./);
    expect(text).toContain('**For QA:** ❌ 2001 of 2006 runs missed their expectation · 2001 dead ends');
    expect(text).toMatch(/…and \d+ more dead ends/);
  });
});

describe('summary.md: evidence from a target', () => {
  it('links the files a target kept for a missed expectation', () => {
    const results = sampleResults();
    const failed = results.scenarios[0]!.runs.find((r) => !r.pass)!;
    failed.attachments = [
      {
        name: 'page the customer was stuck on',
        path: 'attachments/x/none/page.png',
        contentType: 'image/png',
      },
      {
        name: 'merchant container log (this run)',
        path: 'attachments/x/none/container.log',
        contentType: 'text/plain',
      },
    ];
    const md = renderMarkdown(results, reportCatalogue());
    expect(md).toContain('- [page the customer was stuck on](attachments/x/none/page.png)');
    expect(md).toContain('- [merchant container log (this run)](attachments/x/none/container.log)');
  });
});
