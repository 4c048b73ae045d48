/**
 * Files found relative to deadend's own modules. deadend runs from its TypeScript sources in its
 * repository and from compiled JavaScript in dist/ once installed (dist/harness/… mirrors
 * harness/…): code files beside a module change extension, data files (fixtures, schemas, the
 * package.json) stay at the package root.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** True when this module is the compiled one (dist/…/*.js) rather than the source. */
export const COMPILED = import.meta.url.endsWith('.js');

/**
 * A module beside `from` (the caller's `import.meta.url`), named by its source file: `./worker.ts`
 * is `./worker.js` in dist/. For worker-thread entries, which no compiler rewrites.
 */
export function siblingModule(relative: string, from: string): URL {
  const url = new URL(relative, from);
  if (from.endsWith('.js')) url.pathname = url.pathname.replace(/\.ts$/, '.js');
  return url;
}

let root: string | undefined;

/** The folder of deadend's package.json: the repository checkout, or node_modules/deadend. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  root = dir;
  return dir;
}

/** Where the code tree (harness/, fixtures/shop/) is: the package root, or its dist/ once compiled. */
export function codeRoot(): string {
  return COMPILED ? join(packageRoot(), 'dist') : packageRoot();
}
