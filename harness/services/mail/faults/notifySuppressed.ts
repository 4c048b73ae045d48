import { z } from 'zod';
import { defineFault } from '../../../core/fault.ts';
import { notifyKind } from './params.ts';

export const notifySuppressed = defineFault({
  id: 'notify.suppressed',
  family: 'notify',
  summary: 'A notification is never sent.',
  description:
    'The merchant’s notification job skips messages of this kind (a broken template, a disabled trigger).',
  params: z.strictObject({ kind: notifyKind }),
  example: { fault: 'notify.suppressed', params: { kind: 'shipped' } },
  hooks: { notify: (p, o) => (p.kind === undefined || p.kind === o.kind ? { suppressed: true } : undefined) },
});
