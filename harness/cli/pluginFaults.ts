/**
 * `deadend faults` with a config: the catalogue followed by the config's plugin faults
 * (docs/plugins.md). Here rather than in commands/faultDocs.ts so that folder, which the
 * scenario loader reaches, does not import the plugins.
 */
import type { FaultDefinition } from '../core/fault.ts';
import { faultDefinitionOf, type PluginSet } from '../vocabulary/plugins/index.ts';

/** The catalogue followed by a config's plugin faults (none: the catalogue itself). */
export function withPluginFaults(
  catalogue: ReadonlyMap<string, FaultDefinition>,
  plugins: PluginSet | undefined,
): ReadonlyMap<string, FaultDefinition> {
  if (!plugins || plugins.faults.size === 0) return catalogue;
  const added = [...plugins.faults.values()].map(faultDefinitionOf);
  return new Map([...catalogue, ...added.map((f) => [f.id, f] as const)]);
}
