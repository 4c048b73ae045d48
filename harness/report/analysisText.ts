/**
 * The analyses in words: the terminal tables of `deadend analyze` and the summary.md section
 * (analysis.md). Both read only analysis.json's shape.
 */

import { markdownTable } from 'markdown-table';
import type { AnalysisFile, JourneyEntry, JourneyMonteCarlo, TopEventAnalysis } from '../core/contract.ts';

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
const set = (c: readonly string[]) => (c.length === 0 ? '(no fault needed)' : c.join(' + '));
const prob = (p: number | undefined) =>
  p === undefined ? '—' : p >= 0.001 || p === 0 ? String(Math.round(p * 1e4) / 1e4) : p.toExponential(2);

export function strandedShare(mc: JourneyMonteCarlo): string {
  const d = mc.outcomes['dead-end'];
  return `${pct(d.share)} (95% ${pct(d.low)}–${pct(d.high)})`;
}

function topEventLines(t: TopEventAnalysis): string[] {
  const lines = [
    `${t.description}: ${t.cutSets.length} minimal cut set${t.cutSets.length === 1 ? '' : 's'}` +
      `${t.complete ? '' : ` (searched up to size ${t.maxSize})`}`,
  ];
  for (const c of t.cutSets) lines.push(`  - ${set(c)}`);
  if (t.singlePointsOfFailure.length)
    lines.push(`  single points of failure: ${t.singlePointsOfFailure.join(', ')}`);
  for (const s of t.singlePointsGivenEnvironment)
    lines.push(`  single point of failure given ${s.given.join(' + ')}: ${s.fault}`);
  for (const r of t.rescues) lines.push(`  rescue: adding ${r.fault} to ${set(r.cutSet)} saves the customer`);
  lines.push(
    `  probability: rare-event ${prob(t.probability.rareEvent)} · cut-set union ${prob(t.probability.cutSetUnion)} · ${
      t.probability.sampled
        ? `sampled ${prob(t.probability.sampled.share)} (95% ${prob(t.probability.sampled.low)}–${prob(t.probability.sampled.high)}, ${t.probability.sampled.samples} samples)`
        : `exact (enumerated) ${prob(t.probability.enumerated)}`
    }`,
  );
  return lines;
}

function monteCarloLines(mc: JourneyMonteCarlo): string[] {
  const o = mc.outcomes;
  return [
    `Monte Carlo: ${mc.customers.toLocaleString('en-US')} customers${mc.stoppedEarly ? ` (stopped at ±${mc.stoppedEarly.precision})` : ''}, ${mc.distinctRuns} distinct runs`,
    `  stranded ${strandedShare(mc)} · ok ${pct(o.ok.share)} · recovered ${pct(o.recovered.share)} · with help ${pct(o['recovered-with-help'].share)}`,
    `  per 1,000 customers: ${mc.per1000.moneyLost} ${mc.per1000.currency} lost, ${mc.per1000.effortHours} hours of effort`,
    ...mc.strandedBy.map((s) => `  stranded by ${set(s.faults)}: ${pct(s.shareOfStranded)} of strandings`),
  ];
}

/** The terminal report of `deadend analyze`. */
export function analysisText(file: AnalysisFile): string {
  const out: string[] = [];
  for (const j of file.journeys) {
    out.push(`${j.id} — ${j.title}`);
    if (j.analysis) {
      const a = j.analysis;
      out.push(`  ${a.combinationsEvaluated} of ${a.combinationsTotal} fault combinations run`);
      for (const t of a.topEvents) out.push(...topEventLines(t).map((l) => `  ${l}`));
      out.push('  FMEA (RPN = severity × occurrence × detection):');
      const width = Math.max(5, ...a.fmea.map((r) => r.fault.length));
      for (const r of a.fmea)
        out.push(
          `    ${r.fault.padEnd(width)}  S${r.severity} O${r.occurrence} D${r.detection}  RPN ${String(r.rpn).padStart(4)}  ${r.effect}`,
        );
    }
    if (j.monteCarlo) out.push(...monteCarloLines(j.monteCarlo).map((l) => `  ${l}`));
    out.push('');
  }
  return out.join('\n');
}

/** The summary.md section (written as analysis.md; the job summary can append it). */
export function analysisMarkdown(file: AnalysisFile): string {
  const out: string[] = ['## Analysis: which failures strand customers, and how many', ''];
  const withMc = file.journeys.filter(
    (j): j is JourneyEntry & { monteCarlo: JourneyMonteCarlo } => !!j.monteCarlo,
  );
  if (withMc.length) {
    out.push(
      markdownTable([
        [
          'journey',
          'customers',
          'stranded (95% interval)',
          'money lost / 1,000',
          'effort hours / 1,000',
          'stranded most by',
        ],
        ...withMc.map((j) => [
          j.id,
          String(j.monteCarlo.customers),
          strandedShare(j.monteCarlo),
          `${j.monteCarlo.per1000.moneyLost} ${j.monteCarlo.per1000.currency}`,
          String(j.monteCarlo.per1000.effortHours),
          j.monteCarlo.strandedBy[0] ? set(j.monteCarlo.strandedBy[0].faults) : '—',
        ]),
      ]),
      '',
    );
  }
  for (const j of file.journeys) {
    if (!j.analysis) continue;
    out.push(`### ${j.id}`, '');
    for (const t of j.analysis.topEvents)
      out.push(...topEventLines(t).map((l) => (l.startsWith('  ') ? l : `**${l}**`)), '');
    out.push(
      markdownTable([
        ['failure mode', 'effect on the customer', 'S', 'O', 'D', 'RPN'],
        ...j.analysis.fmea.map((r) => [
          `\`${r.fault}\`: ${r.mode}`,
          r.effect,
          String(r.severity),
          String(r.occurrence),
          String(r.detection),
          String(r.rpn),
        ]),
      ]),
      '',
    );
  }
  return `${out.join('\n')}\n`;
}
