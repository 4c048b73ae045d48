/**
 * The `--report DIR` folder: checked before anything runs, so a bad path costs nothing (not a
 * whole suite's runs, not a spin in mkdir under /proc), and cleared only of what deadend itself
 * wrote there.
 */
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

/** Folders whose files are the system's, not reports: writing there fails or does harm. */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];

/** Why `dir` cannot take a report set, or undefined. `flag` names the option in the message. */
export function reportDirProblem(dir: string, flag = '--report'): string | undefined {
  if (dir.trim() === '') return `${flag} needs a folder, e.g. ${flag} reports`;
  const absolute = path.resolve(dir);
  // The nearest folder that exists decides: mkdir creates the rest.
  let existing = absolute;
  while (!existsSync(existing)) existing = path.dirname(existing);
  let real: string;
  try {
    real = realpathSync(existing);
  } catch {
    return `${flag} ${dir}: cannot be read`;
  }
  const where = path.join(real, path.relative(existing, absolute));
  if (where === path.parse(where).root)
    return `${flag} ${dir} is the root of the file system: give a folder of its own, e.g. ${flag} reports`;
  if (SYSTEM_FOLDERS.some((f) => where === f || where.startsWith(`${f}/`))) {
    return `${flag} ${dir} is inside ${SYSTEM_FOLDERS.find((f) => where === f || where.startsWith(`${f}/`))}, a system folder: give a folder for the reports`;
  }
  if (!statSync(real).isDirectory()) {
    return existing === absolute
      ? `${flag} ${dir} is a file, not a folder: give a folder for the reports`
      : `${flag} ${dir}: ${existing} is a file, not a folder`;
  }
  try {
    accessSync(real, constants.W_OK | constants.X_OK);
  } catch {
    return `${flag} ${dir}: ${existing === absolute ? 'the folder' : existing} is not writable`;
  }
  return undefined;
}

/** Marks a folder of attachments as deadend's own, so a later run may clear it. */
export const ATTACHMENTS_MARKER = '.deadend-attachments';

/**
 * Empties `DIR/attachments` for a new run when deadend wrote it (it holds the marker), and
 * creates it with the marker. Throws an Error naming the folder when it is someone else's:
 * `--report .` must never delete a project's own `attachments/`.
 */
export function prepareAttachments(dir: string): void {
  if (existsSync(dir)) {
    const ours = existsSync(path.join(dir, ATTACHMENTS_MARKER));
    if (!ours && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0)) {
      throw new Error(
        `${dir} exists and was not written by deadend: it is left alone. Give --report a folder of its own (e.g. --report reports).`,
      );
    }
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, ATTACHMENTS_MARKER),
    'Written by deadend: the evidence kept for failed runs. The next run on a real target replaces this folder.\n',
  );
}
