/**
 * summary.md is rendered by GitHub (job summary, PR comment): text from scenario files must not
 * become a link, a remote image, an @-mention or HTML, and the file stays under its documented
 * 60,000 characters on a big suite.
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../core/merge.ts';
import { reportCatalogue } from '../engine/reportCatalogue.ts';
import { sampleResults } from './fixtures/sample-results.ts';
import { MARKDOWN_LIMIT, renderMarkdown } from './markdown.ts';
import { markdownText } from './markdownEscape.ts';

const HOSTILE =
  'Call [support](https://evil.example/phish) ![pixel](https://evil.example/p.png) @octocat <img src=x onerror=alert(1)> www.evil.example **bold** `code`';

describe('summary.md keeps scenario text as text', () => {
  it('escapes links, images, mentions, autolinks, HTML and emphasis', () => {
    const out = markdownText(HOSTILE);
    expect(out).toContain('\\[support\\]');
    expect(out).toContain('\\!\\[pixel\\]');
    expect(out).toContain('@\u200boctocat');
    expect(out).toContain('&lt;img');
    expect(out).toContain('https\\://evil');
    expect(markdownText('# not a heading')).toBe('\\# not a heading');
    expect(markdownText('- not a list')).toBe('\\- not a list');
    expect(markdownText('1. not a list')).toBe('1\\. not a list');
  });

  it('in the report itself: explanations, failures, frontiers and fault labels', () => {
    const results = sampleResults();
    const failing = results.scenarios[0]!.runs[2]!;
    Object.assign(failing, {
      explanation: HOSTILE,
      failure: HOSTILE,
      frontier: [HOSTILE],
      faults: [`x](https://evil.example) @octocat`],
    });
    const text = renderMarkdown(results, reportCatalogue());
    expect(text).not.toContain('](https://evil');
    expect(text).not.toContain('![pixel]');
    expect(text).not.toMatch(/@octocat/);
    expect(text).not.toContain('<img');
  });

  it('a big suite with many fixes stays under the limit and says what was cut', () => {
    const results = sampleResults();
    const gift = results.scenarios[1]!;
    const failed = results.scenarios[0]!.runs[2]!;
    for (let i = 0; i < 2000; i++) gift.runs.push({ ...failed, faults: [`support.closed(${i}d)`] });
    results.summary = summarize(results.scenarios);
    results.fixes = Array.from({ length: 400 }, (_, i) => ({
      change: `capabilities.option${i}: true`,
      overrides: {},
      rescues: Array.from({ length: 300 }, (_, k) => ({
        scenario: gift.id,
        faults: [`support.closed(${k}d)`],
        outcome: 'recovered' as const,
      })),
    }));
    const text = renderMarkdown(results, reportCatalogue());
    expect(text.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(text).toMatch(/…390 more changes not listed to keep this summary short/);
    expect(text).toContain('… and 295 more');
  });
});
