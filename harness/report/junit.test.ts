import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { summarize } from '../core/merge.ts';
import { reportCatalogue } from '../engine/reportCatalogue.ts';
import { sampleResults } from './fixtures/sample-results.ts';
import { junitReporter, renderJunit, xmlAttr } from './junit.ts';

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Parses with element order kept: each node is `{ tagName: children[], ':@': attributes }`. */
function parseOrdered(xml: string): Node[] {
  return new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    htmlEntities: true,
  }).parse(xml) as Node[];
}

function tag(node: Node): string {
  return Object.keys(node).find((k) => k !== ':@') ?? '';
}
function children(node: Node): Node[] {
  return (node[tag(node)] as Node[]).filter((c) => tag(c) !== '#text');
}
function attr(node: Node, name: string): string | undefined {
  return node[':@']?.[name];
}
function text(node: Node): string {
  return (node[tag(node)] as Node[]).map((c) => String(c['#text'] ?? '')).join('');
}

/**
 * The structure the common JUnit XSD (the Ant/Jenkins/GitLab one) requires: testsuites > testsuite
 * (name, tests; children properties?, testcase*, system-out?, system-err?) > testcase (name,
 * classname; children skipped | error* | failure* | system-out* | system-err*), failure/error with
 * message and type; and counts that add up.
 */
function checkJunitStructure(xml: string): { suites: Node[]; cases: Node[] } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const roots = parseOrdered(xml).filter((n) => tag(n) !== '?xml');
  expect(roots.map(tag)).toEqual(['testsuites']);
  const root = roots[0]!;
  const suites = children(root);
  const allCases: Node[] = [];
  expect(suites.every((s) => tag(s) === 'testsuite')).toBe(true);
  for (const suite of suites) {
    for (const required of ['name', 'tests', 'failures', 'errors', 'skipped', 'time']) {
      expect(attr(suite, required), `testsuite@${required}`).toBeDefined();
    }
    const order = children(suite).map(tag);
    expect(order.join(' ')).toMatch(/^(properties )?(testcase ?)*(system-out ?)?(system-err)?$/);
    const cases = children(suite).filter((c) => tag(c) === 'testcase');
    allCases.push(...cases);
    for (const property of children(suite)
      .filter((c) => tag(c) === 'properties')
      .flatMap(children)) {
      expect(tag(property)).toBe('property');
      expect(attr(property, 'name')).toBeDefined();
      expect(attr(property, 'value')).toBeDefined();
    }
    for (const testcase of cases) {
      expect(attr(testcase, 'name')).toBeTruthy();
      expect(attr(testcase, 'classname')).toBe(attr(suite, 'name'));
      expect(attr(testcase, 'time')).toBe('0');
      for (const child of children(testcase)) {
        expect(['skipped', 'error', 'failure', 'system-out', 'system-err']).toContain(tag(child));
        if (tag(child) === 'failure' || tag(child) === 'error') {
          expect(attr(child, 'message')).toBeTruthy();
          expect(attr(child, 'type')).toBeTruthy();
        }
      }
    }
    const failures = cases.filter((c) => children(c).some((x) => tag(x) === 'failure')).length;
    expect(Number(attr(suite, 'tests'))).toBe(cases.length);
    expect(Number(attr(suite, 'failures'))).toBe(failures);
    expect(attr(suite, 'errors')).toBe('0');
    expect(attr(suite, 'skipped')).toBe('0');
  }
  expect(Number(attr(root, 'tests'))).toBe(allCases.length);
  expect(Number(attr(root, 'failures'))).toBe(suites.reduce((n, s) => n + Number(attr(s, 'failures')), 0));
  return { suites, cases: allCases };
}

