/**
 * JSON Schemas for editors, generated from the zod schemas (the single source). Scenario
 * files start with `# yaml-language-server: $schema=../schema/scenario.schema.json`, which
 * gives completion, hover help and red squiggles in VS Code and other YAML-LSP editors.
 *
 * Draft-07, the draft editors' YAML and JSON language servers support best. The bytes are
 * deterministic: `npm run schema` rewrites them and a test fails when they are stale.
 */
import { z } from 'zod';
import type { FaultDefinition } from '../core/fault.ts';
import { merchantProfileSchema } from '../merchant/profile.ts';
import { faultCatalogue } from '../services/index.ts';
import { vocabularyFaults } from '../vocabulary/faults/index.ts';
import {
  openMerchantProfileSchema,
  openScenarioSchema,
  vocabularyFileSchema,
} from '../vocabulary/schema/index.ts';
import { scenarioSchema } from './schema.ts';

export interface JsonSchemaFile {
  /** Relative to the repository root. */
  path: string;
  content: string;
}

type Json = Record<string, unknown>;

const toJson = (schema: z.ZodType, reused: 'inline' | 'ref' = 'inline'): Json =>
  z.toJSONSchema(schema, { io: 'input', target: 'draft-7', unrepresentable: 'throw', reused }) as Json;
/** The vocabulary repeats conditions, effects and durations everywhere: define each once. */
const toSharedJson = (schema: z.ZodType) => toJson(schema, 'ref');

function render(generated: Json, meta: { id: string; title: string }): string {
  const { $schema, ...rest } = generated;
  return `${JSON.stringify({ $schema, $id: meta.id, title: meta.title, ...rest }, null, 2)}\n`;
}

/**
 * The zod schema says only that `fault` is text and `params` a map: the catalogue is code the
 * loader consults. For editors, name the faults (completion, summaries on hover) and give
 * each fault's parameters.
 */
function withFaultCatalogue(scenario: Json, catalogue: ReadonlyMap<string, FaultDefinition>): Json {
  const faults = (scenario.properties as Record<string, Json>).faults!;
  const use = faults.items as Json;
  const props = use.properties as Record<string, Json>;
  const faultList = [...catalogue.values()];
  props.fault = {
    ...props.fault,
    anyOf: faultList.map((f) => ({ const: f.id, description: f.summary })),
  };
  use.allOf = faultList.map((f) => {
    const { $schema: _ignored, ...params } = toJson(f.params);
    return {
      if: { properties: { fault: { const: f.id } }, required: ['fault'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a thenable
      then: { properties: { params: { description: `Parameters of ${f.id}.`, ...params } } },
    };
  });
  return scenario;
}

export function jsonSchemaFiles(): JsonSchemaFile[] {
  return [
    {
      path: 'schema/scenario.schema.json',
      content: render(withFaultCatalogue(toJson(scenarioSchema), faultCatalogue), {
        id: 'urn:deadend:schema:scenario',
        title: 'deadend scenario',
      }),
    },
    {
      path: 'schema/merchant.schema.json',
      content: render(toJson(merchantProfileSchema), {
        id: 'urn:deadend:schema:merchant',
        title: 'deadend merchant profile',
      }),
    },
    {
      path: 'schema/open-scenario.schema.json',
      content: render(
        withFaultCatalogue(toJson(openScenarioSchema), new Map(vocabularyFaults.map((f) => [f.id, f]))),
        { id: 'urn:deadend:schema:open-scenario', title: 'deadend scenario over an open vocabulary' },
      ),
    },
    {
      path: 'schema/open-merchant.schema.json',
      content: render(toSharedJson(openMerchantProfileSchema), {
        id: 'urn:deadend:schema:open-merchant',
        title: 'deadend merchant profile with an open vocabulary',
      }),
    },
    {
      path: 'schema/vocabulary.schema.json',
      content: render(toSharedJson(vocabularyFileSchema), {
        id: 'urn:deadend:schema:vocabulary',
        title: 'deadend vocabulary file',
      }),
    },
  ];
}
