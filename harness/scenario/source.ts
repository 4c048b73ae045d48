/**
 * Reading scenario and merchant files: YAML parsed as data only (no tags that construct
 * objects, a cap on alias expansion), with the position of every node kept so that errors can
 * say `file:line:col`.
 */
import {
  type Document,
  isAlias,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type ParsedNode,
  parseDocument,
  visit,
} from 'yaml';

export interface SourceError {
  file: string;
  /** 1-based */
  line: number;
  /** 1-based */
  col: number;
  message: string;
  hint?: string;
}

export type PathKey = string | number;

/** An error before it has a position: where it is (a path into the data) and what it says. */
export interface Problem {
  path: readonly PathKey[];
  /** Point at the key of the last path segment rather than at its value (unknown keys). */
  key?: boolean;
  message: string;
  hint?: string;
  /** Another place the message refers to ("already used above"): its position is appended. */
  seeAlso?: readonly PathKey[];
}

export interface Position {
  line: number;
  col: number;
}

/** Aliases expanded per document; far above what a scenario needs, far below an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

export function formatSourceError(e: SourceError): string {
  const head = `${e.file}:${e.line}:${e.col}: ${bounded(e.message)}`;
  return e.hint ? `${head}\n  hint: ${bounded(e.hint)}` : head;
}

/** The last guard: a message that quotes a value whole (a check that forgot excerpt()) is cut. */
const MAX_MESSAGE = 1_000;
function bounded(message: string): string {
  return message.length <= MAX_MESSAGE
    ? message
    : `${message.slice(0, MAX_MESSAGE)}… (message cut: ${message.length.toLocaleString('en')} characters)`;
}

/** Sorted by file, line, column, message; exact duplicates dropped. */
export function sortErrors(errors: readonly SourceError[]): SourceError[] {
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const k = formatSourceError(e);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return unique.sort(
    (a, b) => compare(a.file, b.file) || a.line - b.line || a.col - b.col || compare(a.message, b.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `steps[0].order.product` */
export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const k of path) {
    if (typeof k === 'number') out += `[${k}]`;
    else out += out === '' ? k : `.${k}`;
  }
  return out;
}

export interface YamlSource {
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export interface ParsedYaml {
  /** Present unless the file could not be parsed at all. */
  source?: YamlSource;
  /** The data, when there were no errors. */
  data?: unknown;
  errors: SourceError[];
}

/** Tags that only say what the value already is (`!!str 0123`). Anything else is refused. */
const PLAIN_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
);

const HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BAD_INDENT: 'check the indentation of this line against the lines above',
  MULTIPLE_DOCS: 'one scenario per file: remove the "---" line',
  BLOCK_AS_IMPLICIT_KEY: 'a value with ": " in it must be quoted, e.g. title: "Order: lost"',
  MISSING_CHAR: 'a bracket or quote is not closed',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line; is a ":" or a quote missing?',
};

/**
 * Parses one YAML document. Returns the data only when there is nothing to complain about;
 * the source is returned whenever the document could be built, so that later errors can be
 * located in it.
 */
export function parseYaml(file: string, text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false, // checked below, to say where the first one is
    schema: 'core',
    resolveKnownTags: false, // no !!binary, !!set, !!timestamp …
    merge: false,
    logLevel: 'error', // 'silent' would also drop the error for a second document
  });
  const source: YamlSource = { file, text, doc, lineCounter };
  const at = (offset: number): Position => lineCounter.linePos(offset);
  const errors: SourceError[] = [];
  const add = (offset: number, message: string, hint?: string) =>
    errors.push({ file, ...at(offset), message, ...(hint ? { hint } : {}) });

  for (const e of doc.errors) add(e.pos[0], yamlMessage(e.message), HINTS[e.code]);
  for (const w of doc.warnings) {
    if (w.code !== 'TAG_RESOLVE_FAILED') add(w.pos[0], yamlMessage(w.message));
  }
  if (doc.errors.length > 0) return { source, errors };

  const checkTag = (node: Node) => {
    const tag = node.tag;
    if (tag !== undefined && !PLAIN_TAGS.has(tag)) {
      add(
        tagOffset(text, node.range?.[0] ?? 0),
        `the tag ${shortTag(tag)} is not allowed: a scenario file is plain data`,
        'remove the tag; values are text, numbers, true/false, lists and maps',
      );
    }
  };
  visit(doc, {
    Scalar: (_key, node) => checkTag(node),
    Seq: (_key, node) => checkTag(node),
    Pair(_key, pair) {
      if (isCollection(pair.key)) {
        add(pair.key.range?.[0] ?? 0, 'a key must be a plain word, not a list or a map');
      }
    },
    Map(_key, map) {
      checkTag(map);
      const first = new Map<string, ParsedNode>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        const earlier = first.get(name);
        if (earlier) {
          const { line } = at(earlier.range[0]);
          add(
            pair.key.range?.[0] ?? 0,
            `duplicate key "${name}" (first set on line ${line})`,
            'YAML keeps only the last one; remove or rename one of them',
          );
        } else first.set(name, pair.key as ParsedNode);
      }
    },
  });

  if (doc.contents === null) {
    add(0, 'the file is empty');
    return { source, errors };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const alias = firstAlias(doc);
    const message = (e as Error).message;
    if (/resource exhaustion|alias count/i.test(message)) {
      add(
        alias,
        `the aliases (*name) in this file expand to too much data (more than ${MAX_ALIAS_COUNT} copies)`,
        'write the repeated parts out, or use fewer nested aliases',
      );
    } else add(alias, yamlMessage(message));
    return { source, errors };
  }
  return errors.length > 0 ? { source, errors } : { source, data, errors };
}

