/**
 * Calendar definition files on disk (fixtures/calendars/*.yaml) and the registry that turns
 * ids into BusinessCalendars. Every problem is reported as `file:line:col: message` so that
 * `deadend validate` and editors can point at the offending line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Document, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { outsideFolder, tooBig } from '../input/projectPaths.ts';
import { type BusinessCalendar, buildCalendar, type CalendarDefinition, calendarSchema } from './calendar.ts';

export interface CalendarFileProblem {
  file: string;
  line: number;
  col: number;
  message: string;
}

export class CalendarFileError extends Error {
  readonly problems: readonly CalendarFileProblem[];

  constructor(problems: readonly CalendarFileProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`).join('\n'));
    this.name = 'CalendarFileError';
    this.problems = problems;
  }
}

export interface LoadedCalendar {
  def: CalendarDefinition;
  file: string;
}

interface ParsedFile extends LoadedCalendar {
  doc: Document;
  lineCounter: LineCounter;
}

/**
 * Every *.yaml / *.yml calendar in `dir`, by id, in file-name order. Throws CalendarFileError
 * on YAML or schema errors, duplicate ids, `extends` naming an unknown calendar, or an
 * `extends` cycle — all problems of the first bad file, or all reference problems at once.
 */
export function loadCalendarDefinitions(dir: string): Map<string, LoadedCalendar> {
  const files = readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  const parsed = new Map<string, ParsedFile>();
  for (const name of files) {
    const entry = parseCalendarFile(join(dir, name));
    const clash = parsed.get(entry.def.id);
    if (clash) {
      const where = locate(entry, ['id']);
      throw new CalendarFileError([
        { ...where, message: `calendar id "${entry.def.id}" is already used by ${clash.file}` },
      ]);
    }
    parsed.set(entry.def.id, entry);
  }
  const problems = referenceProblems(parsed);
  if (problems.length > 0) throw new CalendarFileError(problems);
  return new Map([...parsed].map(([id, { def, file }]) => [id, { def, file }]));
}

/**
 * `id → BusinessCalendar` over the calendars in `dir`, with `extends` resolved. Each calendar is
 * built once, on first use; building can still fail for a holidays-only calendar asked for on
 * its own (it has no hours).
 */
export function calendarRegistry(dir: string): (id: string) => BusinessCalendar {
  const loaded = loadCalendarDefinitions(dir);
  return registryFromDefinitions(new Map([...loaded].map(([id, { def }]) => [id, def])), dir);
}

/** The same registry over definitions already in memory (tests, scenarios written in TS). */
export function registryFromDefinitions(
  defs: ReadonlyMap<string, CalendarDefinition>,
  where = 'the calendar definitions',
): (id: string) => BusinessCalendar {
  const built = new Map<string, BusinessCalendar>();
  const definition = (id: string): CalendarDefinition => {
    const def = defs.get(id);
    if (def) return def;
    const known = [...defs.keys()].sort().join(', ') || 'none';
    throw new Error(`unknown calendar "${id}" in ${where}; known calendars: ${known}`);
  };
  return (id) => {
    let calendar = built.get(id);
    if (!calendar) {
      calendar = buildCalendar(definition(id), definition);
      built.set(id, calendar);
    }
    return calendar;
  };
}

function parseCalendarFile(file: string): ParsedFile {
  const refused = outsideFolder(file, dirname(file)) ?? tooBig(file);
  if (refused) throw new CalendarFileError([{ file, line: 1, col: 1, message: refused }]);
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new CalendarFileError(
      doc.errors.map((error) => ({
        file,
        ...lineCounter.linePos(error.pos[0]),
        message: firstLine(error.message),
      })),
    );
  }
  const result = calendarSchema.safeParse(doc.toJS());
  const entry = { file, doc, lineCounter, def: result.data as CalendarDefinition };
  if (!result.success) {
    throw new CalendarFileError(
      result.error.issues.map((issue) => {
        const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
        const field = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
        return { ...locate(entry, issue.path, unknownKey), message: `${field}${plain(issue.message)}` };
      }),
    );
  }
  return entry;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** zod's stock wording is terse; say it the way a scenario author would. */
function plain(message: string): string {
  return message
    .replace(/^Invalid input: expected (\w+), received undefined$/, 'missing (expected $1)')
    .replace(/^Invalid input: expected (\w+), received (\w+)$/, 'expected $1, found $2');
}

function referenceProblems(parsed: ReadonlyMap<string, ParsedFile>): CalendarFileProblem[] {
  const problems: CalendarFileProblem[] = [];
  for (const entry of parsed.values()) {
    (entry.def.extends ?? []).forEach((id, index) => {
      if (parsed.has(id)) return;
      problems.push({
        ...locate(entry, ['extends', index]),
        message: `extends "${id}", but there is no calendar with that id (known: ${[...parsed.keys()].sort().join(', ')})`,
      });
    });
  }
  if (problems.length > 0) return problems;
  // A cycle is reported once, at the `extends` entry that closes it.
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, stack: readonly string[]): CalendarFileProblem | undefined => {
    if (state.get(id) === 'done') return undefined;
    state.set(id, 'visiting');
    const here = [...stack, id];
    const entry = parsed.get(id)!;
    const ids = entry.def.extends ?? [];
    for (let index = 0; index < ids.length; index++) {
      const next = ids[index]!;
      if (state.get(next) === 'visiting') {
        const cycle = [...here.slice(here.indexOf(next)), next].join(' → ');
        return { ...locate(entry, ['extends', index]), message: `extends cycle: ${cycle}` };
      }
      const problem = visit(next, here);
      if (problem) return problem;
    }
    state.set(id, 'done');
    return undefined;
  };
  for (const id of parsed.keys()) {
    const problem = visit(id, []);
    if (problem) return [problem];
  }
  return [];
}

/**
 * The position of `path` in the YAML source: the value at the path if it exists, else the
 * deepest existing parent (a missing field is reported at the object that lacks it), or the
 * key `unknownKey` inside it.
 */
function locate(
  entry: Pick<ParsedFile, 'doc' | 'lineCounter' | 'file'>,
  path: readonly PropertyKey[],
  unknownKey?: string,
): { file: string; line: number; col: number } {
  let node: unknown = entry.doc.contents;
  let offset = isNode(node) && node.range ? node.range[0] : 0;
  for (const segment of path) {
    let child: unknown;
    if (isMap(node)) {
      const pair = node.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === segment);
      if (!pair) break;
      child = pair.value;
      const at = isNode(child) && child.range ? child : isNode(pair.key) ? pair.key : undefined;
      if (at?.range) offset = at.range[0];
    } else if (isSeq(node) && typeof segment === 'number') {
      child = node.items[segment];
      if (!isNode(child)) break;
      if (child.range) offset = child.range[0];
    } else {
      break;
    }
    node = child;
  }
  if (unknownKey !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && item.key.value === unknownKey);
    if (isScalar(pair?.key) && pair.key.range) offset = pair.key.range[0];
  }
  return { file: entry.file, ...entry.lineCounter.linePos(offset) };
}
