/**
 * docs/vocabulary.md: every field of the open vocabulary with its describe() text, generated
 * from the zod schema (`npm run docs`, freshness-tested with the other generated pages) so
 * the reference cannot drift from what the loader accepts. Semantics stay in
 * docs/vocabulary-design.md. Deterministic: schema order, no dates.
 */
import { markdownTable } from 'markdown-table';
import type { z } from 'zod';
import { calendarSchema } from '../../clock/calendarSchema.ts';
import { productSchema } from '../../merchant/profile.ts';
import {
  actionSchema,
  channelSchema,
  commitmentSchema,
  factSchema,
  messageKindSchema,
  openMerchantProfileSchema,
  partySchema,
  problemSchema,
  processSchema,
  reasonSchema,
  recordSchema,
  routeSchema,
  systemSchema,
  traitSchema,
  vocabularyFileSchema,
} from './declarations.ts';
import {
  findingExpectationSchema,
  openExpectationSchema,
  openScenarioSchema,
  openStepSchema,
  personaSchema,
  scorecardExpectationSchema,
} from './scenario.ts';
import {
  amountSchema,
  businessTimeSchema,
  conditionSchema,
  effectSchema,
  elapsed,
  instant,
  referenceKinds,
} from './terms.ts';

interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: readonly z.ZodType[];
  items?: readonly z.ZodType[];
  entries?: Record<string, unknown>;
  values?: readonly unknown[];
  getter?: () => z.ZodType;
  defaultValue?: unknown;
}
const def = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** Terms documented once, by name, wherever a field uses them. */
const TERMS = new Map<object, string>([
  [def(conditionSchema), '[condition](#conditions)'],
  [def(effectSchema), '[effect](#effects)'],
  [def(businessTimeSchema), '[business time](#business-time)'],
  [def(amountSchema), '[amount](#amounts)'],
  [def(instant), 'local date-time'],
  [def(elapsed), 'elapsed time'],
  [def(calendarSchema), 'calendar (as in fixtures/calendars)'],
  [def(productSchema), 'product (as in seed profiles)'],
]);

function unwrap(s: z.ZodType): { inner: z.ZodType; optional: boolean; dflt?: unknown } {
  let optional = false;
  let dflt: unknown;
  for (;;) {
    const d = def(s);
    if (TERMS.has(d)) return { inner: s, optional, ...(dflt !== undefined ? { dflt } : {}) };
    if (d.type === 'default')
      dflt = typeof d.defaultValue === 'function' ? (d.defaultValue as () => unknown)() : d.defaultValue;
    if (WRAPPERS.has(d.type) && d.innerType) {
      if (d.type !== 'nonoptional') optional = true;
      s = d.innerType;
    } else if (d.type === 'lazy' && d.getter) s = d.getter();
    else return { inner: s, optional, ...(dflt !== undefined ? { dflt } : {}) };
  }
}

/** The field's own words, else what it wraps (a bare `ref()` says "The id of a declared …"). */
function describeOf(s: z.ZodType): string {
  let fallback = '';
  for (let cur: z.ZodType | undefined = s; cur; ) {
    if (cur.description && !referenceKinds.has(def(cur))) return cur.description;
    if (cur.description && !fallback) fallback = cur.description;
    const d = def(cur);
    cur = WRAPPERS.has(d.type) ? d.innerType : d.type === 'array' ? d.element : undefined;
  }
  return fallback;
}

export function typeOf(s: z.ZodType): string {
  const { inner } = unwrap(s);
  const d = def(inner);
  const term = TERMS.get(d);
  if (term) return term;
  const declaration = DECLARATION_LINKS.get(d);
  if (declaration) return declaration;
  const mark = referenceKinds.get(d);
  if (mark)
    return mark.declares
      ? `new ${mark.kind} id`
      : `id of ${/^[aeiou]/.test(mark.kind) ? 'an' : 'a'} ${mark.kind}`;
  switch (d.type) {
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'boolean':
      return 'true or false';
    case 'literal':
      return (d.values ?? []).map((v) => JSON.stringify(v)).join(' or ');
    case 'enum':
      return `one of: ${Object.values(d.entries ?? {}).join(', ')}`;
    case 'array':
      return `list of ${typeOf(d.element!)}`;
    case 'tuple':
      return `[${(d.items ?? []).map(typeOf).join(', ')}]`;
    case 'record':
      return `map of ${typeOf(d.keyType!)} → ${typeOf(d.valueType!)}`;
    case 'object':
      return `{ ${Object.keys(d.shape ?? {}).join(', ')} }`;
    case 'union':
      return (d.options ?? []).map(typeOf).join(' or ');
    case 'unknown':
      return 'anything';
    default:
      return d.type;
  }
}

