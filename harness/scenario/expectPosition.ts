/**
 * Where in a YAML scenario file the `expect` entry that applies to a fault combination is (the
 * first that matches), for annotations on that line (the github reporter).
 */
import { readFileSync } from 'node:fs';
import { ruleMatches } from './combinations.ts';
import { locate, type Position, parseYaml } from './source.ts';

type ExpectRule = Parameters<typeof ruleMatches>[0];

/** Undefined for .ts files and files that do not read. */
export function expectPosition(
  file: string,
  faults: readonly string[],
  read = readFileSync,
): Position | undefined {
  if (!/\.ya?ml$/.test(file)) return undefined;
  let text: string;
  try {
    text = read(file, 'utf8') as string;
  } catch {
    return undefined;
  }
  const parsed = parseYaml(file, text);
  if (!parsed.source) return undefined;
  const data = parsed.data as { expect?: unknown } | undefined;
  const rules = Array.isArray(data?.expect) ? (data.expect as ExpectRule[]) : [];
  const index = rules.findIndex((rule) => rule && typeof rule === 'object' && ruleMatches(rule, faults));
  return locate(parsed.source, index >= 0 ? ['expect', index] : ['expect']);
}
