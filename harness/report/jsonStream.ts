/**
 * results.json written while the suite runs: each scenario's results are masked, written to a
 * spool file and dropped, the summary is built on the way, and the file is assembled at the
 * end. The bytes are those of the JSON reporter for the same results, so a suite of any size
 * runs in flat memory and still gives the contract.
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { maskResults } from './mask.ts';
import { SummaryBuilder } from './merge.ts';
import type { ResultsFile, ScenarioResult, Summary } from './results.ts';

export type ResultsHead = Pick<ResultsFile, 'schemaVersion' | 'tool' | 'seed' | 'target' | 'selection'>;

/** An element of the top-level `scenarios` array, indented as JSON.stringify(…, null, 2) does. */
function element(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/^/gm, '    ');
}

/** A top-level property value, indented as in the whole file. */
function property(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
}

export function writeResultsStreaming(
  path: string,
  head: ResultsHead,
  scenarios: Iterable<ScenarioResult>,
  /** Top-level fields known only once every scenario ran (the what-if `fixes`). */
  tail: () => Pick<ResultsFile, 'fixes'> = () => ({}),
): Summary {
  const spool = join(dirname(path), `.results.json.${process.pid}.spool`);
  const builder = new SummaryBuilder();
  const fd = openSync(spool, 'w');
  let count = 0;
  try {
    for (const scenario of scenarios) {
      builder.add(scenario);
      writeSync(fd, `${count === 0 ? '' : ',\n'}${element(maskResults(scenario))}`);
      count++;
    }
  } finally {
    closeSync(fd);
  }
  const summary = builder.summary();
  const out = openSync(path, 'w');
  try {
    const top = Object.entries({ ...head, summary })
      .map(([k, v]) => `  ${JSON.stringify(k)}: ${property(v)}`)
      .join(',\n');
    writeSync(out, `{\n${top},\n  "scenarios": ${count === 0 ? '[]' : '[\n'}`);
    if (count > 0) {
      const src = openSync(spool, 'r');
      const buf = Buffer.alloc(1 << 20);
      try {
        for (let n = readSync(src, buf); n > 0; n = readSync(src, buf)) writeSync(out, buf, 0, n);
      } finally {
        closeSync(src);
      }
      writeSync(out, '\n  ]');
    }
    for (const [k, v] of Object.entries(maskResults(tail()))) {
      if (v !== undefined) writeSync(out, `,\n  ${JSON.stringify(k)}: ${property(v)}`);
    }
    writeSync(out, '\n}\n');
  } finally {
    closeSync(out);
    rmSync(spool, { force: true });
  }
  return summary;
}
