import { z } from 'zod';
import { DurationError, parseDuration } from '../clock/duration.ts';

/**
 * A fault parameter that is an elapsed duration ("PT6H", "2d"). The check runs inside the
 * schema and reports the parser's own message, so a bad value is a `file:line:col` problem
 * at load — a throwing refine would escape zod and end `validate` with exit 3.
 */
export function elapsedDurationParam(fallback: string) {
  return z
    .string()
    .default(fallback)
    .superRefine((text, ctx) => {
      try {
        if (parseDuration(text).kind !== 'elapsed') {
          ctx.addIssue({ code: 'custom', message: 'an elapsed duration like PT6H or 2d, not business time' });
        }
      } catch (e) {
        if (!(e instanceof DurationError)) throw e;
        ctx.addIssue({ code: 'custom', message: e.message });
      }
    });
}
