/**
 * The `deadend` command line. `bin/deadend.js` calls `main`; `node harness/cli/main.ts …` runs it
 * directly (npm run docs). The commands and their options are in program.ts, each command's work
 * in a file of its own beside it (run.ts, merge.ts, analyze.ts, …).
 */
import { CommanderError } from 'commander';
import { EXIT, type IO, UsageError } from './io.ts';
import { buildProgram } from './program.ts';

export { EXIT, type IO, UsageError } from './io.ts';
export { buildProgram } from './program.ts';

/** Runs the CLI with the arguments after `deadend`; resolves to the exit code. */
export async function main(argv: readonly string[], io: IO = process): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version "exit" 0; every usage error commander finds is exit 2 (not its 1).
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`deadend: ${error.message}\n`);
      return EXIT.usage;
    }
    const e = error as Error;
    io.stderr.write(`deadend: internal error: ${e?.stack ?? String(error)}\n`);
    return EXIT.internal;
  }
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
