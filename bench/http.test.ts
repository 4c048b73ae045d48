import { describe, expect, it } from 'vitest';
import { benchHttp, formatRows } from './http.ts';

describe('bench/http.ts', () => {
  it('measures every transport for every request shape (smoke run)', { timeout: 20_000 }, async () => {
    const rows = await benchHttp({ requests: 20, warmup: 5 });
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((r) => r.transport)).size).toBe(4);
    expect(rows.every((r) => r.meanUs > 0 && r.perSecond > 0)).toBe(true);
    expect(formatRows(rows).split('\n')).toHaveLength(10);
  });
});
