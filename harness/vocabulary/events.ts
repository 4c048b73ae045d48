/**
 * The trace events of an open-vocabulary world: the contract between the world's semantics
 * (harness/vocabulary/world, which records them), the journey engine (harness/engine/open), the
 * oracles over the declared vocabulary (harness/oracles/vocabulary) and the reports. Ids in the
 * data are the declared ids (a message kind, a channel, a fact); `text` carries the plain words.
 *
 * Every event recorded after the outcome was decided (the world running on to the horizon)
 * carries `afterOutcome: true` in its data; oracles and the scorecard read those like any other.
 */

/** Who caused a change: a declared action, a process step, a fault use, or the scenario's `given`. */
export interface Cause {
  action?: string;
  process?: string;
  fault?: string;
  given?: true;
  /** The customer's own action (a silent-failure never counts a change the customer made). */
  byCustomer?: boolean;
}

/** Common to every vocabulary event. */
interface Base {
  afterOutcome?: true;
}

/** Where a message ended up, as the customer would see it. */
export type MessagePlace = 'inbox' | 'spam' | 'quarantine' | 'phone' | 'app' | 'post' | 'nowhere';

/** Whose address a message went to, judged at the moment of sending. */
export type AddressOwner = 'current' | 'former' | 'unknown';

export interface VocabularyEventMap {
  'fact.set': Base & Cause & { fact: string };
  'fact.cleared': Base & Cause & { fact: string };
  /**
   * The customer learned a fact (a `tell` effect, a staff answer, a redirect's `tells`). The cause
   * tells push from pull for silent-failure: a `tell` by the customer's own action or routine (a
   * page they looked at), or a staff answer to their contact, is them finding out, not being told.
   */
  'customer.told': Base & Cause & { fact: string; channel?: string; contact?: string };
  'message.sent': Base &
    Cause & {
      /** This message's id in the world (m1, m2, …). */
      id: string;
      /** The declared message kind. */
      message: string;
      via: string;
      medium: string;
      to: string;
      owner: AddressOwner;
      /** True when nobody verified the address (unverified-secret). */
      unverified?: boolean;
      carries: string[];
      tells: string[];
      about: string;
    };
  'message.delivered': Base & { id: string; message: string; via: string; to: string; place: MessagePlace };
  'message.spam-foldered': Base & { id: string; message: string; via: string; fault: string };
  'message.quarantined': Base & { id: string; message: string; via: string; fault: string };
  'message.suppressed': Base & { message: string; via: string; fault: string };
  'message.delayed': Base & { id: string; message: string; via: string; fault: string; until: string };
  /** The customer saw the message (read the inbox, looked in spam, signed in to the app). */
  'message.shown': Base & { id: string; message: string; via: string; place: MessagePlace };
  'record.written': Base & Cause & { record: string; system: string; value: string };
  'record.copied': Base & Cause & { record: string; from: string; to: string; value: string };
  /** `byProcess`: the process whose step started or stopped this one. */
  'process.started': Base & Cause & { process: string; byProcess?: string };
  'process.step': Base & { process: string; step: number; label?: string };
  'process.skipped': Base & { process: string; step: number; label?: string };
  'process.stopped': Base & Cause & { process: string; byProcess?: string };
  'process.failed': Base & { process: string; step: number; fault: string };
  'process.delayed': Base & { process: string; step: number; fault: string; until: string };
  'action.performed': Base & { action: string; by: 'customer' | 'staff'; channel?: string; label: string };
  /** A contact with a channel about a problem; `party` is the merchant or a declared party. */
  'support.contacted': Base & { contact: string; channel: string; party: string; problem: string };
  'support.resolved': Base & {
    contact: string;
    channel: string;
    party: string;
    problem: string;
    action: string;
  };
  'support.redirected': Base & {
    contact: string;
    channel: string;
    party: string;
    problem: string;
    to: string;
    tells: string[];
  };
  'support.unresolved': Base & { contact: string; channel: string; party: string; problem: string };
  /** Staff on a channel (or a page) stated a reason; `subject` is what it is about (an order, the account). */
  'support.said': Base & { channel: string; reason: string; said: string; subject: string };
  'commitment.given': Base & { commitment: string; channel: string; says: string; due: string };
  'commitment.due': Base & { commitment: string; recorded: boolean; kept: boolean };
  /** `product`: the product whose price the amount is (`amount: { price: id }`), for overcharge. */
  'payment.charged': Base &
    Cause & { charge: string; tag: string; amount: number; currency: string; product?: string };
  /** `reaches`: the duration as written ("3-5 business days"); `reachesAt`: when it is back (UTC ISO). */
  'payment.refunded': Base &
    Cause & { charge: string; tag: string; amount: number; reaches: string; reachesAt?: string };
  'payment.refund-reached': Base & { charge: string; tag: string; amount: number };
  'payment.credited': Base & Cause & { tag: string; amount: number; as: string };
  'payment.timeout': Base & { tag: string; fault: string; charged: boolean };
  'dispute.opened': Base & Cause & { of: string; with: string; decides: string };
  'dispute.decided': Base & { of: string; with: string; outcome: 'refund' | 'reject' };
  'fee.charged': Base & Cause & { amount: number; payer: 'merchant' | 'customer'; to?: string; why: string };
  'parcel.scanned': Base & { route: string; hop: string; party?: string };
  'parcel.lost': Base & { route: string; hop: string; party?: string; fault: string };
  'parcel.delivered': Base & { route: string };
  'customer.away': Base & { fault: string; from: string; until: string };
  'customer.gave-up': Base & { reason: string };
}

export type VocabularyEventKind = keyof VocabularyEventMap;
