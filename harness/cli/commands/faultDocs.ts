/**
 * The fault catalogue as text: `deadend faults` (terminal) and docs/faults.md (`deadend docs`).
 * Everything is derived from the fault definitions — parameter tables come from each fault's zod
 * schema through `z.toJSONSchema` — so the docs cannot drift from the code. Output is deterministic:
 * catalogue order, no dates, no machine-dependent values.
 */
import { markdownTable } from 'markdown-table';
import { stringify } from 'yaml';
import { z } from 'zod';
import type { FaultDefinition } from '../../core/fault.ts';
import { faultUseSchema } from '../../scenario/schema.ts';

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  required?: string[];
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
};

export interface ParamRow {
  name: string;
  /** Plain type, e.g. `string`, `integer > 0`, `list of string`, `one of: a, b`. */
  type: string;
  required: boolean;
  /** JSON text of the default, when there is one. */
  default?: string;
  description?: string;
}

/** The parameters of a zod object schema as rows (name, type, required, default, description). */
export function paramRows(schema: z.ZodType): ParamRow[] {
  // `io: 'input'`: what a scenario author writes — a parameter with a default is optional.
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, prop]) => {
    const row: ParamRow = { name, type: typeLabel(prop), required: required.has(name) };
    if (prop.default !== undefined) row.default = JSON.stringify(prop.default);
    if (prop.description !== undefined) row.description = prop.description;
    return row;
  });
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** A short plain-language type of a JSON Schema node. */
export function typeLabel(s: JsonSchema): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return `one of: ${s.enum.map((v) => String(v)).join(', ')}`;
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return alternatives.map(typeLabel).join(' or ');
  const type = Array.isArray(s.type) ? s.type.join(' or ') : s.type;
  if (type === 'array') {
    if (s.prefixItems) return `[${s.prefixItems.map(typeLabel).join(', ')}]`;
    return s.items ? `list of ${typeLabel(s.items)}` : 'list';
  }
  if (type === 'object') {
    if (s.properties && Object.keys(s.properties).length > 0) {
      return `{ ${Object.keys(s.properties).join(', ')} }`;
    }
    return 'map';
  }
  if (type === 'number' || type === 'integer') {
    const bounds: string[] = [];
    if (s.exclusiveMinimum !== undefined) bounds.push(`> ${s.exclusiveMinimum}`);
    if (s.minimum !== undefined && s.minimum > -MAX_SAFE) bounds.push(`≥ ${s.minimum}`);
    if (s.exclusiveMaximum !== undefined) bounds.push(`< ${s.exclusiveMaximum}`);
    if (s.maximum !== undefined && s.maximum < MAX_SAFE) bounds.push(`≤ ${s.maximum}`);
    return bounds.length > 0 ? `${type} ${bounds.join(', ')}` : type;
  }
  return type ?? 'any';
}

/** GitHub's heading anchor for a heading text. */
export function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** An aligned GFM table, laid out the way `biome format` lays out Markdown tables. */
function table(header: string[], rows: string[][]): string[] {
  return markdownTable([header, ...rows.map((r) => r.map(cell))]).split('\n');
}

/** A vocabulary fault's param that names a declaration is described "ref:<kind>": in words. */
const described = (row: ParamRow) => row.description?.replace(/^ref:(.+)$/, 'a $1 the profile declares');

function paramTable(rows: ParamRow[]): string[] {
  return table(
    ['parameter', 'type', 'default', 'description'],
    rows.map((r) => [
      `\`${r.name}\``,
      r.type,
      r.default !== undefined ? `\`${r.default}\`` : r.required ? '**required**' : '—',
      described(r) ?? '',
    ]),
  );
}

/** A fault's example as the YAML a scenario author writes under `faults:`. */
export function exampleYaml(def: FaultDefinition): string {
  return stringify({ faults: [def.example] }, { lineWidth: 0 }).trimEnd();
}

const familyOrder = (defs: FaultDefinition[]) => [...new Set(defs.map((d) => d.family))];

/** One fault's section: summary, description, window, parameters, example. */
function faultSection(def: FaultDefinition, heading: string): string[] {
  const lines = [`### ${heading}`, '', `**${def.summary}**`, '', def.description, ''];
  if (def.needsWindow) lines.push('This fault needs a `window` (when it starts and ends).', '');
  const rows = paramRows(def.params);
  if (rows.length === 0) lines.push('No parameters.', '');
  else lines.push(...paramTable(rows), '');
  lines.push('Example:', '', '```yaml', exampleYaml(def), '```', '');
  return lines;
}

/** Open-vocabulary faults share ids with the seed catalogue; their headings say which they are. */
const openHeading = (def: FaultDefinition) => `${def.id} (open vocabulary)`;

