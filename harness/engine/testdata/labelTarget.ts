/**
 * A toy target module for the worker threads' tests: the model's own shop, and on every run an
 * attachment named after the options it was started with, so a test sees which target ran it.
 */
import { directShop } from '../../merchant/shopPort.ts';
import type { Target } from '../target.ts';

export function startTarget(options: unknown): Target {
  const { label } = options as { label: string };
  return {
    prepareRun: () => directShop,
    finishRun: ({ name }) => [{ name: `${label}: ${name}`, path: 'none', contentType: 'text/plain' }],
    close() {},
  };
}
