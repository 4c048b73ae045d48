/**
 * How a scenario's customers differ in Monte Carlo mode: each trait a constant or a
 * distribution, drawn per customer from a seeded stream (harness/engine/analysis/population.ts).
 */
import { z } from 'zod';

const duration = z.string().describe('A length of time: ISO-8601 (PT2H, P3D) or short (30m, 4h, 2d).');
const sigma = z.number().positive().max(10).describe('Spread: the standard deviation of the logarithm.');

const durationDistribution = z.union([
  duration,
  z
    .strictObject({ lognormal: z.strictObject({ median: duration, sigma }) })
    .describe('Log-normal around a median.'),
  z.strictObject({ uniform: z.tuple([duration, duration]) }).describe('Uniform between two lengths of time.'),
]);

const hoursDistribution = z.union([
  z.number().positive(),
  z
    .strictObject({ lognormal: z.strictObject({ median: z.number().positive(), sigma }) })
    .describe('Log-normal around a median.'),
  z
    .strictObject({ uniform: z.tuple([z.number().positive(), z.number().positive()]) })
    .describe('Uniform between two numbers.'),
]);

export const populationSchema = z
  .strictObject({
    checksSpam: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe('Share of customers who look in the spam folder.'),
    patience: durationDistribution
      .optional()
      .describe('How long a customer keeps trying after the first problem.'),
    followUpAfter: durationDistribution
      .optional()
      .describe('How long a customer lets a problem rest before the next attempt.'),
    effortBudgetHours: hoursDistribution
      .optional()
      .describe('Hours of their own time a customer will spend.'),
  })
  .describe(
    'Monte Carlo mode: how the traits vary from customer to customer (a trait not named here keeps its value from `traits`).',
  );
export type Population = z.infer<typeof populationSchema>;

export const EXPLORE_MODES = ['exhaustive', 'monte-carlo'] as const;
export const DEFAULT_CUSTOMERS = 10_000;
