// The import rules of .dependency-cruiser.js (run by `npm run lint`), exercised on small trees in
// a temporary folder laid out like the target layout: each broken import must fail the check.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import { afterEach, describe, expect, it } from 'vitest';

const configFile = join(dirname(fileURLToPath(import.meta.url)), '..', '.dependency-cruiser.js');
const config: { forbidden: IForbiddenRuleType[]; options: Record<string, unknown> } = (
  await import(pathToFileURL(configFile).href)
).default;

let root = '';
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = '';
});

/** Writes `files` (path → imported paths) as TypeScript modules and returns the rules they break. */
async function brokenRules(files: Record<string, string[]>): Promise<string[]> {
  root = await mkdtemp(join(tmpdir(), 'deadend-import-rules-'));
  for (const [file, imports] of Object.entries(files)) {
    const path = join(root, file);
    await mkdir(dirname(path), { recursive: true });
    const lines = imports.map(
      (to, i) => `import { x as x${i} } from '${relativeSpec(file, to)}';\nexport const y${i} = x${i};`,
    );
    await writeFile(path, `${lines.join('\n')}\nexport const x = 1;\n`);
  }
  const roots = [...new Set(Object.keys(files).map((file) => file.split('/')[0]!))];
  const { output } = await cruise(roots, {
    ...config.options,
    baseDir: root, // rule paths are relative to it, as they are to the repository in `npm run lint`
    validate: true,
    ruleSet: { forbidden: config.forbidden },
    outputType: 'json',
  });
  const result: ICruiseResult = typeof output === 'string' ? JSON.parse(output) : output;
  return [...new Set(result.summary.violations.map((v) => v.rule.name))].sort();
}

function relativeSpec(from: string, to: string): string {
  const up = from.split('/').length - 1;
  return `${'../'.repeat(up)}${to}`;
}

describe('import rules', () => {
  it('have no exceptions: the known-violations baseline and the tolerated folder cycles are empty', async () => {
    const baseline = JSON.parse(
      await readFile(join(dirname(configFile), '.dependency-cruiser-known-violations.json'), 'utf8'),
    );
    const { KNOWN_FOLDER_CYCLES } = await import(pathToFileURL(configFile).href);
    expect(baseline).toEqual([]);
    expect(KNOWN_FOLDER_CYCLES).toEqual({});
  });

  it('accept a tree that follows the layers', async () => {
    expect(
      await brokenRules({
        'harness/clock/instant.ts': [],
        'harness/core/world.ts': ['harness/clock/instant.ts'],
        'harness/services/mail/model.ts': ['harness/core/world.ts'],
        'harness/services/index.ts': ['harness/services/mail/model.ts'],
        'harness/merchant/policy.ts': ['harness/services/index.ts'],
        'harness/engine/run.ts': ['harness/merchant/policy.ts', 'harness/core/world.ts'],
        'harness/report/json.ts': ['harness/core/contract.ts'],
        'harness/core/contract.ts': [],
        'harness/cli/program.ts': ['harness/engine/run.ts', 'harness/report/json.ts'],
        'harness/engine/run.test.ts': ['harness/cli/program.ts'],
        'fixtures/shop/shop.ts': ['harness/merchant/policy.ts', 'harness/clock/instant.ts'],
      }),
    ).toEqual([]);
  });

  it('fail when the core imports a folder above it', async () => {
    expect(
      await brokenRules({
        'harness/core/world.ts': ['harness/engine/run.ts'],
        'harness/engine/run.ts': [],
      }),
    ).toEqual(['layer-core']);
  });

  it('fail on a cycle between folders even when no module cycle exists', async () => {
    const broken = await brokenRules({
      'harness/customer/steps.ts': ['harness/oracles/seen.ts'],
      'harness/oracles/seen.ts': [],
      'harness/oracles/findings.ts': ['harness/customer/effort.ts'],
      'harness/customer/effort.ts': [],
    });
    expect(broken).toContain('no-folder-cycles');
  });

  it('fail when a service imports the merchant or another service', async () => {
    expect(
      await brokenRules({
        'harness/services/support/remedies.ts': [
          'harness/merchant/flows.ts',
          'harness/services/mail/model.ts',
        ],
        'harness/merchant/flows.ts': [],
        'harness/services/mail/model.ts': [],
      }),
    ).toEqual(['layer-services', 'services-are-independent']);
  });

  it('fail when code outside the services reaches into a service folder past the list', async () => {
    expect(
      await brokenRules({
        'harness/merchant/flows.ts': ['harness/services/payment/billing.ts'],
        'harness/services/payment/billing.ts': [],
      }),
    ).toEqual(['services-list-is-the-door']);
  });

  it('fail when a reporter reads more than the contract', async () => {
    expect(
      await brokenRules({
        'harness/report/html.ts': ['harness/core/world.ts'],
        'harness/core/world.ts': [],
      }),
    ).toEqual(['reporters-read-only-the-contract']);
  });

  it('fail when the reference shop imports merchant code other than the policy module', async () => {
    expect(
      await brokenRules({
        'fixtures/shop/shop.ts': ['harness/merchant/flows.ts'],
        'harness/merchant/flows.ts': [],
      }),
    ).toEqual(['shop-uses-the-policy-module']);
  });

  it('fail on an unknown folder, an import of a test and of test data', async () => {
    expect(
      await brokenRules({
        'harness/stuff/thing.ts': ['harness/clock/instant.ts'],
        'harness/clock/instant.ts': [],
        'harness/engine/run.ts': ['harness/engine/run.test.ts', 'harness/engine/testdata/toy.ts'],
        'harness/engine/run.test.ts': [],
        'harness/engine/testdata/toy.ts': [],
      }),
    ).toEqual(['no-importing-tests', 'testdata-is-for-tests', 'unknown-folder']);
  });
});
