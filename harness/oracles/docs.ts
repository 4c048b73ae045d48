/**
 * The oracle catalogue as text: docs/oracles.md (`deadend docs`) and `deadend oracles`.
 * Derived from the oracle definitions only; deterministic (catalogue order, no dates).
 */
import { markdownTable } from 'markdown-table';
import { oracleCatalogue } from './catalogue.ts';
import type { Oracle } from './oracle.ts';

export function oracleCatalogueMarkdown(catalogue: ReadonlyMap<string, Oracle> = oracleCatalogue): string {
  const oracles = [...catalogue.values()];
  const lines = [
    '<!-- Generated from harness/oracles/ by `npm run docs` (deadend docs). Do not edit by hand. -->',
    '',
    '# Oracle catalogue',
    '',
    'An oracle reads the trace of a finished run and reports findings: things that went wrong for',
    'the customer whatever the outcome. Every finding quotes the events that triggered it and lists',
    'their indices in the run’s `trace`. Findings never change a run’s outcome; an `expect:` entry',
    'that lists `findings:` fails the run when the oracles that fired differ from the list (a missing',
    'or an unexpected one). Without `findings:`, findings are reported but not checked.',
    '',
    'The same list is printed by `npx deadend oracles`.',
    '',
    '```yaml',
    'expect:',
    '  - faults: [card-mismatch]',
    '    outcome: recovered',
    '    findings: [silent-failure, inconsistent-reasons]',
    '```',
    '',
    markdownTable([
      ['oracle', 'severity', 'what it detects'],
      ...oracles.map((o) => [`\`${o.id}\``, o.severity, o.summary]),
    ]),
    '',
  ];
  for (const o of oracles)
    lines.push(`## \`${o.id}\``, '', `Severity: **${o.severity}**. ${o.summary}`, '', o.description, '');
  return lines.join('\n');
}

/** `deadend oracles` in a terminal: one line per oracle. */
export function oracleCatalogueText(catalogue: ReadonlyMap<string, Oracle> = oracleCatalogue): string {
  const oracles = [...catalogue.values()];
  const width = Math.max(...oracles.map((o) => o.id.length));
  return `${oracles.map((o) => `${o.id.padEnd(width)}  ${o.severity.padEnd(6)}  ${o.summary}`).join('\n')}\n`;
}
