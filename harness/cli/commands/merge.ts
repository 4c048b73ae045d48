/** `deadend merge-reports`: the results of the shards of one run merged into the report of the whole. */
import { join } from 'node:path';
import type { ResultsFile } from '../../core/contract.ts';
import { mergeResults, parseShard } from '../../core/merge.ts';
import { loadBaseline, withBaseline } from '../baseline.ts';
import { type IO, UsageError } from '../io.ts';
import { checkReportDir, parseReporters } from '../options.ts';
import { printOutcome } from '../printOutcome.ts';
import { mergeAnalysisDirs } from './analyze.ts';

export interface MergeOptions {
  report: string;
  reporter: string;
  baseline?: string;
  quiet?: boolean;
}

/** Every shard i/n of the parts must be there exactly once, or the merged report would look green. */
export function checkShardsComplete(parts: readonly ResultsFile[], names: readonly string[]): void {
  const shards = parts.map((p) => p.selection.shard);
  if (shards.every((s) => s === undefined)) return;
  const parsed = shards.map((s, i) => {
    if (s === undefined)
      throw new UsageError(`${names[i]} is not a shard, but the others are: merge only shards.`);
    try {
      return parseShard(s);
    } catch (e) {
      throw new UsageError(`${names[i]}: selection.shard: ${(e as Error).message.replace(/--shard /g, '')}`);
    }
  });
  const total = parsed[0]!.total;
  if (parsed.some((s) => s.total !== total)) {
    throw new UsageError(`the parts come from different splits: ${shards.join(', ')}.`);
  }
  const missing = Array.from({ length: total }, (_, i) => i + 1).filter(
    (i) => !parsed.some((s) => s.index === i),
  );
  if (missing.length > 0) {
    throw new UsageError(
      `shard ${missing.map((i) => `${i}/${total}`).join(', ')} missing: give the results of all ${total} shards.`,
    );
  }
}

export async function mergeCommand(dirs: string[], opts: MergeOptions, io: IO): Promise<number> {
  checkReportDir(opts.report);
  const reporterNames = await parseReporters(opts.reporter);
  const baseline = await loadBaseline(opts);
  const { readResults } = await import('../../report/json.ts');
  const files = dirs.map((d) => (d.endsWith('.json') ? d : join(d, 'results.json')));
  const parts = files.map((file) => {
    try {
      return readResults(file);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  });
  checkShardsComplete(parts, files);
  let raw: ResultsFile;
  try {
    raw = mergeResults(parts);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // Without a baseline file here, the shards' own acceptance stands.
  const { results: merged, text } = baseline
    ? await withBaseline(raw, baseline, false)
    : { results: raw, text: '' };
  const { writeReports } = await import('../../report/reporter.ts');
  const { reportCatalogue } = await import('../../engine/reportCatalogue.ts');
  const written = writeReports(opts.report, merged, reporterNames, reportCatalogue());
  written.push(...(await mergeAnalysisDirs(dirs, opts.report)));
  return printOutcome(io, merged, { quiet: opts.quiet, report: opts.report, written, baseline: text });
}
