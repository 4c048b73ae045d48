/**
 * A toy open-vocabulary merchant for the engine's tests: a service whose web sign-in is locked,
 * with a key some customers kept, a help desk (named "SMS reset", to check names are never
 * re-cased) that unlocks accounts in office hours, and a renewal that charges £50.
 */
import type { LoadedOpenScenario } from '../../../vocabulary/loaded.ts';
import { openMerchantProfileSchema, openScenarioSchema } from '../../../vocabulary/schema/index.ts';

export const toyProfile = () =>
  openMerchantProfileSchema.parse({
    id: 'toy',
    name: 'Toy',
    timezone: 'Europe/London',
    currency: 'GBP',
    calendars: [
      {
        id: 'weekdays',
        timezone: 'Europe/London',
        hours: {
          mon: '09:00-17:00',
          tue: '09:00-17:00',
          wed: '09:00-17:00',
          thu: '09:00-17:00',
          fri: '09:00-17:00',
        },
      },
    ],
    channels: [
      { id: 'web', name: 'Toy web site', kind: 'web', medium: 'account' },
      {
        id: 'help',
        name: 'SMS reset',
        kind: 'chat',
        medium: 'account',
        calendar: 'weekdays',
        responseTime: 'PT15M',
        remedies: ['unlock'],
      },
    ],
    facts: [
      { id: 'locked', description: 'the sign-in is locked', initially: true },
      { id: 'signed-in', description: 'the customer is signed in' },
      { id: 'cancelled', description: 'the plan is cancelled', customerRelevant: true },
      { id: 'renewed', description: 'the plan was renewed', customerRelevant: true },
    ],
    traits: [{ id: 'has-key', description: 'Kept the recovery key.', type: 'boolean', default: false }],
    problems: [{ id: 'cannot-sign-in', when: { not: { fact: 'signed-in' } }, says: 'I cannot sign in' }],
    actions: [
      {
        id: 'sign-in',
        label: 'sign in',
        by: 'customer',
        on: 'web',
        requires: { not: { fact: 'locked' } },
        effects: [{ set: 'signed-in' }],
      },
      {
        id: 'sign-in-with-key',
        label: 'sign in with the recovery key',
        by: 'customer',
        on: 'web',
        requires: { all: [{ trait: 'has-key' }, { not: { fact: 'signed-in' } }] },
        effects: [{ set: 'signed-in' }],
      },
      {
        id: 'cancel',
        label: 'cancel the plan',
        by: 'customer',
        on: 'web',
        requires: { all: [{ fact: 'signed-in' }, { not: { fact: 'cancelled' } }] },
        effects: [{ set: 'cancelled' }, { stop: 'renewal' }],
      },
      {
        id: 'unlock',
        label: 'unlock the sign-in',
        by: 'staff',
        on: 'help',
        about: ['cannot-sign-in'],
        effects: [{ clear: 'locked' }],
        takes: 'PT1H',
      },
    ],
    processes: [
      {
        id: 'renewal',
        label: 'the plan renews',
        starts: { at: '2026-03-01T00:00' },
        steps: [{ after: 'P14D', do: [{ charge: { tag: 'plan', amount: 50 } }, { set: 'renewed' }] }],
      },
    ],
  });

/** A scenario over the toy: sign in and cancel before the renewal on Sunday 15 March 2026. */
export function toyScenario(over: Record<string, unknown> = {}): LoadedOpenScenario {
  const scenario = openScenarioSchema.parse({
    id: 'toy-cancel',
    title: 'Cancel the toy plan',
    merchant: 'toy',
    customer: { name: 'Ada Toy', addresses: { email: { current: 'ada@example.net' } } },
    personas: [
      { id: 'with-key', traits: { 'has-key': true } },
      { id: 'no-key', traits: { 'has-key': false } },
    ],
    start: '2026-03-13T10:00',
    goal: { description: 'The plan is cancelled', when: { fact: 'cancelled' }, deadline: '2026-03-15T00:00' },
    horizon: { afterDeadline: 'P1D' },
    steps: [{ do: 'sign-in' }, { do: 'cancel' }],
    expect: [{ otherwise: true, outcome: 'ok' }],
    ...over,
  });
  return { kind: 'open', file: 'toy.yaml', scenario, profile: toyProfile(), sources: [] };
}
