/**
 * results.json written while the suite runs: each scenario's results are masked, written to a
 * spool file and dropped, the summary is built on the way, and the file is assembled at the
 * end. The bytes are those of the JSON reporter for the same results, so a suite of any size
 * runs in flat memory and still gives the contract.
 */
import { closeSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ResultsFile, ScenarioResult, Summary } from '../core/contract.ts';
import { SummaryBuilder } from '../core/merge.ts';
import { maskResults } from './mask.ts';

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
  tail: () => Pick<ResultsFile, 'fixes' | 'partial'> = () => ({}),
): Summary {
  const spool = new ResultsSpool(path, head);
  try {
    for (const scenario of scenarios) spool.add(scenario);
  } catch (e) {
    spool.discard();
    throw e;
  }
  return spool.finish(tail());
}

/**
 * The streamed results.json, one scenario at a time, for a caller that drives the loop itself
 * (the CLI, which lets the event loop turn so that Ctrl-C can stop the suite). `finish` writes
 * the file beside its final name and renames it, so results.json is never half written.
 */
export class ResultsSpool {
  readonly #path: string;
  readonly #head: ResultsHead;
  readonly #spool: string;
  readonly #builder = new SummaryBuilder();
  #fd: number | undefined;
  #count = 0;

  constructor(path: string, head: ResultsHead) {
    this.#path = path;
    this.#head = head;
    this.#spool = join(dirname(path), `.results.json.${process.pid}.spool`);
    this.#fd = openSync(this.#spool, 'w');
  }

  get summary(): Summary {
    return this.#builder.summary();
  }

  add(scenario: ScenarioResult): void {
    this.#builder.add(scenario);
    writeSync(this.#fd!, `${this.#count === 0 ? '' : ',\n'}${element(maskResults(scenario))}`);
    this.#count++;
  }

  /** Removes the spool without writing results.json. */
  discard(): void {
    this.#close();
    rmSync(this.#spool, { force: true });
  }

  finish(tail: Pick<ResultsFile, 'fixes' | 'partial'> = {}): Summary {
    this.#close();
    const summary = this.#builder.summary();
    const temp = join(dirname(this.#path), `.results.json.${process.pid}.tmp`);
    try {
      const out = openSync(temp, 'w');
      try {
        this.#assemble(out, summary, tail);
      } finally {
        closeSync(out);
      }
      renameSync(temp, this.#path);
    } catch (e) {
      rmSync(temp, { force: true });
      throw e;
    } finally {
      rmSync(this.#spool, { force: true });
    }
    return summary;
  }

  #assemble(out: number, summary: Summary, tail: Pick<ResultsFile, 'fixes' | 'partial'>): void {
    const top = Object.entries({ ...this.#head, summary })
      .map(([k, v]) => `  ${JSON.stringify(k)}: ${property(v)}`)
      .join(',\n');
    writeSync(out, `{\n${top},\n  "scenarios": ${this.#count === 0 ? '[]' : '[\n'}`);
    if (this.#count > 0) {
      const src = openSync(this.#spool, 'r');
      const buf = Buffer.alloc(1 << 20);
      try {
        for (let n = readSync(src, buf); n > 0; n = readSync(src, buf)) writeSync(out, buf, 0, n);
      } finally {
        closeSync(src);
      }
      writeSync(out, '\n  ]');
    }
    for (const [k, v] of Object.entries(maskResults(tail))) {
      if (v !== undefined) writeSync(out, `,\n  ${JSON.stringify(k)}: ${property(v)}`);
    }
    writeSync(out, '\n}\n');
  }

  #close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }
}
