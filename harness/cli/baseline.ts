/** The baseline of accepted dead ends in use by `run` and `merge-reports`, and its section of the output. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ResultsFile } from '../core/contract.ts';
import { BASELINE_FILE, type BaselineEntry } from '../report/baseline.ts';
import { baselineReport } from '../report/terminal.ts';
import { UsageError } from './io.ts';

/** The baseline in use: `--baseline FILE`, else deadend-baseline.json in the cwd when it exists. */
export async function loadBaseline(opts: { baseline?: string; updateBaseline?: boolean }) {
  const { readBaseline } = await import('../report/baseline.ts');
  const path =
    opts.baseline ?? (existsSync(BASELINE_FILE) || opts.updateBaseline ? BASELINE_FILE : undefined);
  if (path === undefined) return undefined;
  if (!existsSync(path) && !opts.updateBaseline) {
    throw new UsageError(
      `--baseline ${path}: no such file. Create it with \`deadend run --update-baseline --baseline ${path}\`.`,
    );
  }
  try {
    return { path, baseline: readBaseline(path) };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * Applies the baseline (or, with --update-baseline, writes it from these results first) and returns
 * the results as they count, with the baseline section of the output.
 */
export async function withBaseline(
  results: ResultsFile,
  found: Awaited<ReturnType<typeof loadBaseline>>,
  update: boolean,
): Promise<{ results: ResultsFile; text: string }> {
  const { applyBaseline, compareToBaseline, stringifyBaseline, updatedBaseline } = await import(
    '../report/baseline.ts'
  );
  if (!found) {
    return {
      results,
      text: baselineReport(compareToBaseline(results, { schemaVersion: 1, accepted: [] }), {}),
    };
  }
  if (!update) {
    const applied = applyBaseline(results, found.baseline);
    return {
      results: applied,
      text: baselineReport(compareToBaseline(applied, found.baseline), { path: found.path }),
    };
  }
  const next = updatedBaseline(results, found.baseline);
  mkdirSync(dirname(found.path), { recursive: true });
  writeFileSync(found.path, stringifyBaseline(next));
  const key = (e: BaselineEntry) => `${e.scenario}\u0000${[...e.faults].sort().join('+')}`;
  const oldKeys = new Set(found.baseline.accepted.map(key));
  const newKeys = new Set(next.accepted.map(key));
  const applied = applyBaseline(results, next);
  return {
    results: applied,
    text: baselineReport(compareToBaseline(applied, next), {
      path: found.path,
      updated: {
        added: next.accepted.filter((e) => !oldKeys.has(key(e))),
        dropped: found.baseline.accepted.filter((e) => !newKeys.has(key(e))),
        total: next.accepted.length,
      },
    }),
  };
}
