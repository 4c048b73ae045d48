/**
 * `summary.md`: for a GitHub job summary or a PR comment. A headline, the outcome counts, one table
 * row per journey × fault combination and the missed expectations with their replay commands.
 * Kept under `MARKDOWN_LIMIT` bytes (a PR comment holds 65,536 characters): beyond it the passing
 * rows collapse into a count, and if that is not enough, only the first failures are listed.
 */
import { markdownTable } from 'markdown-table';
import {
  type Catalogue,
  OUTCOMES,
  type Outcome,
  type ResultsFile,
  type RunResult,
  type ScenarioResult,
} from '../core/contract.ts';
import { firstSection, strandedHeadline } from './firstSection.ts';
import { faultsLabel, formatHours, formatMoney, OUTCOME_LABEL, plural, runLabels } from './format.ts';
import { markdownText } from './markdownEscape.ts';
import { partialNotice } from './partialNotice.ts';
import type { Reporter } from './reporter.ts';
import { markdownSections } from './sections.ts';
import { shareLines } from './shares.ts';
import { EMPTY_VOCABULARY } from './vocabulary.ts';

export const MARKDOWN_LIMIT = 60_000;

/** The fixes listed when the whole list does not fit: the ones that rescue the most. */
const FIXES_WHEN_SHORT = 10;

/** The last resort (a suite of thousands of journeys): whole lines up to the limit, and a note. */
function cut(text: string, limit: number): string {
  const note =
    '\n\n…the rest of this summary is cut to stay under GitHub’s size limit — see results.json or report.html.\n';
  const budget = limit - Buffer.byteLength(note, 'utf8');
  let end = 0;
  let bytes = 0;
  for (const line of text.split('\n')) {
    const size = Buffer.byteLength(line, 'utf8') + 1;
    if (bytes + size > budget) break;
    bytes += size;
    end += line.length + 1;
  }
  return `${text.slice(0, end).trimEnd()}${note}`;
}

const OUTCOME_ICON: Record<Outcome, string> = {
  ok: '🟢',
  recovered: '🔵',
  'recovered-with-help': '🟠',
  'dead-end': '⛔',
};

function outcomeText(outcome: Outcome): string {
  return `${OUTCOME_ICON[outcome]} ${OUTCOME_LABEL[outcome]}`;
}

/** Text safe inside a GFM table cell: no pipe, no line break, no HTML. */
function cell(text: string): string {
  return markdownText(text);
}

