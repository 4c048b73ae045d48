import { describe, expect, it } from 'vitest';
import type { Summary } from '../core/contract.ts';
import { createProgress, summaryLine } from './console.ts';
import { sampleResults } from './fixtures/sample-results.ts';

function capture(columns = 80) {
  const chunks: string[] = [];
  return { chunks, stream: { columns, write: (s: string) => chunks.push(s) } };
}

const BIG: Summary = {
  scenarios: 9,
  runs: 38,
  passed: 37,
  failed: 1,
  outcomes: { ok: 30, recovered: 4, 'recovered-with-help': 2, 'dead-end': 2 },
  findings: {},
  failedExpectations: [],
};
const ESC = String.fromCharCode(27);
const ANSI = new RegExp(`${ESC}\\[`);
const stripAnsi = (s: string) => s.replace(new RegExp(`${ESC}\\[\\d+m`, 'g'), '');

describe('summaryLine', () => {
  it('says everything in one line', () => {
    expect(summaryLine(BIG)).toBe(
      '38 runs · 30 ok · 4 recovered · 2 with help · 2 dead ends · 1 missed expectation',
    );
    expect(summaryLine(sampleResults().summary)).toBe(
      '6 runs · 2 ok · 2 recovered · 1 with help · 1 dead end · 1 missed expectation',
    );
  });

  it('colours only when asked', () => {
    expect(summaryLine(BIG, { color: true })).toMatch(ANSI);
    expect(stripAnsi(summaryLine(BIG, { color: true }))).toBe(summaryLine(BIG));
  });
});

describe('createProgress', () => {
  it('off a TTY prints a plain line every 10% at most, then the summary, without colour', () => {
    const { chunks, stream } = capture();
    const progress = createProgress({ total: 38, stream, isTTY: false, color: true, env: {} });
    for (let i = 0; i < 38; i++) progress.tick(`run ${i}`);
    progress.done(BIG);
    const lines = chunks.join('').split('\n').filter(Boolean);
    expect(lines.length).toBeLessThanOrEqual(11);
    expect(lines[0]).toBe('deadend: 4/38 runs (10%)');
    expect(lines.at(-2)).toBe('deadend: 38/38 runs (100%)');
    expect(lines.at(-1)).toBe(summaryLine(BIG));
    expect(chunks.join('')).not.toMatch(ANSI);
    expect(chunks.join('')).not.toContain('\r');
  });

  it('on a TTY redraws one line with a bar and the label, then ends with the summary', () => {
    const { chunks, stream } = capture(60);
    const progress = createProgress({ total: 4, stream, isTTY: true, color: false, env: {} });
    progress.tick('converter-lite-christmas-eve · mail.quarantined + support.closed');
    expect(chunks[0]).toBe(`\r\x1b[2K${'█'.repeat(6)}${'░'.repeat(18)} 1/4  25% converter-lite-christma…`);
    expect(chunks[0]!.replace('\r\x1b[2K', '').length).toBeLessThanOrEqual(60);
    for (let i = 0; i < 3; i++) progress.tick('x');
    progress.done(BIG);
    const output = chunks.join('');
    expect(output.split('\n')).toHaveLength(2);
    expect(output.endsWith(`\r\x1b[2K${summaryLine(BIG)}\n`)).toBe(true);
  });

  it('colours on a TTY, but never when NO_COLOR is set', () => {
    const coloured = capture();
    const p1 = createProgress({ total: 2, stream: coloured.stream, isTTY: true, color: true, env: {} });
    p1.tick('a');
    p1.done(BIG);
    expect(coloured.chunks.join('')).toContain(`${ESC}[36m`);

    const plain = capture();
    const p2 = createProgress({
      total: 2,
      stream: plain.stream,
      isTTY: true,
      color: true,
      env: { NO_COLOR: '1' },
    });
    p2.tick('a');
    p2.done(BIG);
    expect(plain.chunks.join('').replaceAll(`\r${ESC}[2K`, '')).not.toMatch(ANSI);
  });
});
