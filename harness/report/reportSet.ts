/**
 * A report set is written whole or not at all: every file goes to a hidden folder inside the
 * report folder first, and is renamed into place only when all are written. Before a suite runs,
 * the previous run's set is retired, so an interrupted or crashed run never leaves an older
 * report looking current, and a reader never sees old and new files side by side.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ReportFile } from './reporter.ts';

/** The files the reporters write (json, md, junit, html). */
export const REPORT_FILES = ['results.json', 'summary.md', 'junit.xml', 'report.html'] as const;

const STAGING_PREFIX = '.deadend-writing-';

/** Removes the previous run's report files (only those deadend writes) and staging left by a killed run. */
export function retireReportSet(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // no folder yet
  }
  for (const name of names) {
    if ((REPORT_FILES as readonly string[]).includes(name) || name.startsWith(STAGING_PREFIX)) {
      rmSync(join(dir, name), { recursive: true, force: true });
    }
    // A streamed results.json's spool from a killed run.
    if (/^\.results\.json\.\d+\.(spool|tmp)$/.test(name)) rmSync(join(dir, name), { force: true });
  }
}

/** Writes `files` into `dir` through a staging folder; returns the paths written, in order. */
export function writeReportSet(dir: string, files: readonly ReportFile[]): string[] {
  mkdirSync(dir, { recursive: true });
  const staging = join(dir, `${STAGING_PREFIX}${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const file of files) {
      const path = join(staging, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
    const written: string[] = [];
    for (const file of files) {
      const path = join(dir, file.path);
      mkdirSync(dirname(path), { recursive: true });
      renameSync(join(staging, file.path), path);
      written.push(path);
    }
    return written;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
