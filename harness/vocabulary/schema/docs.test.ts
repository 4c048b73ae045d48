/** docs/vocabulary.md is generated (its freshness is checked with the other pages in cli/commands/docs.test.ts). */
import { describe, expect, it } from 'vitest';
import { vocabularyMarkdown } from './docs.ts';

describe('vocabularyMarkdown', () => {
  const page = vocabularyMarkdown();

  it('has a section per declaration, step, condition and effect', () => {
    for (const heading of ['### channels', '### processes', '#### `await`', '#### `knows`', '#### `refund`'])
      expect(page).toContain(`\n${heading}\n`);
  });

  it('gives every field its words, and references the kind they name', () => {
    const rows = page.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.length).toBeGreaterThan(150);
    expect(rows.filter((r) => r.endsWith('| |'))).toEqual([]);
    expect(page).toContain(
      '| `remedies` | list of id of an action | `[]` | Staff actions offered on this channel. |',
    );
  });
});
