/** Oracles about secrets (licence keys, reset links) sent where they should not go. */
import { dataOf } from '../core/trace.ts';
import { finding, indicesWhere, type Oracle, quote, str } from './oracle.ts';

export const unverifiedSecret: Oracle = {
  id: 'unverified-secret',
  severity: 'high',
  summary: 'A secret (licence key, reset link) was e-mailed to an address nobody had verified.',
  description:
    'Fires for every `mail.sent` event with `data.secret` true and `data.unverifiedAddress` true: ' +
    'the shop never confirmed the address (no double entry, no confirmation link), so a typo ' +
    'hands the secret to a stranger. The same mail to a verified address does not fire it.',
  check(ctx) {
    return indicesWhere(
      ctx.events,
      (e) => dataOf(e, 'mail.sent')?.secret === true && dataOf(e, 'mail.sent')?.unverifiedAddress === true,
    ).map((i) => {
      const e = ctx.events[i]!;
      return finding(
        unverifiedSecret,
        `A secret was e-mailed to ${str(e, 'to') ?? 'an address'}, which nobody had verified, ${quote(ctx, e)}.`,
        [i],
      );
    });
  },
};
