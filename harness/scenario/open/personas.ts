/**
 * Named personas' trait values against the declared traits' types (an unknown trait is a
 * reference error, reported with the others): a boolean trait takes true/false, a number a
 * number, a probability a number from 0 to 1, a duration a duration text.
 */
import type { OpenMerchantProfile, OpenScenario } from '../../vocabulary/schema/index.ts';
import type { Problem } from '../source.ts';
import { classify } from './durations.ts';

function typeError(type: string, v: unknown): string | undefined {
  if (type === 'boolean') return typeof v === 'boolean' ? undefined : 'true or false';
  if (type === 'number') return typeof v === 'number' ? undefined : 'a number';
  if (type === 'probability')
    return typeof v === 'number' && v >= 0 && v <= 1 ? undefined : 'a number from 0 to 1';
  if (type === 'duration') {
    if (typeof v !== 'string') return 'a duration such as "P3D" or "4 days"';
    const c = classify(v);
    return 'error' in c ? c.error : undefined;
  }
  return undefined;
}

export function traitProblems(s: OpenScenario, profile: OpenMerchantProfile): Problem[] {
  if (!Array.isArray(s.personas)) return [];
  const problems: Problem[] = [];
  s.personas.forEach((persona, i) => {
    for (const [id, value] of Object.entries(persona.traits)) {
      const trait = profile.traits.find((t) => t.id === id);
      const wanted = trait ? typeError(trait.type, value) : undefined;
      if (wanted)
        problems.push({
          path: ['personas', i, 'traits', id],
          message: `the trait "${id}" is a ${trait!.type}: its value must be ${wanted}, not ${JSON.stringify(value)}`,
        });
    }
  });
  return problems;
}
