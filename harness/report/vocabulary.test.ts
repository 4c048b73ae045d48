import { describe, expect, it } from 'vitest';
import { reportCatalogue } from '../engine/reportCatalogue.ts';
import { describeFaultUses } from '../services/describeFault.ts';
import { catalogueVocabulary } from './catalogueVocabulary.ts';
import { firstSection } from './firstSection.ts';
import { sampleResults } from './fixtures/sample-results.ts';
import { readable } from './vocabulary.ts';

describe('words for readers', () => {
  it('takes internal ids out of engine sentences', () => {
    const vocabulary = catalogueVocabulary(sampleResults(), reportCatalogue());
    expect(readable('Order ord_3 entered the carrier and never left it.', vocabulary)).toBe(
      'The order entered the carrier and never left it.',
    );
    expect(readable('The shop cancelled order ord_3 (billing address does not match the card).')).toBe(
      'The shop cancelled the order (billing address does not match the card).',
    );
    expect(readable('the licence-key e-mail did not arrive', vocabulary)).toBe(
      'the licence key e-mail did not arrive',
    );
  });

  it('names fault uses from the catalogue, telling apart two that would read the same', () => {
    const names = describeFaultUses([
      {
        id: 'short-outage',
        fault: 'auth.login-failure',
        params: {},
        probability: 1,
        window: { from: '2026-03-02T08:00', until: '2026-03-03T12:00' },
      },
      {
        id: 'week-long-outage',
        fault: 'auth.login-failure',
        params: {},
        probability: 1,
        window: { from: '2026-03-02T08:00', until: '2026-03-09T12:00' },
      },
      { id: 'a', fault: 'site.slow', params: {}, probability: 1 },
      { id: 'b', fault: 'site.slow', params: {}, probability: 1 },
    ]);
    expect(names['short-outage']).toBe('Customers cannot log in — for 1 day 4 hours');
    expect(names['week-long-outage']).toBe('Customers cannot log in — for 1 week');
    expect(names.a).not.toBe(names.b);
  });
});

describe('the first section', () => {
  it('gives every dead end a cost in words, and the totals', () => {
    const results = sampleResults();
    const section = firstSection(results, catalogueVocabulary(results, reportCatalogue()));
    const deadEnds = results.scenarios.flatMap((s) => s.runs).filter((r) => r.outcome === 'dead-end');
    expect(section.stranded.flatMap((j) => j.runs)).toHaveLength(deadEnds.length);
    for (const r of section.stranded.flatMap((j) => j.runs)) {
      expect(r.money).toMatch(/^(\$[\d,.]+ lost|nothing out of pocket)$/);
      expect(r.effort).toMatch(/of the customer’s time$/);
      expect(r.reason).not.toMatch(/^Dead end/);
    }
    expect(section.totals.deadEnds).toBe(deadEnds.length);
    expect(section.verdictGood).toBe(results.summary.failed === 0);
  });
});
