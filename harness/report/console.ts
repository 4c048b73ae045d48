/**
 * Terminal output: a progress reporter and the one-line summary.
 *
 * On a TTY the progress is a single line redrawn in place with a bar; elsewhere (CI logs, pipes) it
 * is a plain line every 10% at most. Colour only on a TTY, only when asked for, never when NO_COLOR
 * is set (https://no-color.org: present and not empty).
 */
import type { Summary } from '../core/contract.ts';

export interface ProgressStream {
  write(text: string): unknown;
  columns?: number;
  isTTY?: boolean;
}

export interface ProgressOptions {
  total: number;
  stream: ProgressStream;
  /** Defaults to `stream.isTTY`. */
  isTTY?: boolean;
  /** Ask for colour (default true); it is used only on a TTY and without NO_COLOR. */
  color?: boolean;
  /** Defaults to `process.env`. */
  env?: Record<string, string | undefined>;
}

export interface Progress {
  /** One run finished; `label` names it (e.g. `scenario · faults`). */
  tick(label?: string): void;
  /** Ends the progress output with the summary line. */
  done(summary: Summary): void;
}

const BAR_WIDTH = 24;

const ansi = {
  green: (s: string) => `\x1b[32m${s}\x1b[39m`,
  red: (s: string) => `\x1b[31m${s}\x1b[39m`,
  yellow: (s: string) => `\x1b[33m${s}\x1b[39m`,
  cyan: (s: string) => `\x1b[36m${s}\x1b[39m`,
  bold: (s: string) => `\x1b[1m${s}\x1b[22m`,
  dim: (s: string) => `\x1b[2m${s}\x1b[22m`,
};
const plain = (s: string) => s;

export function colorEnabled(options: {
  isTTY: boolean;
  color?: boolean;
  env?: Record<string, string | undefined>;
}) {
  const env = options.env ?? process.env;
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return options.isTTY && options.color !== false && !noColor;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * `38 runs · 30 ok · 4 recovered · 2 with help · 2 dead ends · 1 missed expectation`; with a
 * baseline, `2 dead ends (1 accepted)`.
 */
export function summaryLine(summary: Summary, options: { color?: boolean } = {}): string {
  const c = options.color
    ? ansi
    : { green: plain, red: plain, yellow: plain, cyan: plain, bold: plain, dim: plain };
  const o = summary.outcomes;
  const parts = [
    count(summary.runs, 'run'),
    c.green(`${o.ok} ok`),
    c.cyan(`${o.recovered} recovered`),
    c.yellow(`${o['recovered-with-help']} with help`),
    (o['dead-end'] > 0 ? c.red(count(o['dead-end'], 'dead end')) : count(0, 'dead end')) +
      (summary.accepted ? ` (${summary.accepted} accepted)` : ''),
    summary.failed > 0
      ? c.bold(c.red(count(summary.failed, 'missed expectation')))
      : c.green(count(0, 'missed expectation')),
  ];
  return parts.join(c.dim(' · '));
}

export function createProgress(options: ProgressOptions): Progress {
  const { stream, total } = options;
  const tty = options.isTTY ?? stream.isTTY === true;
  const color = colorEnabled({ isTTY: tty, color: options.color ?? true, env: options.env });
  let finished = 0;
  let lastStep = 0;
  let lastDrawn = -1;
  let ended = false;

  const ratio = () => (total > 0 ? Math.min(1, finished / total) : 1);

  function drawLine(label: string): void {
    const width = Math.max(20, stream.columns ?? 80);
    const filled = Math.round(ratio() * BAR_WIDTH);
    const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
    const counter = `${finished}/${total}`;
    const percent = `${Math.floor(ratio() * 100)}%`.padStart(4);
    const fixed = BAR_WIDTH + counter.length + percent.length + 4;
    const room = width - fixed - 1;
    const text = room > 1 ? (label.length > room ? `${label.slice(0, room - 1)}…` : label) : '';
    const coloured = color ? ansi.cyan(bar) : bar;
    stream.write(
      `\r\x1b[2K${coloured} ${counter} ${percent}${text ? ` ${color ? ansi.dim(text) : text}` : ''}`,
    );
  }

  return {
    tick(label = '') {
      if (ended) return;
      finished++;
      if (tty) {
        // Redraw at most 1000 times a run: a fast suite finishes thousands of runs a second.
        const permille = Math.floor(ratio() * 1000);
        if (permille !== lastDrawn || finished === total) {
          lastDrawn = permille;
          drawLine(label);
        }
        return;
      }
      const step = total > 0 ? Math.floor((finished * 10) / total) : 10;
      if (step > lastStep) {
        lastStep = step;
        stream.write(`deadend: ${finished}/${total} runs (${Math.floor(ratio() * 100)}%)\n`);
      }
    },
    done(summary) {
      if (ended) return;
      ended = true;
      stream.write(`${tty ? '\r\x1b[2K' : ''}${summaryLine(summary, { color })}\n`);
    },
  };
}
