import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCondition } from './define.ts';
import { pluginSet } from './registry.ts';
import { pluginParamsProblems } from './validate.ts';

const set = pluginSet({
  conditions: [
    defineCondition({
      id: 'queue-shorter-than',
      params: z.strictObject({ people: z.number().int().positive() }),
      holds: () => true,
    }),
  ],
});

describe('pluginParamsProblems', () => {
  const data = {
    goal: { when: { all: [{ plugin: 'queue-shorter-than', params: { people: 'five' } }] } },
    steps: [{ await: { until: { plugin: 'queue-shorter-than' } } }],
  };
  const refs = [
    { kind: 'plugin condition', id: 'queue-shorter-than', path: ['goal', 'when', 'all', 0, 'plugin'] },
    { kind: 'plugin condition', id: 'queue-shorter-than', path: ['steps', 0, 'await', 'until', 'plugin'] },
    { kind: 'plugin condition', id: 'not-registered', path: ['x', 'plugin'] },
    { kind: 'fact', id: 'queue-shorter-than', path: ['y'] },
  ];

  it('places a rejected value under params, and missing params at the plugin id', () => {
    const problems = pluginParamsProblems(set, refs, data);
    expect(problems.map((p) => p.path)).toEqual([
      ['goal', 'when', 'all', 0, 'params', 'people'],
      ['steps', 0, 'await', 'until', 'plugin'],
    ]);
    expect(problems[0]?.message).toMatch(/^params of the plugin condition "queue-shorter-than": people: /);
  });
});
