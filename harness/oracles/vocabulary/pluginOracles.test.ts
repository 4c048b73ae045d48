import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../core/trace.ts';
import type { LoadedOpenScenario } from '../../vocabulary/loaded.ts';
import { defineOracle, pluginSet } from '../../vocabulary/plugins/index.ts';
import { runVocabularyOracles } from './index.ts';

const events: TraceEvent[] = [
  {
    t: 0,
    actor: 'merchant',
    kind: 'payment.charged',
    text: 'Beanbox charged €12.',
    data: { tag: 'box-1', amount: 12 },
  },
];
const loaded = (plugins?: LoadedOpenScenario['plugins']) =>
  ({
    kind: 'open',
    file: 'x.yaml',
    scenario: { customer: { timezone: 'Europe/Dublin', addresses: {} } },
    profile: { timezone: 'Europe/London' },
    sources: [],
    ...(plugins ? { plugins } : {}),
  }) as unknown as LoadedOpenScenario;

describe('plugin oracles in an open run', () => {
  it('run after the built-in oracles, reading the trace in the customer’s zone', () => {
    let zone = '';
    const everyCharge = defineOracle({
      id: 'every-charge',
      summary: 'lists every charge',
      check: (ctx) => {
        zone = ctx.zone;
        return ctx.events.flatMap((e, i) =>
          e.kind === 'payment.charged' ? [{ message: e.text, events: [i] }] : [],
        );
      },
    });
    const builtIn = {
      id: 'zz-built-in',
      severity: 'high' as const,
      summary: 's',
      description: 'd',
      check: () => [{ oracle: 'zz-built-in', severity: 'high' as const, message: 'm', events: [0] }],
    };
    const ctx = { events, loaded: loaded(pluginSet({ oracles: [everyCharge] })) };
    const findings = runVocabularyOracles(ctx, [builtIn]);
    expect(findings.map((f) => f.oracle)).toEqual(['zz-built-in', 'every-charge']);
    expect(findings.at(-1)).toEqual({
      oracle: 'every-charge',
      severity: 'medium',
      message: 'Beanbox charged €12.',
      events: [0],
    });
    expect(zone).toBe('Europe/Dublin');
  });

  it('leave a run without plugins as it was', () => {
    expect(runVocabularyOracles({ events, loaded: loaded() }, [])).toEqual([]);
  });
});
