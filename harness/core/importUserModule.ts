/**
 * Imports a module of the user's own (deadend.config.ts, --reporter ./my-reporter.ts). TypeScript
 * goes through jiti, because Node's own type stripping depends on the Node release (22.18+), on
 * the project's "type" (a .ts file in a CommonJS project is not ESM) and refuses anything under
 * node_modules; JavaScript is imported natively.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMPILED, packageRoot } from './modulePath.ts';

export async function importUserModule(file: string): Promise<{ default?: unknown }> {
  if (!/\.[mc]?ts$/.test(file)) return (await import(pathToFileURL(file).href)) as { default?: unknown };
  const { createJiti } = await import('jiti');
  const jiti = createJiti(import.meta.url, {
    fsCache: false,
    moduleCache: false,
    interopDefault: false,
    ...(COMPILED ? {} : { alias: sourceAliases() }),
  });
  return (await jiti.import(file)) as { default?: unknown };
}

/**
 * Running from deadend's own sources (its repository: no dist/), `import … from 'deadend'` in a
 * config (docs/examples/plugins/deadend.config.ts) means the sources: each export's "source"
 * entry in package.json, as vitest.config.ts aliases them for the tests.
 */
function sourceAliases(): Record<string, string> {
  const root = packageRoot();
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    exports: Record<string, { source?: string }>;
  };
  const out: Record<string, string> = {};
  for (const [subpath, entry] of Object.entries(pkg.exports))
    if (entry.source) out[`deadend${subpath.slice(1)}`] = join(root, entry.source);
  return out;
}
