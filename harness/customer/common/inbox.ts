/** The customer's inbox: reading a message teaches them what it says; waiting reads what arrives. */
import type { RunEnv } from '../../core/runEnv.ts';
import { addFact, learn, type MailMessage, record, type World } from '../../core/world.ts';
import { advanceTo } from '../../merchant/flows.ts';
import { findMail } from '../../services/index.ts';

export function readMessage(world: World, env: RunEnv, m: MailMessage): void {
  m.read = true;
  const order = world.orders.find((o) => o.id === m.orderId);
  record(world, {
    actor: 'customer',
    kind: 'mail.read',
    channel: 'email',
    text: `The customer read "${m.subject}"${m.folder === 'spam' ? ' in the spam folder' : ''}.`,
    data: { message: m.id, kind: m.kind },
  });
  addFact(world, `mail:${m.kind}`);
  if (m.kind === 'licence-key' && order) addFact(world, `licence:${order.product}`);
  if (m.kind === 'statement') addFact(world, 'statement');
  if (m.kind === 'order-cancelled' && order) learn(world, `order-failed:${order.product}`);
  void env;
}

/** The customer reads whatever new arrived in their inbox. */
function readInbox(world: World, env: RunEnv): void {
  for (const m of findMail(world, 'inbox')) if (!m.read) readMessage(world, env, m);
}

/**
 * Wait until `done()` or `limit`, letting everything due on the way happen and reading the
 * inbox as messages arrive. On a retry (after a recovery action) the customer does not sit
 * out the whole wait again: they look once more at what arrives and go back to recovering.
 */
export function waitFor(
  world: World,
  env: RunEnv,
  limit: number,
  retry: boolean,
  done: () => boolean,
): boolean {
  readInbox(world, env);
  if (done()) return true;
  while (world.pending.length > 0 && world.pending[0]!.at <= limit) {
    advanceTo(world, env, world.pending[0]!.at);
    readInbox(world, env);
    if (done()) return true;
  }
  if (!retry) advanceTo(world, env, limit);
  return done();
}
