/** What a step or a recovery attempt leaves the customer with: done, or stuck with a problem. */
import type { Problem } from '../merchant/profile.ts';

export interface Trouble {
  problem: Problem | 'retry';
  product: string;
  /** Plain language: what went wrong for the customer. */
  what: string;
}

export type StepResult = { ok: true } | { ok: false; trouble: Trouble };

export const OK: StepResult = { ok: true };

export const fail = (problem: Trouble['problem'], product: string, what: string): StepResult => ({
  ok: false,
  trouble: { problem, product, what },
});