function yamlMessage(message: string): string {
  // The yaml package appends the source line and a caret in some messages; positions say that already.
  return message.split('\n')[0]!.replace(/^YAML\w*Error:\s*/, '');
}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/** The tag is written before the node's value (`!!js/function "…"`): find its first "!". */
function tagOffset(text: string, nodeStart: number): number {
  let i = text.lastIndexOf('!', nodeStart);
  if (i < 0) return nodeStart;
  while (i > 0 && text[i - 1] === '!') i--;
  return i;
}

function firstAlias(doc: Document): number {
  let offset = 0;
  let found = false;
  visit(doc, {
    Alias(_key, node) {
      if (!found) {
        found = true;
        offset = node.range?.[0] ?? 0;
      }
      return visit.BREAK;
    },
  });
  return offset;
}

/**
 * The position of the node at `path`: with `key`, the key of the last segment (for unknown
 * keys); for a key that is missing, the map that should hold it; otherwise the closest
 * existing ancestor.
 */
export function locate(source: YamlSource, path: readonly PathKey[], opts: { key?: boolean } = {}): Position {
  const pos = (node: { range?: readonly number[] | null } | null | undefined): Position | undefined =>
    node?.range ? source.lineCounter.linePos(node.range[0]!) : undefined;
  let node: unknown = source.doc.contents;
  let best = pos(node as Node) ?? { line: 1, col: 1 };
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (isAlias(node)) node = node.resolve(source.doc);
    if (isMap(node)) {
      const pair = node.items.findLast((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return best;
      const keyPos = pos(pair.key as Node);
      if (last && opts.key && keyPos) return keyPos;
      // `key:` with nothing after it has an empty value at the end of the line: point at the key.
      const value = pair.value as Node | null;
      const empty = !value?.range || value.range[0] === value.range[1];
      best = (empty ? keyPos : pos(value)) ?? keyPos ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) return best;
      best = pos(item as Node) ?? best;
      node = item;
    } else return best;
  }
  return best;
}

/** Turns problems into errors at positions in one file. */
export interface Locator {
  file: string;
  place(problem: Problem): SourceError;
}

export function yamlLocator(source: YamlSource): Locator {
  return {
    file: source.file,
    place: (p) => ({
      file: source.file,
      ...locate(source, p.path, { key: p.key ?? false }),
      message: p.seeAlso ? `${p.message} (line ${locate(source, p.seeAlso).line})` : p.message,
      ...(p.hint ? { hint: p.hint } : {}),
    }),
  };
}

export const CODE_POSITION_NOTE =
  'positions inside .ts scenarios are not tracked: the message starts with the path to the value';

/** For `.ts` scenarios: no positions, so every message starts with the path in the data. */
export function codeLocator(file: string): Locator {
  return {
    file,
    place: (p) => {
      const message = p.seeAlso ? `${p.message} (${formatPath(p.seeAlso)})` : p.message;
      return {
        file,
        line: 1,
        col: 1,
        message: p.path.length > 0 ? `${formatPath(p.path)}: ${message}` : message,
        ...(p.hint ? { hint: p.hint } : {}),
      };
    },
  };
}
