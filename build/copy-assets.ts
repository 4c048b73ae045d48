/**
 * The files deadend's compiled modules read from beside themselves, put into dist/harness/ after
 * `tsc -p tsconfig.build.json` (tsc copies only what it compiles): the report's stylesheet, and the
 * report page's script bundled once here, so a user's install needs neither esbuild nor dagre.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writePrebuilt } from '../harness/report/html/bundle.ts';

const ROOT = join(import.meta.dirname, '..');
/** Read with `new URL('./x', import.meta.url)` by the module beside them. */
export const RUNTIME_ASSETS = ['harness/report/html.style.css'];

for (const asset of RUNTIME_ASSETS) {
  const to = join(ROOT, 'dist', asset);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(join(ROOT, asset), to);
}
const clientDir = join(ROOT, 'dist', 'harness', 'report', 'html');
mkdirSync(clientDir, { recursive: true });
writePrebuilt(clientDir);
