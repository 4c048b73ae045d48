/** `deadend new scenario NAME`: a commented scenario for one of the merchant profiles. */
import { join } from 'node:path';
import { faultCatalogue } from '../../services/index.ts';
import { EXIT, type IO, UsageError } from '../io.ts';

export async function newScenarioCommand(
  name: string,
  opts: { merchant?: string; merchants: string; dir: string },
  io: IO,
): Promise<number> {
  const { checkScenarioName, merchantIds, scenarioTemplate, schemaComment, writeNew } = await import(
    './init.ts'
  );
  const { loadMerchantFile } = await import('../../scenario/load.ts');
  const { formatSourceError } = await import('../../scenario/source.ts');
  try {
    checkScenarioName(name);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const known = merchantIds(opts.merchants);
  const id = opts.merchant ?? known[0];
  if (id === undefined) {
    throw new UsageError(
      `no merchant profiles in ${opts.merchants}: a scenario needs one. \`deadend init\` writes an example; ` +
        'or name another folder with --merchants.',
    );
  }
  if (!known.includes(id)) {
    throw new UsageError(`no merchant profile "${id}" in ${opts.merchants}; known: ${known.join(', ')}.`);
  }
  const loaded = await loadMerchantFile(join(opts.merchants, `${id}.yaml`), { merchantsDir: opts.merchants });
  if (!loaded.value) {
    for (const error of loaded.errors) io.stderr.write(`${formatSourceError(error)}\n`);
    throw new UsageError(`the merchant profile ${id} has errors: fix them first (see above).`);
  }
  const file = `${name}.yaml`;
  try {
    writeNew(opts.dir, {
      [file]: scenarioTemplate(name, loaded.value, schemaComment(opts.dir, 'scenario'), join(opts.dir, file)),
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const path = join(opts.dir, file);
  const { expectWhatHappens } = await import('./firstRun.ts');
  await expectWhatHappens(path, { merchantsDir: opts.merchants, faults: faultCatalogue });
  io.stdout.write(
    [
      `Wrote ${path} (merchant ${id}${opts.merchant ? '' : `, the first in ${opts.merchants}; choose another with --merchant`}).`,
      'Edit it (every field is commented), then:',
      `  npx deadend validate ${path}`,
      `  npx deadend run ${path}`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}
