/**
 * Scenario, merchant and calendar files are read only from inside the folders they belong to
 * (the folder given on the command line, `--merchants`, `--calendars`). An id from a file is
 * never a path: `merchant: ../../etc/x` names no merchant. A symbolic link found in one of those
 * folders is followed only while it stays inside the folder.
 *
 * The messages say the same thing whether the file outside exists or not, and never show what
 * it holds.
 */
import { lstatSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** Bytes in one scenario, merchant or calendar file (docs/scenario-guide.md, "Limits"). The biggest seed scenario is about 4 KB. */
export const MAX_FILE_BYTES = 2 * 2 ** 20;

/** An id usable as a file name in a folder: what the schemas accept for merchant and calendar ids. */
const FILE_ID = /^[a-z0-9][a-z0-9-]*$/;

/** `dir/id.yaml`, or undefined when `id` is not a plain id (a path, `..`, a slash, a NUL). */
export function fileForId(dir: string, id: string, ext = '.yaml'): string | undefined {
  return FILE_ID.test(id) ? path.join(dir, `${id}${ext}`) : undefined;
}

/** Why `file` (inside `folder`) may not be read, or undefined when it may. */
export function outsideFolder(file: string, folder: string): string | undefined {
  let link: boolean;
  try {
    link = lstatSync(file).isSymbolicLink();
  } catch {
    return undefined; // missing: the reader says so
  }
  if (!link) return undefined;
  let target: string;
  let root: string;
  try {
    target = realpathSync(file);
    root = realpathSync(folder);
  } catch {
    return linkMessage(folder);
  }
  const rel = path.relative(root, target);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? linkMessage(folder) : undefined;
}

const linkMessage = (folder: string) =>
  `a symbolic link that leads out of ${folder} (or nowhere): deadend reads only files inside it`;

/** Why `file` is too big to read, or undefined. */
export function tooBig(file: string): string | undefined {
  try {
    const size = statSync(file).size;
    if (size <= MAX_FILE_BYTES) return undefined;
    return `the file is ${(size / 2 ** 20).toFixed(1)} MiB, more than the limit of ${MAX_FILE_BYTES / 2 ** 20} MiB`;
  } catch {
    return undefined;
  }
}
