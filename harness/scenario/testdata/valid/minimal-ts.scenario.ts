import { defineScenario } from '../../schema.ts';

export default defineScenario({
  id: 'minimal-ts',
  title: 'The minimal scenario, written in TypeScript',
  merchant: 'tiny',
  start: '2025-12-24T17:30',
  goal: {
    description: 'The customer can use the converter.',
    needs: ['licence:converter-lite'],
    deadline: '2026-01-01',
  },
  steps: [{ order: { product: 'converter-lite' } }, { 'await-mail': { kind: 'licence-key', within: '1h' } }],
  faults: [{ fault: 'mail.spam-foldered' }],
  expect: [
    { faults: [], outcome: 'ok' },
    { includes: ['mail.spam-foldered'], outcome: 'recovered' },
  ],
});
