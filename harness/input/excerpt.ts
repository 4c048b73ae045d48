/**
 * How an error message shows a value taken from a user's file: quoted, with control characters
 * and quotes escaped, and cut to a short excerpt. A message must never carry a whole value —
 * a 1 MB fault name, or the content of a file a symlink pointed at — into a terminal or a CI log.
 */
export const EXCERPT_LENGTH = 60;

export function excerpt(value: unknown, max = EXCERPT_LENGTH): string {
  const text = typeof value === 'string' ? value : String(value);
  const cut = text.length > max ? text.slice(0, max) : text;
  // JSON.stringify escapes quotes, backslashes and control characters; lone surrogates too.
  const quoted = JSON.stringify(cut);
  return text.length > max
    ? `${quoted.slice(0, -1)}…" (${text.length.toLocaleString('en')} characters)`
    : quoted;
}
