/**
 * The terminal renderer: what `deadend run` and `merge-reports` print (the outcome table, every
 * missed expectation, the baseline section, the what-if), and why one run missed its expectation,
 * which the vitest integration fails its test with. Text from results.json only.
 */
import { relative } from 'node:path';
import { markdownTable } from 'markdown-table';
import {
  type Expectation,
  maskResults,
  OUTCOMES,
  type ResultsFile,
  type RunResult,
} from '../core/contract.ts';
import { BASELINE_FILE, type BaselineComparison, type BaselineEntry } from './baseline.ts';
import { faultsKey, faultsLabel, OUTCOME_LABEL, plural } from './format.ts';
import { shareLines } from './shares.ts';

/** The what-if section: which single change to the merchant rescues the most dead ends. */
export function fixesReport(fixes: NonNullable<ResultsFile['fixes']>): string {
  const lines = ['Changes that rescue dead ends (each tried alone on every dead end):'];
  for (const f of fixes.slice(0, 5)) {
    const runs = f.rescues.map((r) => `${r.scenario} — ${faultsLabel(r.faults)}`).join('; ');
    lines.push(`  ${f.change}: ${plural(f.rescues.length, 'dead end')} (${runs})`);
  }
  if (fixes.length > 5) lines.push(`  …and ${plural(fixes.length - 5, 'more change')} in results.json`);
  return `${lines.join('\n')}\n`;
}

function expectedLabel(e: Expectation): string {
  const outcome = OUTCOME_LABEL[e.outcome];
  if (e.findings === undefined) return outcome;
  return `${outcome}; findings: ${e.findings.length > 0 ? e.findings.join(', ') : 'none'}`;
}

/**
 * The outcome table: one row per journey × fault combination. Several personas of one combination
 * (monte-carlo) share a row that counts their outcomes, e.g. `dead end ×3, recovered ×7`.
 */
export function outcomeTable(results: ResultsFile): string {
  const rows: string[][] = [];
  for (const scenario of results.scenarios) {
    const groups = new Map<string, RunResult[]>();
    for (const run of scenario.runs) {
      const key = faultsKey(run.faults);
      groups.set(key, [...(groups.get(key) ?? []), run]);
    }
    for (const runs of groups.values()) {
      const first = runs[0]!;
      const outcome =
        runs.length === 1
          ? OUTCOME_LABEL[first.outcome]
          : OUTCOMES.map((o) => [o, runs.filter((r) => r.outcome === o).length] as const)
              .filter(([, n]) => n > 0)
              .map(([o, n]) => `${OUTCOME_LABEL[o]} ×${n}`)
              .join(', ');
      const expected = [...new Set(runs.map((r) => expectedLabel(r.expected)))].join(' / ');
      const failed = runs.filter((r) => !r.pass).length;
      const accepted = runs.some((r) => r.accepted);
      const mark =
        failed > 0 ? (runs.length === 1 ? '✗' : `✗ ${failed}/${runs.length}`) : accepted ? 'accepted' : '✓';
      rows.push([scenario.id, faultsLabel(first.faults), outcome, expected, mark]);
    }
  }
  if (rows.length === 0) return 'No runs.\n';
  return `${markdownTable([['scenario', 'faults', 'outcome', 'expected', ''], ...rows], { align: ['l', 'l', 'l', 'l', 'c'] })}\n`;
}

/**
 * Why a run missed its expectation, after the lines that name it: the failure, what happened (with
 * why every way out was closed), the findings and the command that replays it. The terminal and
 * the vitest integration indent it as they need.
 */
export function whyItMissed(run: RunResult): string[] {
  const lines: string[] = [];
  if (run.failure) lines.push(`why: ${run.failure}`);
  lines.push(`what happened: ${run.explanation}`);
  for (const reason of run.frontier ?? []) lines.push(`  - ${reason}`);
  if (run.findings.length > 0) {
    lines.push(`findings: ${[...new Set(run.findings.map((f) => f.oracle))].join(', ')}`);
  }
  lines.push(`replay: ${run.replay}`);
  return lines;
}

