import { defineScenario } from '../../schema.ts';

// Valid TypeScript, invalid scenario: the merchant does not sell "ghost".
export default defineScenario({
  id: 'unknown-product-ts',
  title: 'A TypeScript scenario with a product the merchant does not sell',
  merchant: 'tiny',
  start: '2025-12-24T17:30',
  goal: { description: 'x', needs: ['licence:converter-lite'], deadline: '2026-01-01' },
  steps: [{ order: { product: 'ghost' } }],
  expect: [{ otherwise: true, outcome: 'ok' }],
});
