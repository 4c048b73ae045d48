/**
 * A toy open-vocabulary merchant for the shop's and the http target's tests: a gym whose web
 * site signs the member in and cancels the membership, whose front desk (in person) cannot be
 * a page, and whose chat can unlock a locked account.
 */
import { calendarRegistry } from '../../clock/calendarFiles.ts';
import type { LoadedOpenScenario } from '../../vocabulary/loaded.ts';
import { openMerchantProfileSchema, openScenarioSchema } from '../../vocabulary/schema/index.ts';
import type { RunSetup } from '../../vocabulary/world/index.ts';
import { DEFAULT_CALENDARS_DIR } from '../sandbox/session.ts';

export const toyProfile = (over: Record<string, unknown> = {}) =>
  openMerchantProfileSchema.parse({
    id: 'lift-gym',
    name: 'Lift Gym',
    timezone: 'Europe/London',
    currency: 'GBP',
    channels: [
      { id: 'web', name: 'Lift Gym web site', kind: 'web', medium: 'account' },
      { id: 'desk', name: 'Front desk', kind: 'store', medium: 'in-person' },
      {
        id: 'chat',
        name: 'Lift Gym chat',
        kind: 'chat',
        medium: 'account',
        responseTime: 'PT10M',
        remedies: ['unlock'],
      },
    ],
    facts: [
      { id: 'signed-in', description: 'the member is signed in' },
      { id: 'locked', description: 'the account is locked', initially: true },
      { id: 'member', description: 'the membership is running', initially: true, shownOn: ['web'] },
      {
        id: 'cancelled',
        description: 'the membership is cancelled',
        customerRelevant: true,
        shownOn: ['web'],
      },
    ],
    problems: [{ id: 'cannot-sign-in', when: { not: { fact: 'signed-in' } }, says: 'I cannot sign in' }],
    actions: [
      {
        id: 'sign-in',
        label: 'sign in',
        by: 'customer',
        on: 'web',
        requires: { all: [{ not: { fact: 'locked' } }, { not: { fact: 'signed-in' } }] },
        effects: [{ set: 'signed-in' }],
        takes: 'PT0S',
        effort: 'PT1M',
      },
      {
        id: 'cancel',
        label: 'cancel the membership',
        by: 'customer',
        on: 'web',
        requires: { all: [{ fact: 'signed-in' }, { fact: 'member' }] },
        effects: [{ set: 'cancelled' }, { clear: 'member' }],
        takes: 'PT0S',
      },
      {
        id: 'cancel-at-desk',
        label: 'cancel at the front desk',
        by: 'customer',
        on: 'desk',
        requires: { all: [{ fact: 'member' }, { fact: 'signed-in' }] },
        effects: [{ set: 'cancelled' }, { clear: 'member' }],
        takes: 'PT0S',
      },
      {
        id: 'unlock',
        label: 'unlock the account',
        by: 'staff',
        about: ['cannot-sign-in'],
        requires: { fact: 'locked' },
        effects: [{ clear: 'locked' }],
        takes: 'PT0S',
      },
    ],
    ...over,
  });

export function toyLoaded(profileOver: Record<string, unknown> = {}): LoadedOpenScenario {
  const profile = toyProfile(profileOver);
  const scenario = openScenarioSchema.parse({
    id: 'cancel-membership',
    title: 'Cancel the gym membership online',
    merchant: 'lift-gym',
    start: '2026-03-02T10:00',
    goal: {
      description: 'the membership is cancelled',
      when: { fact: 'cancelled' },
      deadline: '2026-03-09T10:00',
    },
    steps: [{ do: 'sign-in' }, { do: 'cancel' }],
    expect: [{ otherwise: true, outcome: 'ok' }],
  });
  return { kind: 'open', file: 'toy.yaml', scenario, profile, sources: [] };
}

export function toySetup(loaded = toyLoaded()): RunSetup {
  return {
    loaded,
    persona: { id: '#0', traits: {} },
    faults: [],
    seedKey: 'toy|1',
    calendars: calendarRegistry(DEFAULT_CALENDARS_DIR),
  };
}
