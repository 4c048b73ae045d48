import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAULT_IDS } from '../services/index.ts';
import { jsonSchemaFiles } from './jsonSchema.ts';
import { STEP_KINDS } from './schema.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('schema/*.schema.json', () => {
  it.each(jsonSchemaFiles().map((f) => [f.path, f.content]))(
    '%s is up to date (npm run schema)',
    async (file, content) => {
      const committed = await readFile(path.join(root, file), 'utf8').catch(() => '(missing)');
      expect(committed === content, `${file} is stale: run "npm run schema" and commit the result`).toBe(
        true,
      );
    },
  );

  it('is the same bytes every time', () => {
    expect(jsonSchemaFiles()).toEqual(jsonSchemaFiles());
  });

  it('names itself and offers what editors complete', () => {
    const scenario = JSON.parse(jsonSchemaFiles()[0]!.content);
    expect(scenario).toMatchObject({
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: 'urn:deadend:schema:scenario',
      title: 'deadend scenario',
      additionalProperties: false,
      required: expect.arrayContaining(['id', 'title', 'merchant', 'start', 'goal', 'steps', 'expect']),
    });
    // Defaulted fields are optional in the input: an author need not write them.
    expect(scenario.required).not.toContain('personas');
    const stepKinds = scenario.properties.steps.items.anyOf.map((o: { required: string[] }) => o.required[0]);
    expect(stepKinds).toEqual(STEP_KINDS);
    const faultUse = scenario.properties.faults.items;
    expect(faultUse.properties.fault.anyOf.map((o: { const: string }) => o.const)).toEqual(FAULT_IDS);
    expect(faultUse.allOf).toHaveLength(FAULT_IDS.length);
    const merchant = JSON.parse(jsonSchemaFiles()[1]!.content);
    expect(merchant).toMatchObject({ $id: 'urn:deadend:schema:merchant', title: 'deadend merchant profile' });
  });

  it('is what the test scenarios and merchant profiles point their editors at', async () => {
    const dir = path.join(import.meta.dirname, 'testdata');
    for (const sub of ['valid', 'invalid', 'merchants']) {
      for (const name of (await readdir(path.join(dir, sub))).filter((f) => f.endsWith('.yaml'))) {
        const file = path.join(dir, sub, name);
        const first = (await readFile(file, 'utf8')).split('\n')[0]!;
        const match = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
        expect(match, `${file} starts with the yaml-language-server line`).not.toBeNull();
        const target = path.resolve(path.dirname(file), match![1]!);
        const kind = sub === 'merchants' ? 'merchant' : 'scenario';
        expect(target).toBe(path.join(root, 'schema', `${kind}.schema.json`));
      }
    }
  });

  it('is what the story scenarios, open profiles and vocabulary files point their editors at', async () => {
    const stories = path.join(root, 'scenarios/stories');
    const files: [string, string][] = [];
    for (const dir of await readdir(stories))
      for (const name of (await readdir(path.join(stories, dir))).filter((f) => f.endsWith('.yaml')))
        files.push([path.join(stories, dir, name), 'open-scenario']);
    for (const name of await readdir(path.join(root, 'fixtures/vocabularies')))
      files.push([path.join(root, 'fixtures/vocabularies', name), 'vocabulary']);
    for (const name of await readdir(path.join(root, 'fixtures/merchants'))) {
      const file = path.join(root, 'fixtures/merchants', name);
      if ((await readFile(file, 'utf8')).includes('open-merchant.schema.json'))
        files.push([file, 'open-merchant']);
    }
    expect(files.filter(([, kind]) => kind === 'open-merchant')).toHaveLength(8);
    for (const [file, kind] of files) {
      const first = (await readFile(file, 'utf8')).split('\n')[0]!;
      const match = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
      expect(match, `${file} starts with the yaml-language-server line`).not.toBeNull();
      expect(path.resolve(path.dirname(file), match![1]!)).toBe(
        path.join(root, 'schema', `${kind}.schema.json`),
      );
    }
  });
});
