/**
 * A toy open-vocabulary merchant and hand-built traces for the oracle tests: a shop with a
 * process that readies orders, an SMS and an e-mail that tell of it, a chat and a counter that
 * redirect, a partner whose system must record a promise, a carrier on a route.
 */
import { parseInstant } from '../../../clock/instant.ts';
import type { TraceEvent } from '../../../core/trace.ts';
import type { VocabularyEventKind, VocabularyEventMap } from '../../../vocabulary/events.ts';
import type { LoadedOpenScenario } from '../../../vocabulary/loaded.ts';
import { openMerchantProfileSchema, openScenarioSchema } from '../../../vocabulary/schema/index.ts';
import type { VocabularyOracleContext } from '../context.ts';

const ZONE = 'Europe/London';

const profile = openMerchantProfileSchema.parse({
  id: 'toy',
  name: 'Toy Shop',
  timezone: ZONE,
  currency: 'GBP',
  products: [{ id: 'widget', name: 'Blue widget', price: 20, kind: 'physical' }],
  parties: [
    { id: 'carrier', name: 'ParcelCo', role: 'carrier' },
    { id: 'partner', name: 'PartnerCo', role: 'repair partner' },
  ],
  messages: [
    { id: 'ready-text', name: '“ready” text', tells: ['order-ready'], about: 'order' },
    { id: 'ready-mail', name: '“ready” e-mail', tells: ['order-ready'], about: 'order' },
    { id: 'login-code', name: 'login code', carries: ['secret'], about: 'account' },
    { id: 'statement', name: 'monthly statement', carries: ['personal-data'], about: 'account' },
    { id: 'order-news', name: 'order newsletter', about: 'order' },
    { id: 'cancel-mail', name: '“order cancelled” e-mail', tells: ['order-cancelled'], about: 'order' },
  ],
  channels: [
    { id: 'sms', name: 'SMS', kind: 'sms', medium: 'phone-number' },
    { id: 'email', name: 'E-mail', kind: 'email', medium: 'email' },
    { id: 'chat', name: 'Toy web chat', kind: 'chat', medium: 'account', redirects: { broken: 'counter' } },
    { id: 'counter', name: 'Toy counter', kind: 'store', medium: 'in-person', redirects: { broken: 'post' } },
    { id: 'post', name: 'Return by post', kind: 'post', medium: 'postal' },
    { id: 'partner-line', name: 'PartnerCo line', kind: 'phone', medium: 'phone-number', party: 'partner' },
  ],
  systems: [{ id: 'crm' }, { id: 'partner-crm', party: 'partner' }],
  records: [{ id: 'booking', description: 'the booking', master: 'crm' }],
  facts: [
    { id: 'order-ready', description: 'the order is ready', customerRelevant: true, shownOn: ['chat'] },
    { id: 'order-cancelled', description: 'the order was cancelled', customerRelevant: true },
    { id: 'order-placed', description: 'an order is open' },
    { id: 'visited', description: 'the partner visited' },
  ],
  problems: [{ id: 'broken', when: { fact: 'order-placed' }, says: 'my widget is broken' }],
  actions: [
    {
      id: 'look',
      label: 'look at the order page',
      by: 'customer',
      on: 'chat',
      effects: [{ tell: 'order-ready' }],
    },
    {
      id: 'status',
      label: 'say the status',
      by: 'staff',
      about: ['broken'],
      effects: [{ tell: 'order-ready' }],
    },
  ],
  processes: [
    {
      id: 'prepare',
      label: 'the shop prepares the order',
      starts: 'manually',
      steps: [{ after: 'PT1H', do: [{ set: 'order-ready' }] }],
    },
    {
      id: 'hold',
      label: 'hold, then cancel',
      starts: 'manually',
      steps: [{ after: 'P2D', do: [{ clear: 'order-ready' }, { set: 'order-cancelled' }] }],
    },
    {
      id: 'peek',
      label: 'the customer peeks',
      actor: 'customer',
      starts: 'manually',
      steps: [{ after: 'PT0S', do: [{ tell: 'order-ready' }] }],
    },
  ],
  commitments: [
    {
      id: 'visit',
      says: 'a technician will come on Tuesday',
      recordedIn: { record: 'booking', in: 'partner-crm' },
      due: 'P1D',
      keptWhen: { fact: 'visited' },
    },
  ],
  routes: [
    {
      id: 'delivery',
      hops: [
        { id: 'hub', party: 'carrier', takes: 'PT1H' },
        { id: 'door', takes: 'PT1H' },
      ],
    },
  ],
});

const scenario = openScenarioSchema.parse({
  id: 'toy-journey',
  title: 'A toy journey',
  merchant: 'toy',
  customer: {
    timezone: ZONE,
    addresses: {
      email: { current: 'jo@new.example', former: 'jo@old.example', changedAt: '2026-03-01T12:00' },
      'phone-number': { current: '+447700900001' },
    },
  },
  start: '2026-03-02T09:00',
  goal: { description: 'the widget', when: { fact: 'visited' }, deadline: '2026-03-20T00:00' },
  steps: [{ wait: { for: 'PT1H' } }],
  expect: [{ outcome: 'ok' }],
});

export const toyLoaded: LoadedOpenScenario = {
  kind: 'open',
  file: 'toy.yaml',
  scenario,
  profile,
  sources: [],
};

/** 2026-03-02T09:00 London (Monday) plus `hours`. */
export const T0 = parseInstant('2026-03-02T09:00', ZONE);
export const h = (hours: number) => T0 + hours * 3_600_000;

/** One vocabulary event at `t`, its data typed by the event map. */
export function ev<K extends VocabularyEventKind>(
  t: number,
  kind: K,
  data: VocabularyEventMap[K],
): TraceEvent {
  return { t, actor: 'merchant', kind, text: `${kind}.`, data: data as unknown as Record<string, unknown> };
}

export function ctxOf(events: TraceEvent[], loaded: LoadedOpenScenario = toyLoaded): VocabularyOracleContext {
  return { events, loaded };
}

/** A message sent and where it ended up, as the world traces it. */
export function sentAndDelivered(
  t: number,
  id: string,
  message: string,
  via: string,
  place: VocabularyEventMap['message.delivered']['place'],
  extra: Partial<VocabularyEventMap['message.sent']> = {},
): TraceEvent[] {
  const decl = profile.messages.find((m) => m.id === message)!;
  const medium = profile.channels.find((c) => c.id === via)!.medium;
  const to = medium === 'email' ? 'jo@new.example' : '+447700900001';
  return [
    ev(t, 'message.sent', {
      id,
      message,
      via,
      medium,
      to,
      owner: 'current',
      carries: decl.carries,
      tells: decl.tells,
      about: decl.about,
      ...extra,
    }),
    ev(t, 'message.delivered', { id, message, via, to: extra.to ?? to, place }),
  ];
}
