/**
 * A scenario's fault uses in plain words, for the reports: the catalogue's one-line summary with
 * what a reader can recognise of the parameters and the window ("Customers cannot log in — for
 * 7 days 4 hours"). Reports show this instead of the scenario's label ("week-long-outage"), an id.
 */
import { formatDuration, isDuration, parseDuration } from '../clock/duration.ts';
import { faultCatalogue } from './index.ts';

/** What a report shows of a scenario's fault use (the scenario schema's `FaultUse` fits it). */
export interface FaultUseWords {
  id?: string;
  fault: string;
  params?: Record<string, unknown>;
  window?: { from?: string; until?: string };
}

const words = (s: string) => s.replace(/[-_]+/g, ' ');

function valueText(key: string, value: unknown): string | undefined {
  if (typeof value === 'string') {
    if (/^P/.test(value) && isDuration(value)) {
      const spec = parseDuration(value);
      return spec.kind === 'elapsed' ? `by ${formatDuration(spec.ms)}` : value;
    }
    return words(value);
  }
  if (typeof value === 'number')
    return `${words(key)
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()} ${value}`;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.map(words).join(', ');
  return undefined;
}

function windowText(use: Pick<FaultUseWords, 'window'>): string | undefined {
  const { from, until } = use.window ?? {};
  if (!from || !until) return undefined;
  // Wall-clock instants of one zone: their difference is the length whatever the zone.
  const ms = Date.parse(`${until}Z`) - Date.parse(`${from}Z`);
  return Number.isFinite(ms) && ms > 0 ? `for ${formatDuration(ms)}` : undefined;
}

export function describeFaultUse(use: FaultUseWords): string {
  const definition = faultCatalogue.get(use.fault);
  const summary = (definition?.summary ?? words(use.fault.replace('.', ': '))).replace(/\.$/, '');
  const details: string[] = [];
  for (const [key, value] of Object.entries(use.params ?? {})) {
    const text = valueText(key, value);
    if (text) details.push(text);
  }
  const window = windowText(use);
  if (window) details.push(window);
  // With details, the summary's own examples in brackets ("(holidays, shutdown)") only repeat them.
  return details.length ? `${summary.replace(/\s*\([^)]*\)$/, '')} — ${details.join(', ')}` : summary;
}

/** Every fault label of a scenario in words, distinct: where two read the same, their labels tell them apart. */
export function describeFaultUses<U extends FaultUseWords>(uses: readonly U[]): Record<string, string> {
  const texts = uses.map((u) => describeFaultUse(u));
  const out: Record<string, string> = {};
  uses.forEach((use, i) => {
    const label = use.id ?? use.fault;
    const text = texts[i]!;
    out[label] = texts.filter((t) => t === text).length > 1 ? `${text} (${words(label)})` : text;
  });
  return out;
}
