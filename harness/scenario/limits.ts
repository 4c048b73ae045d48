/**
 * The limits a scenario, merchant or calendar file must keep (docs/scenario-guide.md, "Limits").
 * They are far above what a journey needs and low enough that no file can make `validate` or
 * `run` exhaust memory or run for hours: a file past one is refused at load with file:line:col.
 * Duration limits are in clock/duration.ts (DURATION_LIMITS), the file size in core/projectPaths.ts.
 */

/** Steps in `steps` and `afterwards`, each. */
export const MAX_STEPS = 500;
/** Fault uses in one scenario. */
export const MAX_FAULTS = 100;
/** Items in one order or purchase (kept beside the step kinds, which check it). */
export { MAX_QUANTITY } from '../customer/steps/kind.ts';
