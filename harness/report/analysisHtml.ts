/**
 * The analyses in HTML: a section the report page can embed (`analysisSection`) and a
 * standalone page (analysis.html). The fault trees are server-side SVG strings.
 */
import type { AnalysisFile } from '../core/contract.ts';
import { analysisMarkdown, strandedShare } from './analysisText.ts';
import { faultTreeSvg } from './faultTree.ts';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** "Share of customers stranded" per journey and a fault tree per journey and top event. */
export function analysisSection(file: AnalysisFile): string {
  const parts: string[] = [
    // Its own few rules, so the section sits in the page's column whatever the page's stylesheet says.
    '<style>section.analysis{max-width:1180px;margin:0 auto;padding:0 24px}section.analysis figure{overflow-x:auto;margin:0}section.analysis td,section.analysis th{padding:2px 8px;text-align:left}</style>',
    '<section class="analysis" id="analysis">',
    '<h2>Which failures strand customers, and how many</h2>',
  ];
  const mc = file.journeys.filter((j) => j.monteCarlo);
  if (mc.length) {
    parts.push(
      '<table class="stranded"><thead><tr><th>journey</th><th>share of customers stranded</th><th>money lost per 1,000</th></tr></thead><tbody>',
    );
    for (const j of mc)
      parts.push(
        `<tr><td>${esc(j.title)} <code>${esc(j.id)}</code></td><td>${esc(strandedShare(j.monteCarlo!))}</td><td>${j.monteCarlo!.per1000.moneyLost} ${esc(j.monteCarlo!.per1000.currency)}</td></tr>`,
      );
    parts.push('</tbody></table>');
  }
  for (const j of file.journeys) {
    if (!j.analysis) continue;
    const probabilities = new Map(j.analysis.faults.map((f) => [f.label, f.probability]));
    parts.push(`<h3>${esc(j.title)} <code>${esc(j.id)}</code></h3>`);
    for (const t of j.analysis.topEvents) {
      if (t.cutSets.length === 1 && t.cutSets[0]!.length === 0) continue; // needs no fault: no tree to draw
      parts.push(
        `<figure><figcaption>${esc(t.description)}</figcaption>${faultTreeSvg({ top: t.description, cutSets: t.cutSets, probabilities })}</figure>`,
      );
      for (const r of t.rescues)
        parts.push(
          `<p class="rescue">Adding <code>${esc(r.fault)}</code> to ${esc(r.cutSet.join(' + '))} saves the customer.</p>`,
        );
    }
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** analysis.html: the section on a page of its own, with the Markdown tables as a fallback. */
export function analysisPage(file: AnalysisFile): string {
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>deadend analysis</title>',
    '<style>body{font-family:sans-serif;margin:2rem;max-width:1200px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}figure{overflow-x:auto}</style>',
    '</head><body>',
    analysisSection(file),
    `<details><summary>Tables (Markdown)</summary><pre>${esc(analysisMarkdown(file))}</pre></details>`,
    '</body></html>',
    '',
  ].join('\n');
}
