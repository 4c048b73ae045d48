/**
 * `junit.xml` for CI: one `<testsuite>` per scenario, one `<testcase>` per run. A run that missed its
 * expectation is a `<failure type="expectation">`; a dead end the baseline accepts passes and says so
 * in its `<system-out>`; every run carries the customer's timeline in
 * `<system-out>`. Runs are in virtual time, so every `time` is 0 and the bytes are deterministic.
 * The structure follows the common JUnit XSD (testsuites > testsuite > properties?, testcase*,
 * testcase > failure*, system-out).
 */

import type { ResultsFile, RunResult, ScenarioResult } from '../core/contract.ts';
import { faultsLabel, formatHours, formatMoney, OUTCOME_LABEL, runLabels, timelineLines } from './format.ts';
import type { Reporter } from './reporter.ts';

function invalidInXml(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff
  );
}

function visible(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0').toUpperCase()}`;
}

/**
 * XML 1.0 cannot hold C0 controls but tab/LF/CR, U+FFFE/U+FFFF or unpaired surrogates at all (not
 * even as `&#…;`): they are written as visible `\uXXXX` text instead.
 */
function clean(text: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let bad = invalidInXml(code);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      bad = true;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      bad = true;
    }
    if (bad) {
      out += text.slice(start, i) + visible(code);
      start = i + 1;
    }
  }
  return start === 0 ? text : out + text.slice(start);
}

/** Escapes element text. */
export function xmlText(text: string): string {
  return clean(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value (double-quoted); tabs and line breaks survive attribute normalization. */
export function xmlAttr(text: string): string {
  return xmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

function attrs(pairs: [string, string | number][]): string {
  return pairs.map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`).join('');
}

function failureMessage(run: RunResult): string {
  return (
    run.failure ??
    `Expected ${OUTCOME_LABEL[run.expected.outcome]}, got ${OUTCOME_LABEL[run.outcome]}` +
      (run.expected.findings ? ` (findings: ${run.findings.map((f) => f.oracle).join(', ') || 'none'})` : '')
  );
}

function failureBody(scenario: ScenarioResult, run: RunResult): string {
  const s = run.scorecard;
  const lines = [
    `Expected: ${OUTCOME_LABEL[run.expected.outcome]}${run.expected.findings ? ` with findings [${run.expected.findings.join(', ')}]` : ''}`,
    `Outcome:  ${OUTCOME_LABEL[run.outcome]}`,
    `Faults:   ${faultsLabel(run.faults)}`,
    `Customer: ${run.persona.name}`,
    '',
    run.explanation,
  ];
  if (run.frontier?.length)
    lines.push('', 'Every way out was closed:', ...run.frontier.map((f) => `  - ${f}`));
  if (run.findings.length) {
    lines.push('', 'Findings:', ...run.findings.map((f) => `  - [${f.severity}] ${f.oracle}: ${f.message}`));
  }
  lines.push(
    '',
    `Scorecard: time to resolution ${s.timeToResolutionHours === null ? 'never' : formatHours(s.timeToResolutionHours)}, ` +
      `${s.contacts} contacts, ${s.calls} calls, ${s.storeVisits} store visits, ${s.effortHours} h effort, ` +
      `${formatMoney(s.moneyLost, s.currency)} lost`,
    '',
    `Replay: ${run.replay}`,
    `Scenario file: ${scenario.file}`,
  );
  // The Jenkins/GitLab convention for files attached to a test case.
  for (const a of run.attachments ?? []) lines.push(`${a.name}: [[ATTACHMENT|${a.path}]]`);
  return lines.join('\n');
}

function systemOut(scenario: ScenarioResult, run: RunResult): string {
  return [
    `${scenario.title} — ${faultsLabel(run.faults)} — ${OUTCOME_LABEL[run.outcome]}`,
    ...(run.accepted
      ? [
          `Accepted dead end: expected ${OUTCOME_LABEL[run.expected.outcome]}, but the baseline (deadend-baseline.json) accepts this dead end. Replay: ${run.replay}`,
        ]
      : []),
    `Times in ${scenario.timezone}.`,
    ...timelineLines(scenario, run),
    '',
    run.explanation,
  ].join('\n');
}

export function renderJunit(results: ResultsFile): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(
    `<testsuites${attrs([
      ['name', 'deadend'],
      ['tests', results.scenarios.reduce((n, s) => n + s.runs.length, 0)],
      ['failures', results.scenarios.reduce((n, s) => n + s.runs.filter((r) => !r.pass).length, 0)],
      ['errors', 0],
      ['skipped', 0],
      ['time', 0],
    ])}>`,
  );
  for (const scenario of results.scenarios) {
    const labels = runLabels(scenario);
    out.push(
      `  <testsuite${attrs([
        ['name', scenario.id],
        ['tests', scenario.runs.length],
        ['failures', scenario.runs.filter((r) => !r.pass).length],
        ['errors', 0],
        ['skipped', 0],
        ['time', 0],
        ['file', scenario.file],
      ])}>`,
      '    <properties>',
      ...(
        [
          ['title', scenario.title],
          ['merchant', scenario.merchant],
          ['goal', scenario.goal],
          ['deadline', scenario.deadline],
          ['timezone', scenario.timezone],
          ['seed', String(results.seed)],
          ['target', results.target],
        ] as const
      ).map(
        ([name, value]) =>
          `      <property${attrs([
            ['name', name],
            ['value', value],
          ])}/>`,
      ),
      '    </properties>',
    );
    scenario.runs.forEach((run, i) => {
      out.push(
        `    <testcase${attrs([
          ['name', labels[i] ?? faultsLabel(run.faults)],
          ['classname', scenario.id],
          ['file', scenario.file],
          ['time', 0],
        ])}>`,
      );
      if (!run.pass) {
        out.push(
          `      <failure${attrs([
            ['message', failureMessage(run)],
            ['type', 'expectation'],
          ])}>${xmlText(failureBody(scenario, run))}</failure>`,
        );
      }
      out.push(`      <system-out>${xmlText(systemOut(scenario, run))}</system-out>`, '    </testcase>');
    });
    out.push('  </testsuite>');
  }
  out.push('</testsuites>', '');
  return out.join('\n');
}

export const junitReporter: Reporter = {
  name: 'junit',
  files: (results) => [{ path: 'junit.xml', content: renderJunit(results) }],
};
