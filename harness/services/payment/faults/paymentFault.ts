/** The card payment faults differ only in what the issuer answers: one shape for all four. */
import { z } from 'zod';
import { defineFault } from '../../../core/fault.ts';

export const paymentFault = (
  id: 'avs-mismatch' | 'cvc-mismatch' | 'declined' | 'timeout',
  summary: string,
  description: string,
  message: string,
) =>
  defineFault({
    id: `payment.${id}`,
    family: 'payment',
    summary,
    description,
    params: z.strictObject({}),
    example: { fault: `payment.${id}` },
    hooks: { payment: () => ({ failure: id, message }) },
  });
