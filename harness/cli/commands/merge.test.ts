import { describe, expect, it } from 'vitest';
import type { ResultsFile } from '../../core/contract.ts';
import { sampleResults } from '../../report/fixtures/sample-results.ts';
import { UsageError } from '../io.ts';
import { checkShardsComplete } from './merge.ts';

describe('checkShardsComplete', () => {
  const part = (shard?: string): ResultsFile => ({ ...sampleResults(), selection: shard ? { shard } : {} });

  it('accepts every shard once, or no shards at all', () => {
    expect(() => checkShardsComplete([part('2/2'), part('1/2')], ['a', 'b'])).not.toThrow();
    expect(() => checkShardsComplete([part(), part()], ['a', 'b'])).not.toThrow();
  });

  it('names the missing shard or the mixed splits', () => {
    expect(() => checkShardsComplete([part('1/3'), part('3/3')], ['a', 'b'])).toThrow(/shard 2\/3 missing/);
    expect(() => checkShardsComplete([part('1/2'), part('2/3')], ['a', 'b'])).toThrow(UsageError);
    expect(() => checkShardsComplete([part('1/2'), part()], ['a', 'b'])).toThrow(/b is not a shard/);
  });
});
