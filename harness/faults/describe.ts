/**
 * A fault use of a scenario in plain words, for the reports: the catalogue's one-line summary with
 * the parameters a reader can recognise ("A message lands in the spam folder — licence key").
 * Reports show this instead of the scenario's label ("key-in-spam"), which is an id.
 */
import type { FaultUse } from '../scenario/schema.ts';
import { faultCatalogue } from './catalogue.ts';

const words = (s: string) => s.replace(/[-_]+/g, ' ');

export function describeFaultUse(use: Pick<FaultUse, 'fault' | 'params'>): string {
  const definition = faultCatalogue.get(use.fault);
  const base = (definition?.summary ?? words(use.fault.replace('.', ': '))).replace(/\.$/, '');
  const details: string[] = [];
  for (const value of Object.values(use.params ?? {})) {
    if (typeof value === 'string') details.push(words(value));
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
      details.push(value.map(words).join(', '));
  }
  return details.length ? `${base} — ${details.join('; ')}` : base;
}
