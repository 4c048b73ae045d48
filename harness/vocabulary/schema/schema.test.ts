/**
 * The proposal's story files (docs/proposals/stories/) must fit the vocabulary sketch, so the
 * sketch and the examples that motivate it cannot drift apart before the loader uses them.
 * Shape only: references are resolved by validate once the vocabulary is wired in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openMerchantProfileSchema, openScenarioSchema, vocabularyFileSchema } from './index.ts';

const STORIES = path.join(import.meta.dirname, '../../../docs/proposals/stories');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? yamlFiles(path.join(dir, e.name))
      : e.name.endsWith('.yaml')
        ? [path.join(dir, e.name)]
        : [],
  );
}

/** A profile has `name` and `timezone`; a vocabulary file lives in vocabularies/; the rest are scenarios. */
function schemaFor(file: string, data: Record<string, unknown>) {
  if (file.includes(`${path.sep}vocabularies${path.sep}`)) return vocabularyFileSchema;
  return 'goal' in data ? openScenarioSchema : openMerchantProfileSchema;
}

describe('the eight stories as data fit the vocabulary sketch', () => {
  const files = yamlFiles(STORIES);

  it('has a scenario naming each story 101–108', () => {
    const stories = files
      .map((f) => parse(readFileSync(f, 'utf8')) as Record<string, unknown>)
      .map((d) => d.story)
      .filter((s): s is string => typeof s === 'string');
    for (const n of [101, 102, 103, 104, 105, 106, 107, 108])
      expect(stories.some((s) => s.startsWith(`stories/${n}-`))).toBe(true);
  });

  it.each(files.map((f) => [path.relative(STORIES, f), f]))('%s', (_name, file) => {
    const data = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const result = schemaFor(file, data).safeParse(data);
    expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(
      [],
    );
  });

  it('rejects a business duration object without a calendar', () => {
    const wait = { wait: { for: { length: '2 business days' } } };
    expect(openScenarioSchema.shape.steps.element.safeParse(wait).success).toBe(false);
  });
});
