#!/usr/bin/env node
// deadend launcher. The harness is TypeScript that Node runs natively (type stripping), which needs
// Node >= 22.18; the `node` devDependency provides Node 24, and npx / npm run put it first on PATH.
// Keep this file plain JavaScript that old Node versions can parse, so they get a clear message.
const [major, minor] = process.versions.node.split('.').map(Number);
const stripsTypes = Boolean(process.features?.typescript) || major > 22 || (major === 22 && minor >= 18);
if (major < 22 || !stripsTypes) {
  process.stderr.write(
    `deadend needs Node >= 22 (this is Node ${process.version}); ` +
      'run it through npx/npm run so the bundled Node 24 is used, e.g. `npx deadend run`.\n',
  );
  process.exit(2);
}
const { main } = await import('../harness/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