const cell = (t: string) => t.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Rows for an object's fields; nested plain objects get dotted names, terms and lists of declarations do not. */
function rows(schema: z.ZodType, prefix = ''): string[][] {
  const d = def(unwrap(schema).inner);
  if (d.type !== 'object') return [];
  const out: string[][] = [];
  for (const [key, field] of Object.entries(d.shape ?? {})) {
    if (key === '$schema') continue;
    const { inner, optional, dflt } = unwrap(field);
    const name = `${prefix}${key}`;
    const dfltText = dflt !== undefined ? `\`${JSON.stringify(dflt)}\`` : optional ? 'optional' : 'required';
    out.push([`\`${name}\``, cell(typeOf(field)), dfltText, cell(describeOf(field))]);
    if (def(inner).type === 'object' && !TERMS.has(def(inner))) out.push(...rows(inner, `${name}.`));
  }
  return out;
}

const HEADER = ['field', 'type', 'default', 'what it says'];
const table = (schema: z.ZodType) => markdownTable([HEADER, ...rows(schema)], { alignDelimiters: false });

/** The schema itself, past wrappers and lazy (a term's own definition, not its name). */
function resolve(s: z.ZodType): z.ZodType {
  for (;;) {
    const d = def(s);
    if (WRAPPERS.has(d.type) && d.innerType) s = d.innerType;
    else if (d.type === 'lazy' && d.getter) s = d.getter();
    else return s;
  }
}

/** A union of one-key objects (conditions, effects, steps) as one table per option. */
function options(schema: z.ZodType): string {
  const d = def(resolve(schema));
  return (d.options ?? [])
    .map((o) => {
      const od = def(unwrap(o).inner);
      const key = Object.keys(od.shape ?? {})[0];
      if (od.type !== 'object' || !key)
        return `- ${cell(typeOf(o))}${describeOf(o) ? `: ${describeOf(o)}` : ''}`;
      // The option's own key is said by the option's words.
      const body = rows(o).map((r) =>
        r[0] === `\`${key}\`` && r[3] === '' ? [r[0]!, r[1]!, r[2]!, cell(describeOf(o))] : r,
      );
      const t = markdownTable([HEADER, ...body], { alignDelimiters: false });
      return `#### \`${key}\`\n\n${describeOf(o) || 'No description.'}\n\n${t}`;
    })
    .join('\n\n');
}

/** Each list of declarations: its key, what one is called, its schema. */
const DECLARATIONS: [string, string, z.ZodType][] = [
  ['messages', 'message kind', messageKindSchema],
  ['channels', 'channel', channelSchema],
  ['parties', 'party', partySchema],
  ['systems', 'system', systemSchema],
  ['records', 'record', recordSchema],
  ['facts', 'fact', factSchema],
  ['traits', 'trait', traitSchema],
  ['reasons', 'reason', reasonSchema],
  ['problems', 'problem', problemSchema],
  ['actions', 'action', actionSchema],
  ['processes', 'process', processSchema],
  ['commitments', 'commitment', commitmentSchema],
  ['routes', 'route', routeSchema],
];

const DECLARATION_LINKS = new Map<object, string>(
  DECLARATIONS.map(([key, one, s]) => [def(s), `[${one}](#${key})`]),
);

export function vocabularyMarkdown(): string {
  const parts = [
    '# The open vocabulary, field by field',
    '',
    '> Generated from `harness/vocabulary/schema/` by `npm run docs`; do not edit by hand.',
    '> What the declarations mean (time, actions, processes, money, oracles) is in',
    '> [vocabulary-design.md](vocabulary-design.md); `deadend validate` checks every',
    '> reference ("id of a channel") against the declarations of the profile and what it includes.',
    '',
    '## Merchant profile',
    '',
    describeOf(openMerchantProfileSchema),
    '',
    table(openMerchantProfileSchema),
    '',
    '## Vocabulary file',
    '',
    describeOf(vocabularyFileSchema),
    '',
    table(vocabularyFileSchema),
    '',
    '## Declarations',
    '',
    ...DECLARATIONS.flatMap(([key, , s]) => [`### ${key}`, '', describeOf(s), '', table(s), '']),
    '## Scenario',
    '',
    describeOf(openScenarioSchema),
    '',
    table(openScenarioSchema),
    '',
    '### Steps',
    '',
    options(openStepSchema),
    '',
    '### Personas',
    '',
    table(personaSchema),
    '',
    '### Expectations',
    '',
    table(openExpectationSchema),
    '',
    `A finding is ${typeOf(findingExpectationSchema)}: an oracle id, or the object below.`,
    '',
    table(def(findingExpectationSchema).options![1]!),
    '',
    '#### Scorecard',
    '',
    describeOf(scorecardExpectationSchema),
    '',
    table(scorecardExpectationSchema),
    '',
    '## Terms',
    '',
    '### Conditions',
    '',
    options(conditionSchema),
    '',
    '### Effects',
    '',
    options(effectSchema),
    '',
    '### Business time',
    '',
    options(businessTimeSchema),
    '',
    '### Amounts',
    '',
    options(amountSchema),
    '',
  ];
  return `${parts
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
