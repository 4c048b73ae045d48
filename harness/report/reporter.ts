/**
 * Reporters turn a results file into report files. One interface, one file per reporter (json.ts,
 * markdown.ts, junit.ts, html.ts), each testable alone. Reporters read only the contract
 * (results.ts).
 *
 * Secrets are masked in one place, before any reporter formats: the entries of `reporters` and
 * `writeReports` pass the results through `maskResults` first. The reporter objects exported by the
 * individual files format what they are given, unmasked; go through this module.
 */

import type { Catalogue, ResultsFile } from '../core/contract.ts';
import { maskResults } from '../core/contract.ts';
import { htmlReporter } from './html.ts';
import { jsonReporter } from './json.ts';
import { junitReporter } from './junit.ts';
import type { Reporter as LifecycleReporter } from './lifecycle.ts';
import { markdownReporter } from './markdown.ts';
import { writeReportSet } from './reportSet.ts';
import { humanize } from './vocabulary.ts';

export interface ReportFile {
  /** Relative to the report directory, `/`-separated. */
  path: string;
  content: string;
}

export interface Reporter {
  name: string;
  /** `catalogue`: the words of the engine's catalogues, for reports that show ids in words. */
  files(results: ResultsFile, catalogue: Catalogue): ReportFile[];
}

export const REPORTER_NAMES = ['json', 'md', 'junit', 'html'] as const;
export type ReporterName = (typeof REPORTER_NAMES)[number];

/** The reporters as they format unmasked results (masking is added by `reporters` and `writeReports`). */
const formatters: Record<ReporterName, Reporter> = {
  json: jsonReporter,
  md: markdownReporter,
  junit: junitReporter,
  html: htmlReporter,
};

function masked(reporter: Reporter): Reporter {
  return {
    name: reporter.name,
    files: (results, catalogue) => reporter.files(maskResults(results), catalogue),
  };
}

/** The registry: every entry masks secrets before formatting. */
export const reporters: Record<ReporterName, Reporter> = {
  json: masked(formatters.json),
  md: masked(formatters.md),
  junit: masked(formatters.junit),
  html: masked(formatters.html),
};

/** The report files of this name as a lifecycle reporter (the ReporterSet masks the results first). */
export function fileReporter(name: ReporterName, catalogue: Catalogue): LifecycleReporter {
  const formatter = formatters[name];
  return { name, onEnd: (results) => formatter.files(results, catalogue) };
}

/**
 * Writes the named reports into `dir` (created if missing), all or none (reportSet.ts), and returns
 * the paths written, in order.
 * The results are masked once, then handed to each reporter with the catalogue's words
 * (engine/reportCatalogue.ts; without one, ids are shown in words of their own).
 */
export function writeReports(
  dir: string,
  results: ResultsFile,
  names: readonly ReporterName[],
  catalogue: Catalogue = NO_CATALOGUE,
): string[] {
  const safe = maskResults(results);
  return writeReportSet(
    dir,
    names.flatMap((name) => formatters[name].files(safe, catalogue)),
  );
}

/** No catalogue: every id is shown in words of its own. */
const NO_CATALOGUE: Catalogue = { findings: {}, faults: {}, terms: {}, actionLabel: humanize };

const ALIASES: Record<string, ReporterName> = {
  markdown: 'md',
  summary: 'md',
  xml: 'junit',
  'junit-xml': 'junit',
  htm: 'html',
  results: 'json',
};

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

function suggest(name: string): ReporterName | undefined {
  const lower = name.toLowerCase();
  if (ALIASES[lower]) return ALIASES[lower];
  let best: ReporterName | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const known of REPORTER_NAMES) {
    const d = known.startsWith(lower) || lower.startsWith(known) ? 1 : distance(lower, known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return bestDistance <= 2 ? best : undefined;
}

/**
 * Parses `--reporter json,md`: trims, drops duplicates, keeps the order. Throws an Error that names
 * the known reporters (and the nearest one) for an unknown name.
 */
export function parseReporterList(text: string): ReporterName[] {
  const names = text
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  if (names.length === 0) {
    throw new Error(`No reporter given. Known reporters: ${REPORTER_NAMES.join(', ')}.`);
  }
  const out: ReporterName[] = [];
  for (const name of names) {
    if (!(REPORTER_NAMES as readonly string[]).includes(name)) {
      const near = suggest(name);
      throw new Error(
        `Unknown reporter "${name}". Known reporters: ${REPORTER_NAMES.join(', ')}.` +
          (near ? ` Did you mean "${near}"?` : ''),
      );
    }
    if (!out.includes(name as ReporterName)) out.push(name as ReporterName);
  }
  return out;
}
