/** Look in the spam folder: for a missing message, where the customer checks spam and something is there. */
import { record } from '../../core/world.ts';
import { findMail } from '../../services/index.ts';
import { readMessage } from '../common/inbox.ts';
import { defineRecovery } from './action.ts';
import { MAIL_PROBLEMS } from './problems.ts';

export const lookInSpam = defineRecovery({
  id: 'look-in-spam',
  label: () => 'Look in the spam folder',
  staff: false,
  cost: 5,
  offered: (world, _env, trouble, journey) =>
    MAIL_PROBLEMS.has(trouble.problem) && journey.checksSpam && findMail(world, 'spam').some((m) => !m.read),
  perform(world, env) {
    const found = findMail(world, 'spam').filter((m) => !m.read);
    record(world, {
      actor: 'customer',
      kind: 'customer.checked-spam',
      channel: 'email',
      text: found.length
        ? `The customer looked in the spam folder and found ${found.length} message(s).`
        : 'The customer looked in the spam folder: nothing there.',
      data: { found: found.length },
    });
    for (const m of found) readMessage(world, env, m);
  },
});
