/**
 * The toy merchant (toy.ts) with capabilities that are off: `backup-codes` gates a sign-in that
 * would rescue a customer without the key, `newsletter` an action that helps no one, `unused`
 * gates nothing. For the what-if and the gap report.
 */
import type { LoadedOpenScenario } from '../../../vocabulary/loaded.ts';
import { openMerchantProfileSchema } from '../../../vocabulary/schema/index.ts';
import { toyProfile, toyScenario } from './toy.ts';

export function gatedToyScenario(over: Record<string, unknown> = {}): LoadedOpenScenario {
  const base = toyProfile();
  const profile = openMerchantProfileSchema.parse({
    ...base,
    capabilities: { 'backup-codes': false, newsletter: false, unused: false },
    facts: [...base.facts, { id: 'newsletter-read', description: 'the customer read the newsletter' }],
    actions: [
      ...base.actions,
      {
        id: 'sign-in-with-code',
        label: 'sign in with a backup code',
        by: 'customer',
        on: 'web',
        capability: 'backup-codes',
        requires: { not: { fact: 'signed-in' } },
        effects: [{ set: 'signed-in' }],
      },
      {
        id: 'read-newsletter',
        label: 'read the newsletter',
        by: 'customer',
        on: 'web',
        capability: 'newsletter',
        requires: { not: { fact: 'newsletter-read' } },
        effects: [{ set: 'newsletter-read' }],
      },
    ],
  });
  // Friday evening: the help desk opens again on Monday, after the Sunday deadline.
  return { ...toyScenario({ start: '2026-03-13T18:00', ...over }), profile };
}