/** Every missed expectation: what was expected, what happened, why, and the command that replays it. */
export function missedExpectations(results: ResultsFile): string {
  const blocks: string[] = [];
  for (const scenario of results.scenarios) {
    const perCombination = new Map<string, number>();
    for (const run of scenario.runs) {
      perCombination.set(faultsKey(run.faults), (perCombination.get(faultsKey(run.faults)) ?? 0) + 1);
    }
    for (const run of scenario.runs) {
      if (run.pass) continue;
      const persona =
        (perCombination.get(faultsKey(run.faults)) ?? 0) > 1 ? ` · persona #${run.persona.index}` : '';
      const lines = [
        `✗ ${scenario.id} — ${faultsLabel(run.faults)}${persona}  (${scenario.file})`,
        `  expected ${expectedLabel(run.expected)}, got ${OUTCOME_LABEL[run.outcome]}`,
      ];
      lines.push(...whyItMissed(run).map((line) => `  ${line}`));
      blocks.push(lines.join('\n'));
    }
  }
  if (blocks.length === 0) return '';
  return `${plural(blocks.length, 'missed expectation')}:\n\n${blocks.join('\n\n')}\n`;
}

/**
 * What the baseline says about a run: the new dead ends (not in the baseline: they fail), the accepted
 * ones and the ones that disappeared. `path` is the baseline file in use (undefined: none).
 */
export function baselineReport(
  comparison: BaselineComparison,
  opts: {
    path?: string;
    /** With --update-baseline: the entries added to and dropped from the file, and how many it holds. */
    updated?: { added: BaselineEntry[]; dropped: BaselineEntry[]; total: number };
  },
): string {
  const { newDeadEnds, acceptedDeadEnds, disappeared } = comparison;
  const item = (mark: string, e: BaselineEntry) => `  ${mark} ${e.scenario} — ${faultsLabel(e.faults)}`;
  const lines: string[] = [];
  if (opts.updated) {
    const { added, dropped, total } = opts.updated;
    lines.push(
      `Baseline ${opts.path} updated: ${plural(total, 'accepted dead end')} (${added.length} added, ${dropped.length} dropped).`,
    );
    if (added.length > 0) lines.push('Added, now accepted:', ...added.map((e) => item('+', e)));
    if (dropped.length > 0)
      lines.push('Dropped, no longer unexpected dead ends:', ...dropped.map((e) => item('-', e)));
    return `${lines.join('\n')}\n`;
  }
  if (opts.path === undefined && newDeadEnds.length === 0) return '';
  lines.push(
    `Baseline ${opts.path ?? `(none: no ${BASELINE_FILE})`}: ${plural(newDeadEnds.length, 'new dead end')} · ` +
      `${acceptedDeadEnds.length} accepted · ${disappeared.length} disappeared`,
  );
  if (newDeadEnds.length > 0) {
    lines.push(
      'New dead ends — not in the baseline, they fail the run (fix them, or accept them with --update-baseline):',
      ...newDeadEnds.map((e) => item('✗', e)),
    );
  }
  if (acceptedDeadEnds.length > 0) {
    lines.push(
      'Accepted dead ends — in the baseline, they pass:',
      ...acceptedDeadEnds.map((e) => item('☑', e)),
    );
  }
  if (disappeared.length > 0) {
    lines.push(
      'Disappeared — in the baseline, but no longer dead ends (drop them with --update-baseline):',
      ...disappeared.map((e) => item('✓', e)),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Table, missed expectations, where the reports are, summary line. Secrets are masked as in reports. */
export function outcomeReport(
  results: ResultsFile,
  opts: {
    quiet?: boolean;
    reportDir?: string;
    written?: readonly string[];
    summaryLine: string;
    /** The baseline section (`baselineReport`), printed after the missed expectations. */
    baseline?: string;
    /** results.json was written while the suite ran (streamed, in flat memory). */
    streamed?: boolean;
  },
): string {
  const safe = maskResults(results);
  const parts: string[] = [];
  if (!opts.quiet) parts.push(outcomeTable(safe));
  const missed = missedExpectations(safe);
  if (missed) parts.push(missed);
  // A population's shares are its result: printed even with --quiet.
  const shares = shareLines(safe);
  if (shares.length) parts.push(`Outcome shares:\n${shares.map((l) => `  ${l}`).join('\n')}\n`);
  if (opts.baseline) parts.push(opts.baseline);
  if (!opts.quiet && safe.fixes?.length) parts.push(fixesReport(safe.fixes));
  if (opts.reportDir && opts.written && opts.written.length > 0 && !opts.quiet) {
    const dir = opts.reportDir;
    const note = opts.streamed ? ' (written as the suite ran)' : '';
    parts.push(`Reports in ${dir}: ${opts.written.map((p) => relative(dir, p)).join(', ')}${note}\n`);
  }
  parts.push(`${opts.summaryLine}\n`);
  return parts.join('\n');
}
