/** Every effect kind's handler, one file each. */
import { charge } from './charge.ts';
import { clear } from './clear.ts';
import { credit } from './credit.ts';
import { dispute } from './dispute.ts';
import { fee } from './fee.ts';
import { plugin } from './plugin.ts';
import { promise } from './promise.ts';
import { redirect } from './redirect.ts';
import { refund } from './refund.ts';
import { say } from './say.ts';
import { send } from './send.ts';
import { set } from './set.ts';
import { ship } from './ship.ts';
import { start } from './start.ts';
import { stop } from './stop.ts';
import { tell } from './tell.ts';
import type { EffectHandler, EffectKind } from './types.ts';
import { write } from './write.ts';

export { reachCard } from './refund.ts';
export type { EffectHandler, EffectKind } from './types.ts';

export const effectHandlers: { [K in EffectKind]: EffectHandler<K> } = {
  set,
  clear,
  send,
  write,
  promise,
  charge,
  refund,
  credit,
  dispute,
  fee,
  start,
  stop,
  tell,
  say,
  redirect,
  ship,
  plugin,
};
