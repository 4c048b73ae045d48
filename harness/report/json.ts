/** `results.json`: the contract, byte-stable (same input object → same bytes). */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { OUTCOMES, type ResultsFile, SCHEMA_VERSION } from '../core/contract.ts';
import type { Reporter } from './reporter.ts';

/** 2-space indent, keys in the order they were constructed, trailing newline. */
export function stringifyResults(results: ResultsFile): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}

export const jsonReporter: Reporter = {
  name: 'json',
  files: (results) => [{ path: 'results.json', content: stringifyResults(results) }],
};

const outcome = z.enum(OUTCOMES);
const expectation = z.object({ outcome, findings: z.array(z.string()).optional() });
const runSchema = z.object({
  faults: z.array(z.string()),
  persona: z.object({ index: z.number(), name: z.string(), email: z.string() }),
  outcome,
  expected: expectation,
  pass: z.boolean(),
  accepted: z.boolean().optional(),
  failure: z.string().optional(),
  explanation: z.string(),
  frontier: z.array(z.string()).optional(),
  path: z.array(z.string()),
  scorecard: z.object({
    timeToResolutionHours: z.number().nullable(),
    contacts: z.number(),
    calls: z.number(),
    storeVisits: z.number(),
    effortHours: z.number(),
    moneyLost: z.number(),
    currency: z.string(),
  }),
  findings: z.array(
    z.object({
      oracle: z.string(),
      severity: z.enum(['low', 'medium', 'high']),
      message: z.string(),
      events: z.array(z.number()),
    }),
  ),
  trace: z.array(
    z.object({
      at: z.string(),
      actor: z.string(),
      kind: z.string(),
      channel: z.string().optional(),
      text: z.string(),
      data: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
  replay: z.string(),
  stats: z.object({ statesExplored: z.number() }),
  search: z
    .object({
      tried: z.array(
        z.object({
          path: z.array(z.string()),
          end: z.enum(['goal', 'deadline', 'patience', 'effort budget']).optional(),
        }),
      ),
      truncated: z.boolean().optional(),
    })
    .optional(),
  attachments: z.array(z.object({ name: z.string(), path: z.string(), contentType: z.string() })).optional(),
});
const resultsSchema = z.object({
  schemaVersion: z.number(),
  tool: z.object({ name: z.literal('deadend'), version: z.string() }),
  seed: z.number(),
  target: z.string(),
  selection: z.object({ grep: z.string().optional(), shard: z.string().optional() }),
  partial: z.object({ reason: z.string(), notRun: z.array(z.string()) }).optional(),
  fixes: z
    .array(
      z.object({
        change: z.string(),
        description: z.string().optional(),
        overrides: z.record(z.string(), z.unknown()),
        rescues: z.array(
          z.object({ scenario: z.string(), faults: z.array(z.string()), outcome: z.enum(OUTCOMES) }),
        ),
      }),
    )
    .optional(),
  summary: z.object({
    scenarios: z.number(),
    runs: z.number(),
    passed: z.number(),
    failed: z.number(),
    accepted: z.number().optional(),
    outcomes: z.object(Object.fromEntries(OUTCOMES.map((o) => [o, z.number()]))),
    findings: z.record(z.string(), z.number()),
    failedExpectations: z.array(z.unknown()),
  }),
  scenarios: z.array(
    z.object({
      id: z.string(),
      file: z.string(),
      title: z.string(),
      story: z.string().optional(),
      merchant: z.string(),
      timezone: z.string(),
      goal: z.string(),
      deadline: z.string(),
      faultNames: z.record(z.string(), z.string()).optional(),
      closures: z
        .record(
          z.string(),
          z.object({
            from: z.string(),
            until: z.string(),
            reason: z.string(),
            channels: z.array(z.string()).optional(),
          }),
        )
        .optional(),
      runs: z.array(runSchema),
    }),
  ),
});

/**
 * Checks parsed JSON against the contract. Returns the value itself (key order and unknown fields
 * kept); throws an Error naming `source`, the schema version or the first wrong field.
 */
export function parseResults(value: unknown, source = 'results'): ResultsFile {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !('schemaVersion' in value)) {
    throw new Error(`${source} is not a deadend results file: it has no "schemaVersion".`);
  }
  const version = (value as { schemaVersion: unknown }).schemaVersion;
  if (version !== SCHEMA_VERSION) {
    throw new Error(
      `${source} has schemaVersion ${JSON.stringify(version)}, but this deadend reads schemaVersion ` +
        `${SCHEMA_VERSION}. Re-run the suite with this version of deadend, or read the file with the version that wrote it.`,
    );
  }
  const checked = resultsSchema.safeParse(value);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue?.path.length
      ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')
      : '';
    throw new Error(
      `${source} is not a valid deadend results file: ${where.replace(/^\./, '') || 'the file'}: ${issue?.message ?? 'invalid'}.`,
    );
  }
  return value as ResultsFile;
}

/** Reads and checks a `results.json`; clear errors for a missing file, bad JSON or another schema version. */
export function readResults(path: string): ResultsFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'ENOENT'
        ? `Cannot read results: ${path} does not exist.`
        : `Cannot read results from ${path}: ${(error as Error).message}`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  return parseResults(value, path);
}
