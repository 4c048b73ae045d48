import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { standInFaults } from '../../scenario/testdata/standInFaults.ts';
import { validateCommand } from './validate.ts';

const TD = path.relative(process.cwd(), path.join(import.meta.dirname, '../../scenario/testdata'));
const merchantsDir = path.join(TD, 'merchants');

async function run(paths: string[]) {
  const lines: string[] = [];
  const code = await validateCommand(paths, {
    merchantsDir,
    calendarsDir: path.join(TD, 'calendars'),
    faults: standInFaults,
    out: (l) => lines.push(l),
  });
  return { code, lines };
}

describe('validateCommand', () => {
  it('exits 0 and says how many scenarios are valid', async () => {
    expect(await run([path.join(TD, 'valid')])).toEqual({ code: 0, lines: ['3 scenarios valid'] });
    expect(await run([path.join(TD, 'valid', 'minimal.yaml')])).toEqual({
      code: 0,
      lines: ['1 scenario valid'],
    });
  });

  it('exits 2, prints every error as file:line:col: message with its hint, then a summary', async () => {
    const unknownStep = path.join(TD, 'invalid', 'unknown-step.yaml');
    const missing = path.join(TD, 'invalid', 'merchant-missing.yaml');
    const { code, lines } = await run([unknownStep, path.join(TD, 'valid'), missing]);
    expect(code).toBe(2);
    expect(lines).toEqual([
      `${missing}:4:11: no merchant profile "tiyn" — looked for ${path.join(merchantsDir, 'tiyn.yaml')}; known: broken, tiny — did you mean "tiny"?`,
      `${unknownStep}:11:5: unknown step "ordr" — did you mean "order"? Steps: order, await-mail, await-delivery, install, activate, log-in, await-statement, contact-support, cancel-subscription, wait`,
      `${unknownStep}:12:5: step "log-in" needs a map after it: write "log-in: {}" if it takes no parameters`,
      // 5 scenario files and the one merchant profile they use (tiyn does not exist)
      '3 errors in 2 of 6 files',
    ]);
  });

  it('also validates the merchant profiles the scenarios use', async () => {
    const { code, lines } = await run([path.join(TD, 'invalid', 'merchant-invalid.yaml')]);
    expect(code).toBe(2);
    const broken = path.join(merchantsDir, 'broken.yaml');
    expect(lines.filter((l) => l.startsWith(`${broken}:`)).map((l) => l.split(': ')[0])).toEqual([
      `${broken}:8:12`,
      `${broken}:9:11`,
    ]);
    expect(lines.at(-1)).toBe('3 errors in 2 of 2 files');
  });

  it('exits 2 for a path that does not exist', async () => {
    const { code, lines } = await run(['no/such/dir']);
    expect(code).toBe(2);
    expect(lines[0]).toMatch(/^no\/such\/dir:1:1: cannot read: ENOENT/);
  });
});
