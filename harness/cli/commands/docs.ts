/** `deadend docs`: the documentation pages generated from the code, written or checked. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { oracleCatalogueMarkdown } from '../../oracles/docs.ts';
import { faultCatalogue } from '../../services/index.ts';
import { vocabularyFaults } from '../../vocabulary/faults/index.ts';
import { vocabularyMarkdown } from '../../vocabulary/schema/docs.ts';
import { EXIT, type IO } from '../io.ts';
import { faultCatalogueMarkdown } from './faultDocs.ts';

/** The generated documentation pages, by path relative to the docs folder. */
export function generatedDocs(): Record<string, string> {
  return {
    'faults.md': faultCatalogueMarkdown(faultCatalogue, vocabularyFaults),
    'oracles.md': oracleCatalogueMarkdown(),
    'vocabulary.md': vocabularyMarkdown(),
  };
}

export function docsCommand(opts: { out: string; check?: boolean }, io: IO): number {
  const stale: string[] = [];
  for (const [name, content] of Object.entries(generatedDocs())) {
    const path = join(opts.out, name);
    const shown = relative(process.cwd(), path) || path;
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (opts.check) {
      if (current !== content) stale.push(shown);
      continue;
    }
    if (current === content) {
      io.stdout.write(`${shown} is up to date\n`);
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      io.stdout.write(`wrote ${shown}\n`);
    }
  }
  if (stale.length > 0) {
    io.stderr.write(`${stale.join(', ')} out of date: run \`npm run docs\` and commit the result.\n`);
    return EXIT.failed;
  }
  if (opts.check) io.stdout.write('generated docs are up to date\n');
  return EXIT.ok;
}
