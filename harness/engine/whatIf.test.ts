import { describe, expect, it } from 'vitest';
import { mergeResults } from '../core/merge.ts';
import { renderMarkdown } from '../report/markdown.ts';
import { loadScenarios } from '../scenario/load.ts';
import { reportCatalogue } from './reportCatalogue.ts';
import { runSuite } from './runner.ts';
import { suggestFixes } from './whatIf.ts';

describe('what-if fixes', () => {
  it('names the capabilities that rescue the Christmas Eve dead ends, the most rescuing first', async () => {
    const loaded = await loadScenarios(['scenarios/000-converter-lite-christmas-eve.yaml']);
    const results = await runSuite(loaded.scenarios, { seed: 1 });
    const fixes = suggestFixes(loaded.scenarios, results);
    const byChange = new Map(fixes.map((f) => [f.change, f]));
    // Both dead ends (quarantined key, mistyped address, each with support closed) are rescued
    // by a download on the order page; resending only helps when the address is right.
    expect(fixes[0]!.change).toBe('offer downloadFromOrderPage');
    expect(fixes[0]!.rescues.map((r) => r.faults.join('+')).sort()).toEqual([
      'address-typo+holidays',
      'key-quarantined+holidays',
    ]);
    expect(byChange.get('offer resendConfirmation')!.rescues.map((r) => r.faults.join('+'))).toEqual([
      'key-quarantined+holidays',
    ]);
    expect(byChange.get('offer confirmEmailTwice')!.rescues[0]).toMatchObject({ outcome: 'ok' });
    // A capability that changes nothing for these journeys is not offered as a fix.
    expect(byChange.has('offer feedbackSurvey')).toBe(false);
  });

  it('suggests nothing when nothing dead-ends', async () => {
    const loaded = await loadScenarios(['scenarios/003-training-membership-silo.yaml']);
    const results = await runSuite(loaded.scenarios, { seed: 1 });
    expect(suggestFixes(loaded.scenarios, results)).toEqual([]);
  });

  it('merged shards carry the same fixes as one run, and the summary names the best fix', async () => {
    const loaded = await loadScenarios(['scenarios']);
    const whole = await runSuite(loaded.scenarios, { seed: 1 });
    whole.fixes = suggestFixes(loaded.scenarios, whole);
    const parts = await Promise.all(
      [1, 2, 3].map(async (index) => {
        const part = await runSuite(loaded.scenarios, { seed: 1, shard: { index, total: 3 } });
        const fixes = suggestFixes(loaded.scenarios, part);
        return fixes.length ? { ...part, fixes } : part;
      }),
    );
    expect(mergeResults(parts).fixes).toEqual(whole.fixes);
    expect(renderMarkdown(whole, reportCatalogue())).toContain('| offer downloadFromOrderPage | 2 |');
  });
});
