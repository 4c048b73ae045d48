/** Download the statement from the account page instead of waiting for it by mail. */
import { addFact, record } from '../../core/world.ts';
import { defineRecovery } from './action.ts';

export const downloadStatement = defineRecovery({
  id: 'download-statement',
  label: () => 'Download the statement from the account page',
  staff: false,
  cost: 5,
  capabilities: ['accountStatements'],
  offered: (_world, env, trouble) =>
    trouble.problem === 'missing-statement' && env.profile.capabilities.accountStatements,
  perform(world) {
    addFact(world, 'statement');
    record(world, {
      actor: 'customer',
      kind: 'customer.statement-downloaded',
      channel: 'web',
      text: 'The customer downloaded the statement from the account page.',
      data: {},
    });
  },
  missing: (env, trouble) =>
    trouble.problem === 'missing-statement' && !env.profile.capabilities.accountStatements
      ? [{ capability: 'accountStatements', text: 'no statements on the account page' }]
      : [],
});
