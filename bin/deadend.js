#!/usr/bin/env node
// deadend launcher. Installed as a package it runs the compiled JavaScript in dist/ on the user's
// Node >= 22. In deadend's own repository (harness/ is there, and never in the package) it runs the
// TypeScript sources directly, so a fresh clone needs no build step: Node strips the types itself
// (Node >= 22.18), and `npx`/`npm run` put the `node` devDependency (Node 24) first on PATH.
// Keep this file plain JavaScript that old Node versions can parse, so they get a clear message.
import { existsSync } from 'node:fs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22) {
  process.stderr.write(
    `deadend needs Node 22 or newer; this is Node ${process.version}. ` +
      'Install a current Node from https://nodejs.org (or with nvm, fnm or volta) and run it again.\n',
  );
  process.exit(2);
}
const source = new URL('../harness/cli/main.ts', import.meta.url);
const fromSource = existsSync(source);
if (fromSource && !(process.features?.typescript || major > 22 || minor >= 18)) {
  process.stderr.write(
    `deadend's sources need Node >= 22.18 to run (this is Node ${process.version}): ` +
      'use `npx deadend` or `npm run deadend` in this repository, which run the Node 24 it installs.\n',
  );
  process.exit(2);
}
// A reader that stops reading (`deadend run --help | head`) closes the pipe: that is not an
// error of deadend's, so it ends quietly with success instead of an unhandled EPIPE.
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(0);
  throw error;
});
try {
  const { main } = await import(fromSource ? source.href : '../dist/harness/cli/main.js');
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A failed import (a missing file, a broken install) is deadend's failure too: stack, exit 3.
  process.stderr.write(`deadend: internal error: ${error?.stack ?? String(error)}\n`);
  process.exitCode = 3;
}
