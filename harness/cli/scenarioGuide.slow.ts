/**
 * The scenario guide's open-vocabulary chapter is followed as a reader would: a project made by
 * `deadend init`, the chapter's YAML blocks appended to the files they name, each console block's
 * commands run in that project and their stdout compared with the block. A file the chapter
 * builds must be the repository's file of the same story (parsed: comments and layout may differ),
 * so the chapter cannot drift from the story nor the story from the chapter.
 *
 * Markers in docs/scenario-guide.md:
 *   <!-- guide-file: PATH [= REPO-PATH] -->   the next yaml block is appended to PATH (which, once
 *                                             whole, must parse as REPO-PATH does)
 *   <!-- guide-shell -->                      the next sh block's `cp node_modules/deadend/…` lines
 *   <!-- guide-edit: PATH "from" "to" -->     replace (\n in the texts) for the next guide-run only
 *   <!-- guide-run -->                        the next console block: `$ npx deadend …` and its stdout
 * A line `…` in a console block stands for any number of printed lines.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../core/modulePath.ts';

const ROOT = packageRoot();
const GUIDE = readFileSync(join(ROOT, 'docs/scenario-guide.md'), 'utf8');
const CHAPTER_AT = GUIDE.indexOf('## 11. Describe your own business');
const CHAPTER = GUIDE.slice(CHAPTER_AT);
/** Line numbers in the guide, for the test names. */
const LINE_OFFSET = GUIDE.slice(0, CHAPTER_AT).split('\n').length - 1;

type Item =
  | { kind: 'file'; path: string; repoPath?: string; text: string }
  | { kind: 'copy'; from: string; to: string }
  | { kind: 'edit'; path: string; from: string; to: string }
  | { kind: 'run'; commands: { args: string[]; shown: string[] }[]; line: number };

const markerText = (s: string) => s.replace(/\\n/g, '\n').replace(/\\"/g, '"');

/** The chapter's markers and the blocks after them, in order. */
function items(markdown: string): Item[] {
  const found: Item[] = [];
  const lines = markdown.split('\n');
  let marker: { kind: string; arg: string } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const m = /^<!-- guide-(file|shell|edit|run)(?::\s*(.*?))? -->$/.exec(lines[i]!);
    if (m) {
      const [, kind = '', arg = ''] = m;
      if (kind !== 'edit') marker = { kind, arg };
      else {
        const e = /^(\S+) "((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)"$/.exec(arg);
        if (!e) throw new Error(`guide line ${i + 1}: an edit is PATH "from" "to"`);
        found.push({ kind: 'edit', path: e[1]!, from: markerText(e[2]!), to: markerText(e[3]!) });
      }
      continue;
    }
    if (!lines[i]!.startsWith('```') || !marker) continue;
    const open = i;
    const body: string[] = [];
    while (++i < lines.length && lines[i] !== '```') body.push(lines[i]!);
    const { kind, arg } = marker;
    marker = undefined;
    if (kind === 'file') {
      const [path, repoPath] = arg.split('=').map((s) => s.trim());
      found.push({
        kind: 'file',
        path: path!,
        ...(repoPath ? { repoPath } : {}),
        text: `${body.join('\n')}\n`,
      });
    } else if (kind === 'shell') {
      for (const l of body) {
        const c = /^cp node_modules\/deadend\/(\S+) (\S+)$/.exec(l);
        if (c) found.push({ kind: 'copy', from: c[1]!, to: c[2]! });
      }
    } else {
      const commands: { args: string[]; shown: string[] }[] = [];
      for (const l of body) {
        if (l.startsWith('$ npx deadend '))
          commands.push({ args: l.slice('$ npx deadend '.length).split(/\s+/), shown: [] });
        else commands.at(-1)?.shown.push(l);
      }
      found.push({ kind: 'run', commands, line: LINE_OFFSET + open + 1 });
    }
  }
  return found;
}

/** Printed lines match the shown ones, where a shown `…` takes any number of lines. */
function matches(printed: string[], shown: string[]): boolean {
  if (shown.length === 0) return printed.length === 0;
  const [first, ...rest] = shown;
  if (first === '…') return printed.some((_, i) => matches(printed.slice(i), rest)) || matches([], rest);
  return printed.length > 0 && printed[0] === first && matches(printed.slice(1), rest);
}

const project = mkdtempSync(join(tmpdir(), 'deadend-guide-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

function deadend(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/deadend.js'), ...args], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
    timeout: 600_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const chapter = items(CHAPTER);
const files = new Map<string, string>();
/** Files the chapter builds that must be, parsed, a file of the repository. */
const sameAs = new Map<string, string>();
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(project, path)), { recursive: true });
  writeFileSync(join(project, path), text);
};

describe('the scenario guide’s open-vocabulary chapter, followed in a fresh project', () => {
  it('starts from `deadend init`', () => {
    expect(chapter.filter((i) => i.kind === 'run').length).toBeGreaterThanOrEqual(3);
    expect(deadend(['init']).code).toBe(0);
    // The config init wrote imports defineConfig from 'deadend', the compiled dist/ a linked
    // checkout needs built (and transpiling the sources instead takes 20 s a command): the same
    // settings without the import, since defineConfig returns its argument.
    const config = join(project, 'deadend.config.ts');
    const settings = readFileSync(config, 'utf8');
    expect(settings).toContain("import { defineConfig } from 'deadend';");
    writeFileSync(config, settings.replace(/^import .*\n/m, '').replace('defineConfig({', '({'));
  });

  for (const item of chapter) {
    if (item.kind === 'file') {
      files.set(item.path, (files.get(item.path) ?? '') + item.text);
      if (item.repoPath) sameAs.set(item.path, item.repoPath);
    } else if (item.kind === 'copy') {
      const { from, to } = item;
      it(`copies ${from}`, () => {
        cpSync(join(ROOT, from), join(project, to, from.split('/').at(-1)!));
      });
    } else if (item.kind === 'run') {
      const snapshot = new Map(files);
      const edits = chapter.slice(0, chapter.indexOf(item)).reverse();
      const pending: { path: string; from: string; to: string }[] = [];
      for (const e of edits) {
        if (e.kind !== 'edit') break;
        pending.push(e);
      }
      for (const { args, shown } of item.commands) {
        it(`prints what the guide shows for \`deadend ${args.join(' ')}\` (docs/scenario-guide.md:${item.line})`, () => {
          for (const [path, text] of snapshot) {
            let edited = text;
            for (const e of pending.filter((p) => p.path === path)) {
              expect(edited, `the edit of ${path} applies`).toContain(e.from);
              edited = edited.replace(e.from, e.to);
            }
            write(path, edited);
          }
          const out = deadend(args);
          expect(out.stderr).not.toMatch(/internal error/);
          const printed = out.stdout.trimEnd().split('\n');
          // On a mismatch, the whole of both, for the diff.
          if (!matches(printed, shown)) expect(printed.join('\n')).toBe(shown.join('\n'));
        });
      }
    }
  }

  for (const [path, repoPath] of sameAs) {
    it(`builds ${path}: the repository's ${repoPath}`, () => {
      expect(parse(files.get(path)!)).toEqual(parse(readFileSync(join(ROOT, repoPath), 'utf8')));
    });
  }
});
