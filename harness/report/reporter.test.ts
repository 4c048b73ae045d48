import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportCatalogue } from '../engine/reportCatalogue.ts';
import { sampleResults } from './fixtures/sample-results.ts';
import { parseReporterList, REPORTER_NAMES, reporters, writeReports } from './reporter.ts';

describe('parseReporterList', () => {
  it('reads a comma-separated list, trimming and dropping duplicates, in the given order', () => {
    expect(parseReporterList('json,md')).toEqual(['json', 'md']);
    expect(parseReporterList(' html , junit,html ')).toEqual(['html', 'junit']);
  });

  it('names the known reporters and the nearest one for an unknown name', () => {
    expect(() => parseReporterList('json,mdd')).toThrow(
      'Unknown reporter "mdd". Known reporters: json, md, junit, html. Did you mean "md"?',
    );
    expect(() => parseReporterList('junti')).toThrow('Did you mean "junit"?');
    expect(() => parseReporterList('markdown')).toThrow('Did you mean "md"?');
    expect(() => parseReporterList('HTML')).toThrow('Did you mean "html"?');
  });

  it('does not guess when nothing is close', () => {
    let message = '';
    try {
      parseReporterList('pdf-export');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('Unknown reporter "pdf-export". Known reporters: json, md, junit, html.');
  });

  it('rejects an empty list', () => {
    expect(() => parseReporterList(' , ')).toThrow(
      'No reporter given. Known reporters: json, md, junit, html.',
    );
  });
});

describe('writeReports', () => {
  it('creates the directory and writes one file per reporter, returning the paths', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'deadend-report-')), 'nested', 'reports');
    const written = writeReports(dir, sampleResults(), ['json', 'md', 'junit', 'html']);
    expect(written).toEqual(
      ['results.json', 'summary.md', 'junit.xml', 'report.html'].map((f) => join(dir, f)),
    );
    expect(readdirSync(dir).sort()).toEqual(['junit.xml', 'report.html', 'results.json', 'summary.md']);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('1 of 6 runs missed its expectation');
  });

  it('writes only the reporters asked for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deadend-report-'));
    expect(writeReports(dir, sampleResults(), ['junit'])).toEqual([join(dir, 'junit.xml')]);
    expect(readdirSync(dir)).toEqual(['junit.xml']);
  });

  it('writes what the registry reporters produce, byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deadend-report-'));
    writeReports(dir, sampleResults(), REPORTER_NAMES, reportCatalogue());
    for (const name of REPORTER_NAMES) {
      for (const file of reporters[name].files(sampleResults(), reportCatalogue())) {
        expect(readFileSync(join(dir, file.path), 'utf8')).toBe(file.content);
      }
    }
  });
});
