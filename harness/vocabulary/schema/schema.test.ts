/**
 * The eight story files must fit the vocabulary schema, so the schema and the examples that
 * motivate it cannot drift apart: scenarios in scenarios/stories/, their profiles in
 * fixtures/merchants/ (the open ones: those that declare a vocabulary), shared vocabularies in
 * fixtures/vocabularies/. Shape only: references are resolved by the loader (scenario/open).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openMerchantProfileSchema, openScenarioSchema, vocabularyFileSchema } from './index.ts';

const ROOT = path.join(import.meta.dirname, '../../..');
const STORIES = path.join(ROOT, 'scenarios/stories');
const MERCHANTS = path.join(ROOT, 'fixtures/merchants');
const VOCABULARIES = path.join(ROOT, 'fixtures/vocabularies');
/** Keys only an open profile has (the loader's detection, harness/scenario/open/detect.ts). */
const OPEN_KEYS = ['include', 'extends', 'messages', 'channels', 'facts', 'actions', 'processes'];

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? yamlFiles(path.join(dir, e.name))
      : e.name.endsWith('.yaml')
        ? [path.join(dir, e.name)]
        : [],
  );
}

const read = (file: string) => parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

function schemaFor(file: string) {
  if (file.startsWith(VOCABULARIES)) return vocabularyFileSchema;
  return file.startsWith(MERCHANTS) ? openMerchantProfileSchema : openScenarioSchema;
}

describe('the eight stories as data fit the vocabulary schema', () => {
  const profiles = yamlFiles(MERCHANTS).filter((f) => OPEN_KEYS.some((k) => k in read(f)));
  const files = [...yamlFiles(STORIES), ...profiles, ...yamlFiles(VOCABULARIES)];

  it('has a scenario naming each story 101–108', () => {
    const stories = files
      .map(read)
      .map((d) => d.story)
      .filter((s): s is string => typeof s === 'string');
    for (const n of [101, 102, 103, 104, 105, 106, 107, 108])
      expect(stories.some((s) => s.startsWith(`stories/${n}-`))).toBe(true);
  });

  it('finds the eight profiles and both vocabularies', () => {
    expect(profiles.length).toBe(8);
    expect(yamlFiles(VOCABULARIES).length).toBeGreaterThanOrEqual(2);
  });

  it.each(files.map((f) => [path.relative(ROOT, f), f]))('%s', (_name, file) => {
    const data = read(file);
    const result = schemaFor(file).safeParse(data);
    expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(
      [],
    );
  });

  it('rejects a business duration object without a calendar', () => {
    const wait = { wait: { for: { length: '2 business days' } } };
    expect(openScenarioSchema.shape.steps.element.safeParse(wait).success).toBe(false);
  });
});
