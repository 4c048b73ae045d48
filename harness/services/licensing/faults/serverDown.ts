import { z } from 'zod';
import { defineFault } from '../../../core/fault.ts';

export const licenceServerDown = defineFault({
  id: 'licence.server-down',
  family: 'licence',
  summary: 'The licence server is down.',
  description: 'Downloads and activations fail during the window.',
  params: z.strictObject({}),
  example: { fault: 'licence.server-down', window: { from: '2025-12-24T17:00', until: '2025-12-26T09:00' } },
  hooks: { licensing: () => ({ down: true }) },
});
