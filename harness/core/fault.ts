/**
 * A fault is a named, parameterised perturbation of a service or policy. Scenarios name
 * faults; they never implement them. Each definition documents itself (summary, description,
 * parameter schema, example), and `deadend faults` plus docs/faults.md are generated from it.
 *
 * A fault acts through hook points that the sandbox models consult. Window, probability and
 * `times` are handled once for all faults in FaultSet, so a hook only says what it would do.
 */
import type { z } from 'zod';
import type { MailKind } from './vocabulary.ts';

export interface HookPoints {
  /** A message is about to be delivered. */
  mail: { kind: MailKind; to: string; id: string };
  /** The customer's e-mail address as it reaches the shop at checkout. */
  'checkout-email': { email: string; id: string };
  /** A card payment is being authorised. */
  payment: { amount: number; id: string };
  /** An order moves from one system to the next. */
  'order-hop': { hop: string; id: string };
  /** A support contact is about to be handled. */
  'support-contact': { channel: string; id: string; count: number };
  /** The licence server is asked for a download or an activation. */
  licensing: { op: 'download' | 'activate'; id: string };
  /** The merchant is about to send a notification. */
  notify: { kind: MailKind; id: string };
  /** The customer tries to log in / load a page; staff-reset: support resets the customer's login. */
  site: { page: 'login' | 'checkout' | 'account' | 'staff-reset'; id: string };
}

export interface HookResults {
  mail: { folder: 'spam' | 'quarantine' | 'bounced' } | { delayMs: number };
  'checkout-email': { email: string };
  payment: { failure: 'avs-mismatch' | 'cvc-mismatch' | 'declined' | 'timeout'; message: string };
  'order-hop': { lost: true };
  'support-contact': { misunderstood: true };
  licensing: { down: true };
  notify: { suppressed: true } | { delayMs: number };
  site: { fails: 'login' } | { latencyMs: number };
}

export type Hooks<P> = {
  [K in keyof HookPoints]?: (params: P, occurrence: HookPoints[K]) => HookResults[K] | undefined;
};

// biome-ignore lint/suspicious/noExplicitAny: the catalogue holds faults of every parameter type
export interface FaultDefinition<P = any> {
  id: string;
  family: string;
  summary: string;
  /** Plain-language description for the catalogue: what happens and what a customer sees. */
  description: string;
  params: z.ZodType<P>;
  /** Example use in a scenario, shown in the catalogue. */
  example: Record<string, unknown>;
  hooks: Hooks<P>;
  /** Support channels closed by this fault (support.closed), given its params. */
  closes?: (params: P) => { channels?: string[]; reason: string };
  /** Pairs of systems that stop sharing data (systems.silo). */
  silos?: (params: P) => [string, string][];
  /** Whether a use of this fault needs a window. */
  needsWindow?: boolean;
}

export function defineFault<P>(def: FaultDefinition<P>): FaultDefinition<P> {
  return def;
}
