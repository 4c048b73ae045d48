/**
 * The files deadend's compiled modules read from beside themselves, copied from harness/ into
 * dist/harness/ after `tsc -p tsconfig.build.json` (tsc copies only what it compiles).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
/** Read with `new URL('./x', import.meta.url)` by the module beside them. */
export const RUNTIME_ASSETS = ['harness/report/html.client.js', 'harness/report/html.style.css'];

for (const asset of RUNTIME_ASSETS) {
  const to = join(ROOT, 'dist', asset);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(join(ROOT, asset), to);
}