/** The section of docs/faults.md for scenarios over a declared merchant profile. */
function openVocabularySection(defs: readonly FaultDefinition[]): string[] {
  if (defs.length === 0) return [];
  const lines = [
    '## Faults of open-vocabulary merchants',
    '',
    'A scenario over a declared merchant profile (docs/vocabulary.md) draws its faults from this',
    'catalogue instead: generic faults over what the profile declares (message kinds, channels,',
    'records, processes, routes). Some share an id with a fault above; in such a scenario the id',
    'means the fault of this section. Parameters that name declarations are checked against the',
    'profile by `deadend validate`.',
    '',
    ...table(
      ['fault', 'family', 'summary'],
      defs.map((d) => [`[\`${d.id}\`](#${anchor(openHeading(d))})`, d.family, d.summary]),
    ),
    '',
  ];
  for (const def of defs) lines.push(...faultSection(def, openHeading(def)));
  return lines;
}

/**
 * The fault catalogue as a deterministic Markdown page (docs/faults.md); the faults of
 * open-vocabulary merchants, when given, in a section of their own after it.
 */
export function faultCatalogueMarkdown(
  catalogue: ReadonlyMap<string, FaultDefinition>,
  openFaults: readonly FaultDefinition[] = [],
): string {
  const defs = [...catalogue.values()];
  const lines: string[] = [
    `<!-- Generated from harness/services/${openFaults.length > 0 ? ' and harness/vocabulary/faults/' : ''} by \`npm run docs\` (deadend docs). Do not edit by hand. -->`,
    '',
    '# Fault catalogue',
    '',
    'A fault is a named, parameterised perturbation of a service or policy. A scenario names faults',
    'under `faults:`; it never implements them. deadend explores every combination of the faults a',
    'scenario lists (up to `explore.maxFaults`) and checks each outcome against `expect:`.',
    '',
    'The same list is printed by `npx deadend faults` (`--markdown` prints this page).',
    '',
    '## Using a fault in a scenario',
    '',
    'Every entry under `faults:` takes these fields; `params` are the fault’s own, listed below.',
    '',
    ...paramTable(paramRows(faultUseSchema)),
    '',
    'Faults that act on occurrences (a message, a payment, a contact) hit every matching occurrence',
    'inside the window, each with the given probability, up to `times` occurrences. Probabilities',
    'below 1 draw from the run’s seeded random stream, so a run with the same seed is identical.',
    '',
    '## Index',
    '',
    ...table(
      ['fault', 'family', 'summary'],
      defs.map((d) => [`[\`${d.id}\`](#${anchor(d.id)})`, d.family, d.summary]),
    ),
    '',
  ];
  for (const family of familyOrder(defs)) {
    lines.push(`## ${family}`, '');
    for (const def of defs.filter((d) => d.family === family)) lines.push(...faultSection(def, def.id));
  }
  lines.push(...openVocabularySection(openFaults));
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Terminal lines of faults: id, summary, then one line per parameter. */
function faultLines(defs: readonly FaultDefinition[], width: number): string[] {
  const lines: string[] = [];
  for (const def of defs) {
    lines.push(`${def.id.padEnd(width)}  ${def.summary}${def.needsWindow ? ' (needs a window)' : ''}`);
    for (const row of paramRows(def.params)) {
      const when =
        row.default !== undefined ? `default ${row.default}` : row.required ? 'required' : 'optional';
      const description = row.description ? ` — ${described(row)}` : '';
      lines.push(`${' '.repeat(width + 4)}${row.name} (${when}): ${row.type}${description}`);
    }
  }
  return lines;
}

/** The fault catalogue for a terminal (`deadend faults`), the open-vocabulary faults after it. */
export function faultCatalogueText(
  catalogue: ReadonlyMap<string, FaultDefinition>,
  openFaults: readonly FaultDefinition[] = [],
): string {
  const defs = [...catalogue.values()];
  const width = Math.max(...[...defs, ...openFaults].map((d) => d.id.length));
  const lines = faultLines(defs, width);
  if (openFaults.length > 0)
    lines.push(
      '',
      'Faults of open-vocabulary merchants (a scenario over a declared profile uses these; same ids, their meaning):',
      ...faultLines(openFaults, width),
    );
  const open = openFaults.length > 0 ? ` and ${openFaults.length} of open-vocabulary merchants` : '';
  lines.push(
    '',
    `${defs.length} faults${open}. Use one under \`faults:\` in a scenario, e.g. \`- fault: ${defs[0]?.id ?? 'mail.delayed'}\`.`,
    'Details and examples: docs/faults.md (or `deadend faults --markdown`).',
  );
  return `${lines.join('\n')}\n`;
}