describe('junit.xml', () => {
  const xml = junitReporter.files(sampleResults(), reportCatalogue())[0]!;

  it('has the structure and counts CI tools expect', () => {
    expect(xml.path).toBe('junit.xml');
    const { suites, cases } = checkJunitStructure(xml.content);
    expect(suites.map((s) => attr(s, 'name'))).toEqual([
      'converter-lite-christmas-eve',
      'gift-order-out-of-state',
    ]);
    expect(suites.map((s) => attr(s, 'file'))).toEqual([
      'scenarios/converter-lite-christmas-eve.yaml',
      'scenarios/gift-order-out-of-state.yaml',
    ]);
    expect(cases.map((c) => attr(c, 'name'))).toEqual([
      'none',
      'mail.quarantined',
      'mail.quarantined + support.closed',
      'mail.spam-foldered',
      'none',
      'payment.avs-mismatch',
    ]);
    expect(xml.content).toContain(
      '<testsuites name="deadend" tests="6" failures="1" errors="0" skipped="0" time="0">',
    );
  });

  it('reports a missed expectation as a failure with the explanation, frontier, findings and replay', () => {
    const { cases } = checkJunitStructure(xml.content);
    const failed = cases.filter((c) => children(c).some((x) => tag(x) === 'failure'));
    expect(failed.map((c) => attr(c, 'name'))).toEqual(['mail.quarantined + support.closed']);
    const failure = children(failed[0]!).find((x) => tag(x) === 'failure')!;
    expect(attr(failure, 'type')).toBe('expectation');
    expect(attr(failure, 'message')).toBe(
      'Expected the customer to recover on their own, but the journey dead-ended.',
    );
    const body = text(failure);
    expect(body).toContain('Outcome:  dead end');
    expect(body).toContain('support reopens 2026-01-05, after the 2026-01-01 deadline.');
    expect(body).toContain('  - Resend the confirmation: the shop offers no resend.');
    expect(body).toContain('  - [medium] no-feedback-channel: ');
    expect(body).toContain(
      'Replay: npx deadend run scenarios/converter-lite-christmas-eve.yaml --seed 42 --faults mail.quarantined+support.closed',
    );
  });

  it('tells the customer’s story in plain language in the scenario’s time zone', () => {
    const { cases } = checkJunitStructure(xml.content);
    const out = text(children(cases[2]!).find((x) => tag(x) === 'system-out')!);
    expect(out).toContain('Times in America/New_York.');
    expect(out).toContain('24 Dec 2025 17:32 — The customer ordered Converter Lite and paid $250.00');
    expect(out).toContain('24 Dec 19:41 — The customer e-mailed support asking for the download link.');
    expect(out).toContain('1 Jan 2026 23:59 — The deadline passed without the software');
  });

  it('escapes markup and control characters so the file stays well-formed and round-trips', () => {
    const results = sampleResults();
    const scenario = results.scenarios[0]!;
    scenario.id = 'gift <b>&</b> "quoted" \'apos\'';
    const run = scenario.runs[2]!;
    run.failure = 'line one\nline two\t<tab> & "more"';
    run.explanation = `bell\u0007 escape\u001b nul\u0000 lone\uD800surrogate ]]> end`;
    results.summary = summarize(results.scenarios);
    const content = renderJunit(results);
    const { suites } = checkJunitStructure(content);
    expect(attr(suites[0]!, 'name')).toBe('gift <b>&</b> "quoted" \'apos\'');
    const failure = children(children(suites[0]!)[3]!).find((x) => tag(x) === 'failure')!;
    expect(attr(failure, 'message')).toBe('line one\nline two\t<tab> & "more"');
    expect([...content].filter((c) => c < ' ' && !'\t\n\r'.includes(c))).toEqual([]);
    expect(content).toContain('bell\\u0007 escape\\u001B nul\\u0000 lone\\uD800surrogate ]]&gt; end');
    expect(xmlAttr('a\nb\tc\rd')).toBe('a&#10;b&#9;c&#13;d');
  });

  it('is deterministic', () => {
    expect(renderJunit(sampleResults())).toBe(renderJunit(sampleResults()));
  });
});

describe('junit.xml: evidence from a target', () => {
  it('names each kept file with the [[ATTACHMENT|path]] convention in the failed test case', () => {
    const results = sampleResults();
    const failed = results.scenarios[0]!.runs.find((r) => !r.pass)!;
    failed.attachments = [
      { name: 'Playwright trace', path: 'attachments/x/none/trace.zip', contentType: 'application/zip' },
    ];
    expect(renderJunit(results)).toContain('Playwright trace: [[ATTACHMENT|attachments/x/none/trace.zip]]');
  });
});
