import { describe, expect, it } from 'vitest';
import {
  formatSourceError,
  locate,
  MAX_ALIAS_COUNT,
  parseYaml,
  sortErrors,
  type YamlSource,
} from './source.ts';

const parse = (text: string) => parseYaml('s.yaml', text);
const at = (text: string) => parse(text).errors.map((e) => `${e.line}:${e.col} ${e.message}`);

describe('parseYaml: YAML is data and never executes code', () => {
  it('rejects !!js/function at the tag', () => {
    const r = parse('id: x\ntitle: !!js/function "function () { return 1 }"\n');
    expect(r.data).toBeUndefined();
    expect(at('id: x\ntitle: !!js/function "function () { return 1 }"\n')).toEqual([
      '2:8 the tag !!js/function is not allowed: a scenario file is plain data',
    ]);
  });

  it('rejects custom tags, on scalars, maps and lists', () => {
    expect(at('a: !foo bar\nb: !map {x: 1}\nc: !<tag:example.com,2000:x> [1]\n')).toEqual([
      '1:4 the tag !foo is not allowed: a scenario file is plain data',
      '2:4 the tag !map is not allowed: a scenario file is plain data',
      '3:4 the tag tag:example.com,2000:x is not allowed: a scenario file is plain data',
    ]);
  });

  it('rejects the YAML 1.1 tags that build objects (!!binary, !!set, !!timestamp)', () => {
    expect(
      at('a: !!binary aGVsbG8=\nb: !!set {x}\nc: !!timestamp 2025-01-01\n').map((l) =>
        l.split(' ').slice(0, 4).join(' '),
      ),
    ).toEqual(['1:4 the tag !!binary', '2:4 the tag !!set', '3:4 the tag !!timestamp']);
  });

  it('accepts the tags that only name a plain type', () => {
    expect(parse('a: !!str 0123\nb: !!int "7"\n')).toMatchObject({ data: { a: '0123', b: 7 }, errors: [] });
  });

  it('rejects an alias bomb quickly, at the first alias', () => {
    const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(', ')}]`,
      );
    }
    const started = performance.now();
    const r = parse(levels.join('\n'));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r.data).toBeUndefined();
    expect(r.errors.map((e) => `${e.line}:${e.col}`)).toEqual(['2:8']);
    expect(r.errors[0]!.message).toMatch(/too much data/);
  });

  it('allows a few aliases', () => {
    const uses = Array.from({ length: 10 }, (_, i) => `u${i}: *base`).join('\n');
    expect(parse(`base: &base { x: 1 }\n${uses}\n`).data).toMatchObject({ base: { x: 1 }, u9: { x: 1 } });
    expect(MAX_ALIAS_COUNT).toBeLessThanOrEqual(100);
  });

  it('does not treat "<<" as a merge key or __proto__ as a prototype', () => {
    const r = parse('__proto__: { polluted: true }\nb: &b { x: 1 }\nc: { <<: *b }\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.data)).toBe(Object.prototype);
    expect(r.data).toMatchObject({ c: { '<<': { x: 1 } } });
  });
});

describe('parseYaml: structure errors with positions', () => {
  it('reports duplicate keys at the second one, naming the first', () => {
    expect(at('a: 1\nb:\n  c: 1\n  c: 2\n')).toEqual(['4:3 duplicate key "c" (first set on line 3)']);
  });

  it('reports syntax errors at their position with a hint', () => {
    const r = parse('id: x\nsteps: [ a, b\nc: d\n');
    expect(r.data).toBeUndefined();
    expect(r.errors[0]).toMatchObject({ line: 3, col: 1, hint: expect.stringMatching(/indentation/) });
    expect(parse('a:\n\tb: 1\n').errors[0]).toMatchObject({
      line: 2,
      col: 1,
      hint: 'indent with spaces, not tabs',
    });
  });

  it('explains the colon in an unquoted value', () => {
    expect(parse('title: Order: lost\n').errors[0]).toMatchObject({
      line: 1,
      col: 8,
      hint: expect.stringMatching(/quoted/),
    });
  });

  it('reports several documents and an empty file', () => {
    expect(parse('a: 1\n---\nb: 2\n').errors[0]).toMatchObject({
      line: 2,
      col: 1,
      hint: expect.stringMatching(/one scenario per file/),
    });
    expect(at('# only a comment\n')).toEqual(['1:1 the file is empty']);
  });

  it('reports keys that are lists or maps', () => {
    expect(at('? [a, b]\n: 1\n')).toEqual(['1:3 a key must be a plain word, not a list or a map']);
  });
});

describe('locate', () => {
  const text =
    '# comment\nid: x\ngoal:\n  description: d\n  needs:\n    - licence:a\n    - logged-in\nsteps:\n  - order: { product: p }\nempty:\n';
  const source = parse(text).source as YamlSource;

  it('finds values, keys and list items', () => {
    expect(locate(source, ['id'])).toEqual({ line: 2, col: 5 });
    expect(locate(source, ['id'], { key: true })).toEqual({ line: 2, col: 1 });
    expect(locate(source, ['goal', 'needs', 1])).toEqual({ line: 7, col: 7 });
    expect(locate(source, ['steps', 0, 'order', 'product'])).toEqual({ line: 9, col: 23 });
    expect(locate(source, ['steps', 0, 'order', 'product'], { key: true })).toEqual({ line: 9, col: 14 });
  });

  it('points at the key of a key without a value', () => {
    expect(locate(source, ['empty'])).toEqual({ line: 10, col: 1 });
  });

  it('points at the parent map for a missing key, else the closest ancestor', () => {
    expect(locate(source, ['goal', 'deadline'])).toEqual({ line: 4, col: 3 });
    expect(locate(source, ['goal', 'needs', 5])).toEqual({ line: 6, col: 5 });
    expect(locate(source, ['steps', 0, 'order', 'product', 'deeper'])).toEqual({ line: 9, col: 23 });
    expect(locate(source, ['nothing', 'here'])).toEqual({ line: 2, col: 1 });
  });
});

describe('formatting', () => {
  it('prints file:line:col: message and an indented hint', () => {
    expect(formatSourceError({ file: 'a.yaml', line: 3, col: 7, message: 'bad', hint: 'fix it' })).toBe(
      'a.yaml:3:7: bad\n  hint: fix it',
    );
    expect(formatSourceError({ file: 'a.yaml', line: 3, col: 7, message: 'bad' })).toBe('a.yaml:3:7: bad');
  });

  it('sorts by file and position and drops exact duplicates', () => {
    const e = (file: string, line: number, col: number, message = 'm') => ({ file, line, col, message });
    expect(sortErrors([e('b', 1, 1), e('a', 10, 1), e('a', 2, 5), e('a', 2, 3), e('a', 2, 3)])).toEqual([
      e('a', 2, 3),
      e('a', 2, 5),
      e('a', 10, 1),
      e('b', 1, 1),
    ]);
  });
});
