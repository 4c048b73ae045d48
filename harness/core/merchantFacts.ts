/**
 * The merchant profile as the kernel and the services read it: a structural type, so that core
 * and the services name what a merchant sells and how its support is organised without importing
 * harness/merchant. merchant/profile.ts's zod schema is the definition; it checks at compile time
 * that what it parses is exactly this shape.
 */
import type { Capability, ChannelKind, MailKind, Problem, Remedy } from './vocabulary.ts';

export interface ProductFacts {
  id: string;
  name: string;
  price: number;
  kind: 'licence' | 'physical' | 'membership' | 'subscription';
  fulfilledBy?: string | undefined;
  shippingDays?: number | undefined;
  term?: string | undefined;
  renewalPrice?: number | undefined;
  covers?: number | undefined;
}

export interface SupportChannelFacts {
  id: string;
  kind: ChannelKind;
  name?: string | undefined;
  calendar: string;
  responseTime: string;
  sees: string[];
  remedies: Remedy[];
  redirects: Partial<Record<Problem, string>>;
  escalation?: { after: number; answerAfter: string; remedy: Remedy; at?: string | undefined } | undefined;
  explains: Partial<Record<string, string>>;
}

export interface SystemFacts {
  id: string;
  name?: string | undefined;
  sharesWith: string[];
}

export interface MerchantFacts {
  $schema?: string | undefined;
  id: string;
  name: string;
  timezone: string;
  currency: string;
  products: ProductFacts[];
  capabilities: Record<Capability, boolean>;
  sales: Partial<Record<'web' | 'store' | 'phone', string>>;
  systems: SystemFacts[];
  policies: {
    onPaymentMismatch: 'ask-customer' | 'cancel-and-notify' | 'cancel-silently';
    publicCancellationReason?: string | undefined;
    rushSurcharge: number;
    notify: Partial<Record<MailKind, boolean>>;
    renewalRemindersBefore: string[];
  };
  support: SupportChannelFacts[];
}
