import { z } from 'zod';
import { defineFault } from '../../../core/fault.ts';

export const loginFailure = defineFault({
  id: 'auth.login-failure',
  family: 'site',
  summary: 'Customers cannot log in.',
  description:
    'The login page rejects valid credentials. scope "site" (a broken session store or security service): staff resets fail too until the window ends; scope "account" (this customer\'s login is broken): a staff reset-login fixes it.',
  params: z.strictObject({
    scope: z
      .enum(['site', 'account'])
      .default('site')
      .describe(
        'site: everyone’s login is broken, resets too; account: only this customer’s, a staff reset helps.',
      ),
  }),
  example: { fault: 'auth.login-failure', window: { from: '2026-03-02T08:00', until: '2026-03-04T17:00' } },
  hooks: {
    site: (p, o) =>
      o.page === 'login' || o.page === 'account' || (o.page === 'staff-reset' && p.scope === 'site')
        ? { fails: 'login' }
        : undefined,
  },
});
