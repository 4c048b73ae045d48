/** What a step or a recovery attempt leaves the customer with: done, or stuck with a problem. */
import type { Capability, Problem } from '../../merchant/profile.ts';

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

/** A self-service way out the merchant does not offer, named by the capability that would. */
export interface MissingSelfService {
  capability: Capability;
  /** For the gap report: "no order tracking". */
  text: string;
}
