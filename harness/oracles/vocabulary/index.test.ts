import { describe, expect, it } from 'vitest';
import { runVocabularyOracles, VOCABULARY_ORACLE_IDS, vocabularyOracles } from './index.ts';
import { ctxOf, ev, h, sentAndDelivered } from './testdata/toy.ts';

/** The seed catalogue's ids (harness/oracles/catalogue.ts; not imported: no folder cycle). */
const ORACLE_IDS = [
  'inconsistent-reasons',
  'lost-in-transit',
  'no-feedback-channel',
  'overcharge',
  'ping-pong',
  'silent-failure',
  'unverified-secret',
  'zombie-notice',
];

describe('the vocabulary oracles', () => {
  it('keep every seed oracle id and add the three new ones, sorted', () => {
    for (const id of ORACLE_IDS) expect(VOCABULARY_ORACLE_IDS).toContain(id);
    expect(VOCABULARY_ORACLE_IDS.filter((id) => !ORACLE_IDS.includes(id))).toEqual([
      'broken-promise',
      'duplicate-charge',
      'stale-address',
    ]);
    expect([...VOCABULARY_ORACLE_IDS]).toEqual([...VOCABULARY_ORACLE_IDS].sort());
    for (const o of vocabularyOracles) {
      expect(o.summary).toMatch(/\.$/);
      expect(o.description.length).toBeGreaterThan(80);
    }
  });

  it('run together over one trace, findings sorted by oracle then first event', () => {
    const events = [
      ev(h(0), 'fact.set', { fact: 'order-ready', process: 'prepare' }),
      ...sentAndDelivered(h(1), 'm1', 'statement', 'email', 'inbox', {
        owner: 'former',
        to: 'jo@old.example',
      }),
      ev(h(2), 'parcel.lost', { route: 'delivery', hop: 'hub', party: 'carrier', fault: 'lost' }),
    ];
    expect(runVocabularyOracles(ctxOf(events)).map((f) => f.oracle)).toEqual([
      'lost-in-transit',
      'silent-failure',
      'stale-address',
    ]);
    expect(runVocabularyOracles(ctxOf([]))).toEqual([]);
  });
});
