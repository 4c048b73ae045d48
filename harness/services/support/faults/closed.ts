import { z } from 'zod';
import { defineFault } from '../../../core/fault.ts';
import { channels } from './params.ts';

export const supportClosed = defineFault({
  id: 'support.closed',
  family: 'support',
  summary: 'Support is closed for a period (holidays, shutdown).',
  description:
    'Every listed support channel is closed during the fault window, on top of its normal hours. E-mails sent meanwhile wait for the reopening.',
  params: z.strictObject({ channels, reason: z.string().default('holiday shutdown') }),
  example: {
    fault: 'support.closed',
    window: { from: '2025-12-24T12:00', until: '2026-01-05T09:00' },
    params: { reason: 'Christmas holidays' },
  },
  hooks: {},
  needsWindow: true,
  closes: (p) => ({ channels: p.channels, reason: p.reason }),
});
