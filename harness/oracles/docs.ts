/**
 * The oracle catalogue as text: docs/oracles.md (`deadend docs`) and `deadend oracles`.
 * Derived from the oracle definitions only; deterministic (catalogue order, no dates). Seed
 * scenarios and open-vocabulary scenarios share the ids; an id both know is listed once, with
 * how it reads a declared vocabulary beside its seed rule.
 */
import { markdownTable } from 'markdown-table';
import type { PluginSet } from '../vocabulary/plugins/index.ts';
import { oracleCatalogue } from './catalogue.ts';
import type { Oracle } from './oracle.ts';
import { type VocabularyOracle, vocabularyOracles } from './vocabulary/index.ts';

type Described = Pick<Oracle, 'id' | 'severity' | 'summary' | 'description'>;

interface Entry {
  id: string;
  severity: string;
  summary: string;
  seed?: Described;
  vocabulary?: Described;
}

/** The vocabulary oracles followed by a config's plugin oracles (docs/plugins.md). */
export function withPluginOracles(plugins: PluginSet | undefined): readonly VocabularyOracle[] {
  if (!plugins || plugins.oracles.size === 0) return vocabularyOracles;
  const added = [...plugins.oracles.values()].map((o) => ({
    id: o.id,
    severity: o.severity ?? 'medium',
    summary: o.summary,
    description: `${o.summary} (a plugin oracle of ${plugins.source ?? 'deadend.config.ts'})`,
    check: () => [],
  }));
  return [...vocabularyOracles, ...added];
}

function entries(catalogue: ReadonlyMap<string, Oracle>, vocabulary: readonly VocabularyOracle[]): Entry[] {
  const byId = new Map<string, Entry>();
  for (const o of catalogue.values())
    byId.set(o.id, { id: o.id, severity: o.severity, summary: o.summary, seed: o });
  for (const o of vocabulary) {
    const seen = byId.get(o.id);
    if (seen) seen.vocabulary = o;
    else byId.set(o.id, { id: o.id, severity: o.severity, summary: o.summary, vocabulary: o });
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export function oracleCatalogueMarkdown(
  catalogue: ReadonlyMap<string, Oracle> = oracleCatalogue,
  vocabulary: readonly VocabularyOracle[] = vocabularyOracles,
): string {
  const oracles = entries(catalogue, vocabulary);
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
    'Scenarios over a declared vocabulary (docs/vocabulary-design.md) use the same ids, read',
    'from the names the profile declares, and may name a finding by the words its message must',
    'contain: `{ oracle: silent-failure, names: [dunning-notice, 1 April] }`. Dates in those',
    'messages read “Wednesday 1 April 2026 at 01:00”, in the customer’s time zone.',
    '',
    markdownTable([
      ['oracle', 'severity', 'what it detects'],
      ...oracles.map((o) => [
        `\`${o.id}\``,
        o.severity,
        o.summary + (o.seed ? '' : ' (declared vocabularies)'),
      ]),
    ]),
    '',
  ];
  for (const o of oracles) {
    lines.push(`## \`${o.id}\``, '', `Severity: **${o.severity}**. ${o.summary}`, '');
    if (o.seed) lines.push(o.seed.description, '');
    if (o.vocabulary) lines.push(o.vocabulary.description, '');
  }
  return lines.join('\n');
}

/** `deadend oracles` in a terminal: one line per oracle. */
export function oracleCatalogueText(
  catalogue: ReadonlyMap<string, Oracle> = oracleCatalogue,
  vocabulary: readonly VocabularyOracle[] = vocabularyOracles,
): string {
  const oracles = entries(catalogue, vocabulary);
  const width = Math.max(...oracles.map((o) => o.id.length));
  return `${oracles.map((o) => `${o.id.padEnd(width)}  ${o.severity.padEnd(6)}  ${o.summary}`).join('\n')}\n`;
}