/** Inside a code span: no raw HTML. Prose goes through markdownText. */
function inline(text: string): string {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function codeBlock(code: string): string {
  let fence = '```';
  while (code.includes(fence)) fence += '`';
  return `${fence}sh\n${code}\n${fence}`;
}

interface Row {
  scenario: ScenarioResult;
  run: RunResult;
  label: string;
}

function rows(results: ResultsFile): Row[] {
  return results.scenarios.flatMap((scenario) => {
    const labels = runLabels(scenario);
    return scenario.runs.map((run, i) => ({ scenario, run, label: labels[i] ?? '' }));
  });
}

export function headline(results: ResultsFile): string {
  const { summary } = results;
  const deadEnds =
    plural(summary.outcomes['dead-end'], 'dead end') +
    (summary.accepted ? ` (${summary.accepted} accepted by the baseline)` : '');
  if (summary.failed > 0) {
    return `❌ ${summary.failed} of ${plural(summary.runs, 'run')} missed ${summary.failed === 1 ? 'its' : 'their'} expectation · ${deadEnds}`;
  }
  const all =
    summary.runs === 1
      ? 'The only run met its expectation'
      : `All ${summary.runs} runs met their expectation`;
  return `✅ ${all} · ${deadEnds}`;
}

function runsTable(list: Row[]): string {
  const header = [
    'Scenario',
    'Faults',
    'Outcome',
    'Expected',
    'Pass',
    'Time to resolution',
    'Contacts',
    'Effort h',
    'Money lost',
    'Findings',
  ];
  const body = list.map(({ scenario, run, label }) => {
    const s = run.scorecard;
    const ttr =
      run.outcome === 'ok'
        ? '—'
        : s.timeToResolutionHours === null && run.outcome === 'dead-end'
          ? 'never'
          : formatHours(s.timeToResolutionHours);
    return [
      cell(scenario.id),
      cell(label),
      outcomeText(run.outcome),
      OUTCOME_LABEL[run.expected.outcome],
      run.accepted ? '☑️ accepted' : run.pass ? '✅' : '❌',
      ttr,
      String(s.contacts),
      String(Math.round(s.effortHours * 10) / 10),
      s.moneyLost ? cell(formatMoney(s.moneyLost, s.currency)) : '—',
      run.findings.length ? cell([...new Set(run.findings.map((f) => f.oracle))].join(', ')) : '—',
    ];
  });
  return markdownTable([header, ...body], {
    align: ['l', 'l', 'l', 'l', 'c', 'r', 'r', 'r', 'r', 'l'],
    alignDelimiters: false,
  });
}

function missedSection({ scenario, run, label }: Row): string {
  const lines = [
    `### ❌ ${markdownText(scenario.id)} — ${markdownText(label)}`,
    '',
    `Expected **${OUTCOME_LABEL[run.expected.outcome]}**${
      run.expected.findings
        ? ` with findings ${run.expected.findings.map((f) => `\`${f}\``).join(', ') || 'none'}`
        : ''
    }, got **${OUTCOME_LABEL[run.outcome]}**${
      run.findings.length
        ? ` with findings ${[...new Set(run.findings.map((f) => `\`${f.oracle}\``))].join(', ')}`
        : ''
    }.`,
  ];
  if (run.failure) lines.push('', markdownText(run.failure));
  lines.push('', markdownText(run.explanation));
  if (run.frontier?.length) {
    lines.push('', 'Every way out was closed:', '', ...run.frontier.map((f) => `- ${markdownText(f)}`));
  }
  if (run.attachments?.length)
    lines.push(
      '',
      'Evidence:',
      '',
      ...run.attachments.map((a) => `- [${markdownText(a.name)}](${encodeURI(a.path)})`),
    );
  lines.push('', `Replay (\`${inline(scenario.file)}\`):`, '', codeBlock(run.replay));
  return lines.join('\n');
}

/** Accepted dead ends: known, accepted in the baseline; listed so they are not forgotten. */
function acceptedSection(list: Row[]): string {
  const lines = [
    '## Accepted dead ends',
    '',
    'These runs dead-end, but the baseline (`deadend-baseline.json`) accepts them, so they do not fail the build.',
    '',
  ];
  for (const { scenario, run, label } of list) {
    lines.push(
      `- **${markdownText(scenario.id)} — ${markdownText(label)}** (expected ${OUTCOME_LABEL[run.expected.outcome]}): ${markdownText(run.explanation)} Replay: \`${inline(run.replay).replace(/`/g, "'")}\``,
    );
  }
  return lines.join('\n');
}

/** Which single change to the merchant rescues the most dead ends (what-if runs). */
/** Journeys listed per fix; the count column has them all. */
const RESCUES_SHOWN = 5;

function fixesSection(all: NonNullable<ResultsFile['fixes']>, max: number): string {
  const fixes = all.slice(0, max);
  const more = all.length - fixes.length;
  return [
    '### Which change rescues the most',
    '',
    'Each change was tried alone on every dead end of this run.',
    '',
    markdownTable(
      [
        ['Change to the merchant', 'Dead ends rescued', 'Journeys'],
        ...fixes.map((f) => [
          cell(f.change),
          String(f.rescues.length),
          [
            ...f.rescues
              .slice(0, RESCUES_SHOWN)
              .map((r) => `${cell(r.scenario)} (${cell(faultsLabel(r.faults))}) → ${outcomeText(r.outcome)}`),
            ...(f.rescues.length > RESCUES_SHOWN ? [`… and ${f.rescues.length - RESCUES_SHOWN} more`] : []),
          ].join('<br>'),
        ]),
      ],
      { align: ['l', 'r', 'l'], alignDelimiters: false },
    ),
    ...(more > 0
      ? [
          '',
          `…${plural(more, 'more change')} not listed to keep this summary short — see results.json (fixes).`,
        ]
      : []),
  ].join('\n');
}

interface RenderOptions {
  collapsePassing: boolean;
  maxFailures: number;
  maxFixes: number;
}

