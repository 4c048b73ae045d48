/**
 * What every command shares with its caller: where output goes, the exit codes, and the error that
 * means "the user's input is wrong" (exit 2).
 *
 * Exit codes (the contract, see README): 0 every run met its expectation; 1 some did not;
 * 2 bad input or usage (nothing is run); 3 deadend itself failed (a bug: the stack is printed).
 */

export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 3 } as const;

/** Where output goes; tests pass their own. */
export interface IO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Bad input or usage: printed as `deadend: message`, exit 2, nothing is run. */
export class UsageError extends Error {}

/** Runs `fn`; an error it throws is the user's input (exit 2). */
export function usage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function useColor(stream: { isTTY?: boolean }): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined) return process.env.FORCE_COLOR !== '0';
  return Boolean(stream.isTTY);
}
