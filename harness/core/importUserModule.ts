/**
 * Imports a module of the user's own (deadend.config.ts, --reporter ./my-reporter.ts). TypeScript
 * goes through jiti, because Node's own type stripping depends on the Node release (22.18+), on
 * the project's "type" (a .ts file in a CommonJS project is not ESM) and refuses anything under
 * node_modules; JavaScript is imported natively.
 */
import { pathToFileURL } from 'node:url';

export async function importUserModule(file: string): Promise<{ default?: unknown }> {
  if (!/\.[mc]?ts$/.test(file)) return (await import(pathToFileURL(file).href)) as { default?: unknown };
  const { createJiti } = await import('jiti');
  const jiti = createJiti(import.meta.url, { fsCache: false, moduleCache: false, interopDefault: false });
  return (await jiti.import(file)) as { default?: unknown };
}
