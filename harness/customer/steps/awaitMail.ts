/** `await-mail`: wait for an e-mail of a kind in the inbox, reading what arrives meanwhile. */
import { z } from 'zod';
import { formatDuration } from '../../clock/duration.ts';
import type { RunEnv } from '../../core/runEnv.ts';
import { hasFact, type MailMessage, type World } from '../../core/world.ts';
import { MAIL_KINDS, type MailKind, type Problem } from '../../merchant/profile.ts';
import { waitFor } from '../common/inbox.ts';
import { fail, OK, type StepResult } from '../common/trouble.ts';
import { defineStep, durationField, type PlannedStep } from './kind.ts';

const problemOfMail = (kind: MailMessage['kind']): Problem =>
  kind === 'shipped' ? 'missing-delivery' : kind === 'statement' ? 'missing-statement' : 'missing-mail';

/** Waits for the step's mail (await-mail and await-statement share it). */
export function awaitMailRun(world: World, env: RunEnv, step: PlannedStep, retry: boolean): StepResult {
  const kind = step.mailKind!;
  const got = waitFor(world, env, world.now + step.waitMs!, retry, () =>
    step.provides.every((f) => hasFact(world, f)),
  );
  return got
    ? OK
    : fail(
        problemOfMail(kind),
        step.product,
        `the ${kind} e-mail did not arrive within ${formatDuration(step.waitMs!)}`,
      );
}

export const awaitMail = defineStep({
  kind: 'await-mail',
  params: z.strictObject({ kind: z.enum(MAIL_KINDS), within: durationField }),
  description: 'Wait for an e-mail of this kind in the inbox. Expects it within the given time.',
  effort: 0,
  plan(p, { product, elapsed }) {
    const mailKind = p.kind as MailKind;
    const provides =
      mailKind === 'licence-key'
        ? [`licence:${product}`]
        : mailKind === 'statement'
          ? ['statement']
          : [`mail:${mailKind}`];
    return { label: `await ${mailKind} e-mail`, mailKind, waitMs: elapsed(p.within), provides };
  },
  run: awaitMailRun,
  references(p, check) {
    check.duration(p.within, 'within');
  },
});
