/**
 * The sections of summary.md after its title, in order. A new analysis (the share of customers
 * stranded, a fault tree) adds its renderer here; each returns undefined when it has nothing to say.
 */

import type { Catalogue, ResultsFile } from '../core/contract.ts';
import { catalogueVocabulary } from './catalogueVocabulary.ts';
import { firstSectionMarkdown } from './firstSection.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface MarkdownSection {
  id: string;
  render(results: ResultsFile, vocabulary: Vocabulary, qaLine: string): string | undefined;
}

export const MARKDOWN_SECTIONS: MarkdownSection[] = [
  {
    id: 'stranded',
    render: (results, vocabulary, qaLine) => firstSectionMarkdown(results, vocabulary, qaLine),
  },
];

export function markdownSections(results: ResultsFile, catalogue: Catalogue, qaLine: string): string[] {
  const vocabulary = catalogueVocabulary(results, catalogue);
  return MARKDOWN_SECTIONS.map((s) => s.render(results, vocabulary, qaLine)).filter(
    (text): text is string => text !== undefined,
  );
}
