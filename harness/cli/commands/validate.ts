/**
 * `deadend validate [paths…]`: checks scenario files and the merchant profiles they use
 * without running anything. Every problem as `file:line:col: message`, then one summary line.
 * Warnings (`file:line:col: warning: …`) are printed among them and never change the exit code.
 * Exit 0 when everything is valid, 2 (bad input) otherwise.
 */
import { type LoadEnv, loadScenarios } from '../../scenario/load.ts';
import { formatSourceError, type SourceError } from '../../scenario/source.ts';

export interface ValidateOptions {
  merchantsDir?: string;
  calendarsDir?: string;
  out: (line: string) => void;
  /** For tests: another fault catalogue. */
  faults?: LoadEnv['faults'];
  /** The config's plugins: `plugin:` uses are checked against them. */
  plugins?: LoadEnv['plugins'];
}

const byPlace = (a: SourceError, b: SourceError) =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export async function validateCommand(paths: string[], opts: ValidateOptions): Promise<number> {
  const loaded = await loadScenarios(paths.length > 0 ? paths : ['scenarios'], {
    ...(opts.merchantsDir !== undefined ? { merchantsDir: opts.merchantsDir } : {}),
    ...(opts.calendarsDir !== undefined ? { calendarsDir: opts.calendarsDir } : {}),
    ...(opts.faults !== undefined ? { faults: opts.faults } : {}),
    ...(opts.plugins !== undefined ? { plugins: opts.plugins } : {}),
  });
  for (const error of [...loaded.errors, ...loaded.warnings].sort(byPlace)) {
    for (const line of formatSourceError(error).split('\n')) opts.out(line);
  }
  const warned = loaded.warnings.length > 0 ? ` (${plural(loaded.warnings.length, 'warning')})` : '';
  if (loaded.errors.length === 0) {
    opts.out(`${plural(loaded.all.length, 'scenario')} valid${warned}`);
    return 0;
  }
  const badFiles = new Set(loaded.errors.map((e) => e.file));
  const allFiles = new Set([...loaded.files, ...loaded.merchantFiles, ...badFiles]);
  opts.out(
    `${plural(loaded.errors.length, 'error')} in ${badFiles.size} of ${plural(allFiles.size, 'file')}${warned}`,
  );
  return 2;
}
