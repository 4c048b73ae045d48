/** docs/plugins.md shows the example's files as they are: each one verbatim in a code block. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8');
const page = read('../../plugins.md');

describe('docs/plugins.md', () => {
  for (const [file, comment] of [
    ['merchants/beanbox.yaml', '#'],
    ['scenarios/holiday-pause.yaml', '#'],
    ['pauseDeliveries.ts', '//'],
    ['chargedWhilePaused.ts', '//'],
    ['deadend.config.ts', '//'],
    ['beanbox.test.ts', '//'],
  ] as const) {
    it(`shows ${file} as it is`, () => {
      expect(page).toContain(`${comment} ${file}\n${read(file)}\`\`\`\n`);
    });
  }
});
