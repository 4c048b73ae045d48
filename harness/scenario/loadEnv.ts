/** What loading a scenario or merchant file needs to know, and the defaults filled in once per load. */
import type { z } from 'zod';
import { parseDuration as clockParseDuration } from '../clock/duration.ts';
import { parseInstant as clockParseInstant } from '../clock/instant.ts';
import type { MerchantProfile } from '../merchant/profile.ts';
import { faultCatalogue } from '../services/index.ts';
import type { PluginSet } from '../vocabulary/plugins/index.ts';
import type { Scenario } from './schema.ts';
import type { SourceError } from './source.ts';

export interface FaultInfo {
  id: string;
  summary: string;
  params: z.ZodType;
  needsWindow?: boolean;
}

export interface LoadEnv {
  /** Where merchant profiles live: merchant id X is `merchantsDir/X.yaml`. Default `fixtures/merchants`. */
  merchantsDir?: string;
  /** Where the calendars that support channels name live. Default `fixtures/calendars`. */
  calendarsDir?: string;
  /** The fault catalogue. Default: harness/services/index.ts. */
  faults?: ReadonlyMap<string, FaultInfo>;
  /** Default: harness/clock/duration.ts. Throws on text that is not a duration. */
  parseDuration?: (text: string) => unknown;
  /** Default: harness/clock/instant.ts. Epoch ms; throws on bad text or an unknown zone. */
  parseInstant?: (text: string, zone: string) => number;
  /** Merchant profiles already loaded, by file. loadScenarios shares one across its files. */
  merchantCache?: Map<string, Promise<MerchantLoad>>;
  /** The config's plugins (deadend.config.ts): open scenarios' `plugin:` uses are checked against them. */
  plugins?: PluginSet;
}

export interface Loaded<T> {
  /** Present only when there are no errors. */
  value?: T;
  errors: SourceError[];
}

export interface LoadedScenario {
  file: string;
  /** Defaults applied; each fault's `params` parsed by that fault's schema. */
  scenario: Scenario;
  /** The profile with the scenario's capability and policy overrides applied. */
  merchant: MerchantProfile;
  merchantFile: string;
}

export const DEFAULT_MERCHANTS_DIR = 'fixtures/merchants';
export const DEFAULT_CALENDARS_DIR = 'fixtures/calendars';

export interface MerchantLoad extends Loaded<MerchantProfile> {
  file: string;
  /** The file does not exist. */
  missing?: boolean;
}

export interface Resolved {
  merchantsDir: string;
  calendarsDir: string;
  /** The calendar ids of calendarsDir (or why they cannot be read), read once per load. */
  calendars?: { ids: string[]; calendar: (id: string) => unknown } | { error: string };
  faults: ReadonlyMap<string, FaultInfo>;
  parseDuration: (text: string) => unknown;
  parseInstant: (text: string, zone: string) => number;
  merchantCache: Map<string, Promise<MerchantLoad>>;
  plugins?: PluginSet;
}

export function resolveEnv(env: LoadEnv = {}): Resolved {
  return {
    merchantsDir: env.merchantsDir ?? DEFAULT_MERCHANTS_DIR,
    calendarsDir: env.calendarsDir ?? DEFAULT_CALENDARS_DIR,
    faults: env.faults ?? faultCatalogue,
    parseDuration: env.parseDuration ?? clockParseDuration,
    parseInstant: env.parseInstant ?? clockParseInstant,
    merchantCache: env.merchantCache ?? new Map(),
    ...(env.plugins ? { plugins: env.plugins } : {}),
  };
}
