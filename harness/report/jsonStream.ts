/**
 * results.json written while the suite runs: each scenario's results are masked, written to a
 * spool file and dropped, the summary is built on the way, and the file is assembled at the
 * end. The bytes are those of the JSON reporter for the same results, so a suite of any size
 * runs in flat memory and still gives the contract.
 */
import { closeSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ResultsFile, ScenarioResult, Summary } from '../core/contract.ts';
import { maskResults } from '../core/contract.ts';
import { SummaryBuilder } from '../core/merge.ts';
import type { Reporter } from './lifecycle.ts';

export type ResultsHead = Pick<ResultsFile, 'schemaVersion' | 'tool' | 'seed' | 'target' | 'selection'>;

/** An element of the top-level `scenarios` array, indented as JSON.stringify(…, null, 2) does. */
function element(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/^/gm, '    ');
}

/** A top-level property value, indented as in the whole file. */
function property(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
}

/**
 * results.json assembled from scenarios given one at a time (already masked): they go to a spool
 * file beside it, and `finish` writes the head, the summary built on the way, the spooled
 * scenarios and the tail.
 */
export class ResultsStreamWriter {
  private readonly spool: string;
  private readonly builder = new SummaryBuilder();
  private fd: number | undefined;
  private count = 0;
  private readonly path: string;

  constructor(path: string) {
    this.path = path;
    this.spool = join(dirname(path), `.results.json.${process.pid}.spool`);
  }

  add(scenario: ScenarioResult): void {
    this.fd ??= openSync(this.spool, 'w');
    this.builder.add(scenario);
    writeSync(this.fd, `${this.count === 0 ? '' : ',\n'}${element(scenario)}`);
    this.count++;
  }

  /**
   * Writes results.json; `tail` holds the fields known only at the end (the what-if `fixes`, the
   * `partial` mark), masked. The file is written beside its final name and renamed, so
   * results.json is never half written.
   */
  finish(head: ResultsHead, tail: Pick<ResultsFile, 'fixes' | 'partial'> = {}): Summary {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    const summary = this.builder.summary();
    const temp = join(dirname(this.path), `.results.json.${process.pid}.tmp`);
    try {
      const out = openSync(temp, 'w');
      try {
        this.assemble(out, head, summary, tail);
      } finally {
        closeSync(out);
      }
      renameSync(temp, this.path);
    } catch (e) {
      rmSync(temp, { force: true });
      throw e;
    } finally {
      rmSync(this.spool, { force: true });
    }
    return summary;
  }

  private assemble(
    out: number,
    head: ResultsHead,
    summary: Summary,
    tail: Pick<ResultsFile, 'fixes' | 'partial'>,
  ): void {
    const top = Object.entries({ ...head, summary })
      .map(([k, v]) => `  ${JSON.stringify(k)}: ${property(v)}`)
      .join(',\n');
    writeSync(out, `{\n${top},\n  "scenarios": ${this.count === 0 ? '[]' : '[\n'}`);
    if (this.count > 0) {
      const src = openSync(this.spool, 'r');
      const buf = Buffer.alloc(1 << 20);
      try {
        for (let n = readSync(src, buf); n > 0; n = readSync(src, buf)) writeSync(out, buf, 0, n);
      } finally {
        closeSync(src);
      }
      writeSync(out, '\n  ]');
    }
    for (const [k, v] of Object.entries(tail)) {
      if (v !== undefined) writeSync(out, `,\n  ${JSON.stringify(k)}: ${property(v)}`);
    }
    writeSync(out, '\n}\n');
  }

  /** Drops the spool (the suite stopped before its end). */
  abandon(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.spool, { force: true });
  }
}

export function writeResultsStreaming(
  path: string,
  head: ResultsHead,
  scenarios: Iterable<ScenarioResult>,
  /** Top-level fields known only once every scenario ran (the what-if `fixes`). */
  tail: () => Pick<ResultsFile, 'fixes' | 'partial'> = () => ({}),
): Summary {
  const writer = new ResultsStreamWriter(path);
  try {
    for (const scenario of scenarios) writer.add(maskResults(scenario));
  } catch (error) {
    writer.abandon();
    throw error;
  }
  return writer.finish(head, maskResults(tail()));
}

/** The streamed results.json writer as a reporter: each scenario as it finishes, the file at the end. */
export function streamedJsonReporter(path: string): Reporter {
  const writer = new ResultsStreamWriter(path);
  return {
    name: 'json',
    onScenario: (scenario) => writer.add(scenario),
    onEnd: (results) => {
      const { schemaVersion, tool, seed, target, selection, fixes, partial } = results;
      writer.finish({ schemaVersion, tool, seed, target, selection }, { fixes, partial });
    },
    onStop: () => writer.abandon(),
  };
}
