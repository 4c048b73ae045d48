import { describe, expect, it } from 'vitest';
import { maskResults } from '../core/contract.ts';
import { reportCatalogue } from '../engine/reportCatalogue.ts';
import { sampleResults } from './fixtures/sample-results.ts';
import { embedJson, htmlReporter, renderHtml } from './html.ts';
import { reporters } from './reporter.ts';

function embedded(html: string): unknown {
  const match = /<script type="application\/json" id="deadend-data">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no embedded data');
  return JSON.parse(match[1]!);
}

function vocabulary(html: string): Record<string, Record<string, string>> {
  const match = /<script type="application\/json" id="deadend-vocabulary">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no embedded vocabulary');
  return JSON.parse(match[1]!);
}

describe('report.html', () => {
  const html = htmlReporter.files(sampleResults(), reportCatalogue())[0]!;

  it('is one file that loads nothing: no external URL, no src, a CSP that forbids fetching', () => {
    expect(html.path).toBe('report.html');
    // The SVG namespace is a name, not an address: createElementNS needs it, nothing fetches it.
    const page = html.content.replaceAll('http://www.w3.org/2000/svg', '');
    expect(page).not.toMatch(/https?:|\/\/[a-z]|\bsrc=|<link\b|@import|url\(/i);
    expect(html.content).toContain(
      `content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline';`,
    );
    expect(html.content).toContain("img-src 'self' file:");
    expect(html.content.match(/<script\b/g)).toHaveLength(3);
    expect(html.content).toContain('<style>');
  });

  it('embeds the results as JSON that reads back unchanged', () => {
    expect(embedded(html.content)).toEqual(sampleResults());
  });

  it('embeds the masked results when it goes through the registry', () => {
    const masked = reporters.html.files(sampleResults(), reportCatalogue())[0]!;
    expect(embedded(masked.content)).toEqual(maskResults(sampleResults()));
  });

  it('cannot be broken out of by data containing </script> or <!--', () => {
    const results = sampleResults();
    results.scenarios[0]!.title = '</script><script>alert(1)</script><!--';
    const page = renderHtml(results, reportCatalogue());
    expect(page.match(/<\/script>/g)).toHaveLength(3);
    expect(page).not.toContain('<!--');
    expect((embedded(page) as typeof results).scenarios[0]!.title).toBe(
      '</script><script>alert(1)</script><!--',
    );
    expect(embedJson({ a: '</SCRIPT>' })).toBe('{"a":"\\u003c/SCRIPT>"}');
  });

  it('puts the stranded journeys in the page title and is deterministic', () => {
    expect(html.content).toContain(
      '<title>Customer journey report — 1 of 2 journeys strand customers (1 dead end)</title>',
    );
    expect(renderHtml(sampleResults(), reportCatalogue())).toBe(html.content);
  });

  it('takes its words from the catalogues: every fault and finding has a name, no second copy', async () => {
    const { faultCatalogue } = await import('../services/index.ts');
    const { oracleCatalogue } = await import('../oracles/catalogue.ts');
    const words = vocabulary(html.content);
    expect(Object.keys(words.faults!).sort()).toEqual([...faultCatalogue.keys()].sort());
    expect(Object.keys(words.findings!).sort()).toEqual([...oracleCatalogue.keys()].sort());
    expect(words.findings!['zombie-notice']).toBe(
      'Renewal reminders kept coming for a subscription that was already cancelled',
    );
  });
});
