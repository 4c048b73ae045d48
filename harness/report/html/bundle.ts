/**
 * The HTML page's script: the TypeScript in this folder bundled by esbuild into one IIFE.
 *
 * From source (this repository, `node harness/...`), it is bundled on first use and kept in memory:
 * no build step to forget, and the page can never run a stale script. A published package compiled
 * to JavaScript has no main.ts beside this file; its build runs `npm run build:report -- DIR` to
 * write report-client.js beside the compiled module, and that file is read instead, so esbuild is
 * not needed at run time there.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ENTRY = join(HERE, 'main.ts');
export const PREBUILT_NAME = 'report-client.js';

const OPTIONS = {
  entryPoints: [ENTRY],
  bundle: true,
  write: false,
  format: 'iife',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'silent',
} satisfies BuildOptions;

let cached: string | undefined;

/** The bundled script, made once per process (reporters are synchronous, so is this). */
export function clientScript(): string {
  if (cached !== undefined) return cached;
  const prebuilt = join(HERE, PREBUILT_NAME);
  if (!existsSync(ENTRY) && existsSync(prebuilt)) cached = readFileSync(prebuilt, 'utf8');
  else cached = bundle();
  return cached;
}

function bundle(): string {
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const result = esbuild.buildSync(OPTIONS);
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no script for report.html');
  return file.text;
}

/** `npm run build:report -- DIR`: write the prebuilt script into DIR (a package's compiled report/html/). */
export function writePrebuilt(dir: string): string {
  const path = join(dir, PREBUILT_NAME);
  writeFileSync(path, bundle());
  return path;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node harness/report/html/bundle.ts DIR   (writes DIR/report-client.js)');
    process.exit(2);
  }
  console.log(`wrote ${writePrebuilt(dir)}`);
}
