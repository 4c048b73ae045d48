import { describe, expect, it } from 'vitest';
import { faultTreeSvg } from './faultTree.ts';

describe('fault tree SVG', () => {
  const probabilities = new Map([
    ['key-quarantined', 0.05],
    ['holidays', 1],
    ['a<b', 0.001],
  ]);

  it('draws one AND gate per cut set of two or more faults under one OR gate, with each fault’s probability', () => {
    const svg = faultTreeSvg({
      top: 'dead end',
      cutSets: [['key-quarantined', 'holidays'], ['a<b']],
      probabilities,
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<title>OR<\/title>/g)).toHaveLength(1);
    expect(svg.match(/<title>AND<\/title>/g)).toHaveLength(1);
    expect(svg.match(/<circle/g)).toHaveLength(3);
    expect(svg).toContain('>0.05<');
    expect(svg).toContain('>1e-3<');
    // Labels are escaped: the SVG stays well-formed whatever a fault is called.
    expect(svg).toContain('a&lt;b');
    expect(svg).not.toContain('a<b');
  });

  it('says so when no searched combination causes the event', () => {
    expect(faultTreeSvg({ top: 'dead end', cutSets: [], probabilities })).toContain(
      'no combination of faults searched',
    );
  });
});
