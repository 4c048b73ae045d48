/**
 * A small fault catalogue for the loader's tests, so that their messages do not change when
 * the real catalogue grows. The same shape as harness/services/index.ts.
 */
import { z } from 'zod';
import type { FaultInfo } from '../load.ts';

const fault = (id: string, params: z.ZodType, needsWindow = false): [string, FaultInfo] => [
  id,
  { id, summary: `stand-in for ${id}`, params, needsWindow },
];

export const standInFaults: ReadonlyMap<string, FaultInfo> = new Map([
  fault(
    'mail.spam-foldered',
    z.strictObject({ kind: z.enum(['licence-key', 'order-confirmation']).optional() }),
  ),
  fault('payment.declined', z.strictObject({})),
  fault(
    'support.closed',
    z.strictObject({ channels: z.array(z.string()).optional(), reason: z.string().default('holidays') }),
    true,
  ),
  fault('systems.silo', z.strictObject({ between: z.tuple([z.string(), z.string()]) })),
]);