function render(results: ResultsFile, catalogue: Catalogue, options: RenderOptions): string {
  const { summary } = results;
  const all = rows(results);
  const failing = all.filter((r) => !r.run.pass);
  const out: string[] = [
    `## deadend: ${inline(strandedHeadline(firstSection(results, EMPTY_VOCABULARY)))}`,
    '',
  ];
  const partial = partialNotice(results);
  if (partial) out.push(`> [!WARNING]\n> ${partial}`, '');
  for (const section of markdownSections(results, catalogue, headline(results))) out.push(section, '');
  out.push(
    `${plural(summary.scenarios, 'journey')} · ${plural(summary.runs, 'run')} · seed ${results.seed} · target ${markdownText(results.target)}` +
      (results.selection.grep ? ` · grep \`${results.selection.grep}\`` : '') +
      (results.selection.shard ? ` · shard ${results.selection.shard}` : ''),
    '',
  );
  out.push(
    markdownTable(
      [
        ['Outcome', 'Runs'],
        ...OUTCOMES.map((o) => [outcomeText(o), String(summary.outcomes[o])]),
        ...(summary.accepted ? [['☑️ accepted dead end (baseline)', String(summary.accepted)]] : []),
        ['❌ missed expectation', String(summary.failed)],
      ],
      { align: ['l', 'r'], alignDelimiters: false },
    ),
    '',
  );

  const shares = shareLines(results);
  if (shares.length) out.push('### Outcome shares', '', ...shares.map((l) => `- ${markdownText(l)}`), '');

  let shown = options.collapsePassing ? failing : all;
  let hiddenFailing = 0;
  if (failing.length > options.maxFailures) {
    hiddenFailing = failing.length - options.maxFailures;
    const keep = new Set(failing.slice(0, options.maxFailures));
    shown = shown.filter((r) => r.run.pass || keep.has(r));
  }
  out.push('### Every run (details for QA)', '');
  if (shown.length) out.push(runsTable(shown), '');
  const notes: string[] = [];
  if (options.collapsePassing && summary.passed > 0) {
    notes.push(`${plural(summary.passed, 'passing run')} not listed to keep this summary short`);
  }
  if (hiddenFailing > 0) notes.push(`${plural(hiddenFailing, 'more failing run')} not listed`);
  if (notes.length) out.push(`…${notes.join('; ')} — see results.json or report.html for every run.`, '');

  if (results.fixes?.length) out.push(fixesSection(results.fixes, options.maxFixes), '');

  const accepted = all.filter((r) => r.run.accepted);
  if (accepted.length && options.maxFailures > 0) out.push(acceptedSection(accepted), '');

  if (failing.length) {
    out.push('## Missed expectations', '');
    for (const row of failing.slice(0, options.maxFailures)) out.push(missedSection(row), '');
    if (hiddenFailing > 0)
      out.push(`…and ${plural(hiddenFailing, 'more missed expectation')}: see results.json.`, '');
  }
  return out.join('\n');
}

/** The Markdown summary, at most `limit` bytes of UTF-8. */
export function renderMarkdown(results: ResultsFile, catalogue: Catalogue, limit = MARKDOWN_LIMIT): string {
  const fits = (text: string) => Buffer.byteLength(text, 'utf8') <= limit;
  const all = Number.POSITIVE_INFINITY;
  let text = render(results, catalogue, { collapsePassing: false, maxFailures: all, maxFixes: all });
  if (fits(text)) return text;
  text = render(results, catalogue, { collapsePassing: true, maxFailures: all, maxFixes: all });
  if (fits(text)) return text;
  const maxFixes = FIXES_WHEN_SHORT;
  let maxFailures = results.summary.failed;
  text = render(results, catalogue, { collapsePassing: true, maxFailures, maxFixes });
  while (!fits(text) && maxFailures > 0) {
    maxFailures = Math.floor(maxFailures / 2);
    text = render(results, catalogue, { collapsePassing: true, maxFailures, maxFixes });
  }
  return fits(text) ? text : cut(text, limit);
}

export const markdownReporter: Reporter = {
  name: 'md',
  files: (results, catalogue) => [{ path: 'summary.md', content: renderMarkdown(results, catalogue) }],
};
