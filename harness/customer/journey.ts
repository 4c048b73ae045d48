/**
 * A journey is a scenario made ready to run: durations and instants parsed in the right time
 * zones, each step tied to its product and to the facts it provides. Built once per scenario
 * and shared by every run of it.
 */
import { calendarFreeDuration, parseDuration } from '../clock/duration.ts';
import { parseInstant } from '../clock/instant.ts';
import type { MailKind, Problem } from '../core/vocabulary.ts';
import type { Scenario, Step } from '../scenario/schema.ts';

export type StepKind =
  | 'order'
  | 'await-mail'
  | 'await-delivery'
  | 'install'
  | 'activate'
  | 'log-in'
  | 'await-statement'
  | 'contact-support'
  | 'cancel-subscription'
  | 'wait';

export interface PlannedStep {
  kind: StepKind;
  label: string;
  product: string;
  mailKind?: MailKind;
  channel?: string;
  orderChannel?: 'web' | 'store' | 'phone';
  shipping?: 'standard' | 'rush';
  quantity?: number;
  about?: Problem;
  /** For waits: how long; for awaits: how long the customer waits. */
  waitMs?: number;
  /** For await-delivery with a fixed date. */
  by?: number;
  /** Facts that mean this step has nothing left to do. */
  provides: string[];
}

export interface Journey {
  start: number;
  deadline: number;
  zone: string;
  needs: string[];
  steps: PlannedStep[];
  afterwards: PlannedStep[];
  patienceMs: number;
  followUpMs: number;
  effortBudgetMinutes: number;
  maxActions: number;
  checksSpam: boolean;
  channels: string[];
}

/** The customer's plan counts business days as 24-hour days, not on the merchant's calendar (policy.ts). */
const elapsed = (text: string): number => calendarFreeDuration(parseDuration(text));

function plan(step: Step, zone: string, lastProduct: { id: string }): PlannedStep {
  // Each step is a one-key object whose params the schema already checked.
  // biome-ignore lint/suspicious/noExplicitAny: params differ per step kind
  const [kind, params] = Object.entries(step)[0] as [StepKind, Record<string, any>];
  const product: string = params.product ?? lastProduct.id;
  if (params.product) lastProduct.id = params.product;
  const base = { kind, product, label: kind, provides: [] as string[] };
  switch (kind) {
    case 'order':
      return {
        ...base,
        label: `order ${product}`,
        orderChannel: params.channel,
        shipping: params.shipping,
        quantity: params.quantity,
        provides: [`ordered:${product}`],
      };
    case 'await-mail': {
      const mailKind = params.kind as MailKind;
      const provides =
        mailKind === 'licence-key'
          ? [`licence:${product}`]
          : mailKind === 'statement'
            ? ['statement']
            : [`mail:${mailKind}`];
      return {
        ...base,
        label: `await ${mailKind} e-mail`,
        mailKind,
        waitMs: elapsed(params.within),
        provides,
      };
    }
    case 'await-delivery':
      return {
        ...base,
        label: `await delivery of ${product}`,
        ...(params.within ? { waitMs: elapsed(params.within) } : {}),
        ...(params.by ? { by: parseInstant(params.by, zone) } : {}),
        provides: [`delivered:${product}`],
      };
    case 'install':
      return { ...base, label: `install ${product}`, provides: [`installed:${product}`] };
    case 'activate':
      return { ...base, label: `activate ${product}`, provides: [`active:${product}`] };
    case 'log-in':
      return { ...base, label: 'log in', provides: ['logged-in'] };
    case 'await-statement':
      return {
        ...base,
        label: 'await statement',
        mailKind: 'statement',
        waitMs: elapsed(params.within),
        provides: ['statement'],
      };
    case 'contact-support':
      return {
        ...base,
        label: `contact ${params.channel} about ${params.about}`,
        channel: params.channel,
        about: params.about,
        provides: [`resolved:${params.about}`],
      };
    case 'cancel-subscription':
      return { ...base, label: `cancel ${product}`, provides: [`cancelled:${product}`] };
    case 'wait':
      return { ...base, label: `wait ${params.for}`, waitMs: elapsed(params.for) };
  }
}

export function planJourney(scenario: Scenario, zone: string): Journey {
  const last = { id: scenario.given.at(-1)?.owns ?? '' };
  const steps = scenario.steps.map((s) => plan(s, zone, last));
  const afterwards = scenario.afterwards.map((s) => plan(s, zone, last));
  const t = scenario.customer.traits;
  return {
    start: parseInstant(scenario.start, zone),
    deadline: parseInstant(scenario.goal.deadline, zone),
    zone,
    needs: scenario.goal.needs,
    steps,
    afterwards,
    patienceMs: elapsed(t.patience),
    followUpMs: elapsed(t.followUpAfter),
    effortBudgetMinutes: t.effortBudgetHours * 60,
    maxActions: scenario.explore.maxActions,
    checksSpam: t.checksSpam,
    channels: t.channels,
  };
}
