/**
 * Words for a POSIX shell. Replay commands carry file paths from the user's disk:
 * `x$(touch pwned).yaml` must stay a file name, and a path with spaces one argument.
 */

/** In single quotes, inside which nothing is special; a `'` is closed, escaped and reopened. */
export function singleQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** As it is when it holds only characters no shell treats specially, else single-quoted. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_/.,:@%+=-]+$/.test(word) ? word : singleQuote(word);
}
