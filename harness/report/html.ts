/**
 * `report.html`: one self-contained page for process owners (inline CSS and JS, no URL of any kind,
 * opens from disk offline; a Content-Security-Policy forbids every fetch). The results are embedded as
 * JSON in `<script type="application/json">`, beside the vocabulary of the engine's catalogues, and
 * rendered by the TypeScript in html/ (bundled by html/bundle.ts; styles in html.style.css): the
 * stranded journeys with their cost and the fix first, charts, per-journey failure tables, journey
 * maps, and per run the customer's story with an SVG timeline, the scorecard and the findings.
 */
import { readFileSync } from 'node:fs';
import type { Catalogue, ResultsFile } from '../core/contract.ts';
import { catalogueVocabulary } from './catalogueVocabulary.ts';
import { firstSection, strandedHeadline } from './firstSection.ts';
import { clientScript } from './html/bundle.ts';
import { partialNotice } from './partialNotice.ts';
import type { Reporter } from './reporter.ts';

let css: string | undefined;

function loadAssets(): { css: string; js: string } {
  css ??= readFileSync(new URL('./html.style.css', import.meta.url), 'utf8');
  return { css, js: clientScript() };
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * JSON that is safe inside `<script type="application/json">`: every `<` is written `\u003c`, so no
 * `</script` or `<!--` can end or confuse the element. `JSON.parse` reads it back unchanged.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

const CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "script-src 'unsafe-inline'",
  // Only the screenshots a target kept beside the report (attachments/…); nothing from the network.
  "img-src 'self' file:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** `sections`: server-rendered HTML shown on the first screen, above the runs (the analysis). */
export function renderHtml(
  results: ResultsFile,
  catalogue: Catalogue,
  sections: readonly string[] = [],
): string {
  const { css, js } = loadAssets();
  const vocabulary = catalogueVocabulary(results, catalogue);
  const title = strandedHeadline(firstSection(results, vocabulary));
  const journeys = results.scenarios.length;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="deadend ${escapeHtml(results.tool.version)}">
<title>Customer journey report — ${escapeHtml(title)}</title>
<style>
${css}</style>
</head>
<body>
<a class="skip" href="#runs">Skip to every run</a>
<header class="top">
<h1>Customer journey report</h1>
<p class="muted">What happens to customers when something breaks on the way: ${journeys} ${journeys === 1 ? 'journey' : 'journeys'}, each tested against injected failures.</p>
${partialNotice(results) ? `<p class="partial" role="alert"><strong>${escapeHtml(partialNotice(results)!)}</strong></p>\n` : ''}</header>
${sections.join('\n')}
<main id="app">
<noscript><p>This report needs JavaScript to show its contents. The same data is in results.json and summary.md beside this file.</p></noscript>
</main>
<footer>Made by deadend ${escapeHtml(results.tool.version)} from results.json (for QA: seed ${results.seed} · target ${escapeHtml(results.target)}${results.selection.grep ? ` · grep “${escapeHtml(results.selection.grep)}”` : ''}${results.selection.shard ? ` · shard ${escapeHtml(results.selection.shard)}` : ''}). This file works offline and loads nothing from the network.</footer>
<script type="application/json" id="deadend-data">${embedJson(results)}</script>
<script type="application/json" id="deadend-vocabulary">${embedJson(vocabulary)}</script>
<script>
${js.replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>
`;
}

export const htmlReporter: Reporter = {
  name: 'html',
  files: (results, catalogue) => [{ path: 'report.html', content: renderHtml(results, catalogue) }],
};
