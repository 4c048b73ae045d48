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

function paramTable(rows: ParamRow[]): string[] {
  return table(
    ['parameter', 'type', 'default', 'description'],
    rows.map((r) => [
      `\`${r.name}\``,
      r.type,
      r.default !== undefined ? `\`${r.default}\`` : r.required ? '**required**' : '—',
      r.description ?? '',
    ]),
  );
}

/** A fault's example as the YAML a scenario author writes under `faults:`. */
export function exampleYaml(def: FaultDefinition): string {
  return stringify({ faults: [def.example] }, { lineWidth: 0 }).trimEnd();
}

const familyOrder = (defs: FaultDefinition[]) => [...new Set(defs.map((d) => d.family))];

/** The fault catalogue as a deterministic Markdown page (docs/faults.md). */
export function faultCatalogueMarkdown(catalogue: ReadonlyMap<string, FaultDefinition>): string {
  const defs = [...catalogue.values()];
  const lines: string[] = [
    '<!-- Generated from harness/services/ by `npm run docs` (deadend docs). Do not edit by hand. -->',
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
    for (const def of defs.filter((d) => d.family === family)) {
      lines.push(`### ${def.id}`, '', `**${def.summary}**`, '', def.description, '');
      if (def.needsWindow) lines.push('This fault needs a `window` (when it starts and ends).', '');
      const rows = paramRows(def.params);
      if (rows.length === 0) lines.push('No parameters.', '');
      else lines.push(...paramTable(rows), '');
      lines.push('Example:', '', '```yaml', exampleYaml(def), '```', '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The fault catalogue for a terminal (`deadend faults`). */
export function faultCatalogueText(catalogue: ReadonlyMap<string, FaultDefinition>): string {
  const defs = [...catalogue.values()];
  const width = Math.max(...defs.map((d) => d.id.length));
  const lines: string[] = [];
  for (const def of defs) {
    lines.push(`${def.id.padEnd(width)}  ${def.summary}${def.needsWindow ? ' (needs a window)' : ''}`);
    for (const row of paramRows(def.params)) {
      const when =
        row.default !== undefined ? `default ${row.default}` : row.required ? 'required' : 'optional';
      const description = row.description ? ` — ${row.description}` : '';
      lines.push(`${' '.repeat(width + 4)}${row.name} (${when}): ${row.type}${description}`);
    }
  }
  lines.push(
    '',
    `${defs.length} faults. Use one under \`faults:\` in a scenario, e.g. \`- fault: ${defs[0]?.id ?? 'mail.delayed'}\`.`,
    'Details and examples: docs/faults.md (or `deadend faults --markdown`).',
  );
  return `${lines.join('\n')}\n`;
}
