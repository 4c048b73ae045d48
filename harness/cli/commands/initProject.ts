/** `deadend init [dir]`: writes the starter project (commands/init.ts has its files) and says what each is. */
import { join, relative } from 'node:path';
import { packageRoot } from '../../core/modulePath.ts';
import { EXIT, type IO, UsageError } from '../io.ts';
import { ignoreReports, initFiles, writeNew } from './init.ts';

const INIT_DESCRIPTIONS: Record<string, string> = {
  'scenarios/photo-tool-before-easter.yaml': 'a journey that dead-ends (and expects to)',
  'scenarios/photo-tool-order-page.yaml': 'the fix that rescues it: a capability switched on',
  'fixtures/merchants/example-shop.yaml': 'the merchant profile: the business under test',
  'fixtures/calendars/example-support-hours.yaml': "the support desk's hours and holidays",
  '.github/workflows/deadend.yml': 'CI: run the scenarios on every push (GitHub Actions)',
  'deadend.config.ts': 'settings: scenario paths, fixtures, reports (flags override them)',
};

export async function initCommand(dir: string, io: IO): Promise<number> {
  let written: string[];
  try {
    written = writeNew(dir, initFiles(dir));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const ignored = ignoreReports(dir);
  if (ignored) {
    written.push('.gitignore');
    INIT_DESCRIPTIONS['.gitignore'] = ignored === 'created' ? 'keeps reports/ out of git' : 'reports/ added';
  }
  const width = Math.max(...written.map((p) => p.length));
  const here = dir === '.' || dir === './' || dir === '';
  io.stdout.write(
    [
      `Created a deadend project in ${here ? 'this folder' : dir}:`,
      ...written.map((p) => `  ${p.padEnd(width)}  ${INIT_DESCRIPTIONS[p] ?? ''}`.trimEnd()),
      '',
      'Next:',
      ...(here ? [] : [`  cd ${dir}`]),
      '  npx deadend validate                     check the scenario files',
      '  npx deadend run                          run them: one of the journeys dead-ends',
      '  npx deadend new scenario my-journey      start a scenario of your own',
      '',
      `The scenario guide walks through every field: ${join(relative(dir, packageRoot()) || '.', 'docs', 'scenario-guide.md')}`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}
