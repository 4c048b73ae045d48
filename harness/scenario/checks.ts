/**
 * The checks of a schema-valid scenario that need more than its own file: the merchant profile
 * with the scenario's overrides, instants in the right zone, what each step refers to, the
 * faults in the catalogue with their params, and an expected outcome for every combination.
 */

import path from 'node:path';
import { parseFact } from '../core/facts.ts';
import { type Step, stepParts } from '../customer/steps/index.ts';
import { didYouMean } from '../input/didYouMean.ts';
import { excerpt } from '../input/excerpt.ts';
import { fileForId } from '../input/projectPaths.ts';
import { applyOverrides, type MerchantProfile, merchantProfileSchema } from '../merchant/profile.ts';
import { ORACLE_IDS } from '../oracles/catalogue.ts';
import {
  combinationKey,
  countCombinations,
  expectationFor,
  faultLabel,
  ruleMatches,
  selectorProblems,
} from './combinations.ts';
import { planCombinations } from './faultSpace.ts';
import { messageOf } from './files.ts';
import type { LoadedScenario, Resolved } from './loadEnv.ts';
import {
  checkDuration,
  checkZone,
  loadMerchantCached,
  missingMerchant,
  unknownChannel,
} from './merchants.ts';
import type { FaultUse, Scenario } from './schema.ts';
import type { PathKey, Problem, SourceError } from './source.ts';
import { unknownSystems } from './systemReferences.ts';
import { issuesToProblems } from './zodIssues.ts';

/** Above this many fault combinations the coverage of `expect` is not checked (nor run in full). */
const MAX_CHECKED_COMBINATIONS = 65_536;

/**
 * The checks that need no valid scenario: a missing merchant file and unknown faults are
 * reported together with the schema errors, so one round of fixes is enough.
 */
export async function rawReferenceChecks(data: unknown, env: Resolved): Promise<Problem[]> {
  const problems: Problem[] = [];
  if (typeof data !== 'object' || data === null) return problems;
  const raw = data as { merchant?: unknown; faults?: unknown };
  const merchant = raw.merchant as string | { profile?: unknown } | undefined;
  const merchantId = typeof merchant === 'string' ? merchant : merchant?.profile;
  // An id that is not a plain id is a schema error already; it is never opened as a path.
  const merchantFile = typeof merchantId === 'string' ? fileForId(env.merchantsDir, merchantId) : undefined;
  if (typeof merchantId === 'string' && merchantFile) {
    if ((await loadMerchantCached(merchantFile, env)).missing) {
      const path = typeof merchant === 'string' ? ['merchant'] : ['merchant', 'profile'];
      problems.push(await missingMerchant(merchantId, merchantFile, path, env));
    }
  }
  if (Array.isArray(raw.faults)) {
    const known = [...env.faults.keys()];
    raw.faults.forEach((use: unknown, i) => {
      const fault = (use as { fault?: unknown } | null)?.fault;
      if (typeof fault !== 'string' || env.faults.has(fault)) return;
      problems.push({
        path: ['faults', i, 'fault'],
        message: `unknown fault ${excerpt(fault)}${didYouMean(fault, known)}`,
      });
    });
  }
  return problems;
}

interface Checked {
  value?: LoadedScenario;
  problems: Problem[];
  /** Errors in other files (the merchant profile). */
  otherErrors: SourceError[];
}

export async function checkScenario(s: Scenario, file: string, env: Resolved): Promise<Checked> {
  const problems: Problem[] = [];
  const otherErrors: SourceError[] = [];

  // The merchant profile, with the scenario's overrides.
  const merchantId = typeof s.merchant === 'string' ? s.merchant : s.merchant.profile;
  const merchantPath = typeof s.merchant === 'string' ? ['merchant'] : ['merchant', 'profile'];
  const merchantFile = path.join(env.merchantsDir, `${merchantId}.yaml`);
  const load = await loadMerchantCached(merchantFile, env);
  let merchant: MerchantProfile | undefined;
  if (load.missing) {
    problems.push(await missingMerchant(merchantId, merchantFile, merchantPath, env));
  } else if (!load.value) {
    otherErrors.push(...load.errors);
    const n = load.errors.length;
    problems.push({
      path: merchantPath,
      message: `the merchant profile "${merchantId}" has ${n} error${n === 1 ? '' : 's'} (in ${merchantFile})`,
    });
  } else {
    merchant = withOverrides(load.value, s, problems);
  }

  // Times.
  const customerZone = s.customer.timezone;
  let zone = merchant?.timezone;
  if (customerZone !== undefined) {
    const zoneError = checkZone(customerZone, env);
    if (zoneError) problems.push({ path: ['customer', 'timezone'], message: zoneError });
    zone = zoneError ? undefined : customerZone;
  }
  const instant = (text: string | undefined, at: readonly PathKey[]): number | undefined => {
    if (text === undefined || zone === undefined) return undefined;
    try {
      return env.parseInstant(text, zone);
    } catch (e) {
      problems.push({ path: at, message: messageOf(e) });
      return undefined;
    }
  };
  const start = instant(s.start, ['start']);
  const deadline = instant(s.goal.deadline, ['goal', 'deadline']);
  if (start !== undefined && deadline !== undefined && deadline <= start) {
    problems.push({
      path: ['goal', 'deadline'],
      message: `the deadline ${s.goal.deadline} must be after the start ${s.start}`,
    });
  }
  s.given.forEach((g, i) => {
    const at = instant(g.at, ['given', i, 'at']);
    if (at !== undefined && start !== undefined && at > start) {
      problems.push({
        path: ['given', i, 'at'],
        message: `${g.at} is after the start ${s.start}: "given" lists purchases made before the journey starts`,
      });
    }
  });
  const duration = (text: string | undefined, at: readonly PathKey[]) =>
    problems.push(...checkDuration(text, at, env));
  duration(s.customer.traits.patience, ['customer', 'traits', 'patience']);
  duration(s.customer.traits.followUpAfter, ['customer', 'traits', 'followUpAfter']);

  // Steps.
  const products = merchant?.products.map((p) => p.id) ?? [];
  const product = (id: string, at: readonly PathKey[]) => {
    if (merchant && !products.includes(id)) {
      problems.push({
        path: at,
        message: `"${id}" is not a product of ${merchant.id}${didYouMean(id, products)}`,
        hint: `products of ${merchant.id}: ${products.join(', ')}`,
      });
    }
  };
  const salesChannel = (channel: string, at: readonly PathKey[]) => {
    if (merchant && merchant.sales[channel as keyof MerchantProfile['sales']] === undefined) {
      const sales = Object.keys(merchant.sales);
      problems.push({
        path: at,
        message: `${merchant.id} does not sell through the "${channel}" channel`,
        hint: `sales channels of ${merchant.id}: ${sales.join(', ') || 'none'}`,
      });
    }
  };
  // Each step kind names the params that refer to the merchant, a calendar or a time.
  const step = (st: Step, at: readonly PathKey[]) => {
    const [kind, params] = stepParts(st);
    const where = (param: string) => [...at, kind.kind, param];
    kind.references?.(params, {
      product: (id, param) => {
        if (id !== undefined) product(id, where(param));
      },
      salesChannel: (channel, param) => salesChannel(channel, where(param)),
      supportChannel: (channel, param) => {
        if (merchant && !merchant.support.some((c) => c.id === channel))
          problems.push(unknownChannel(merchant, channel, where(param)));
      },
      duration: (text, param) => duration(text, where(param)),
      instant: (text, param) => {
        instant(text, where(param));
      },
    });
  };
  s.steps.forEach((st, i) => {
    step(st, ['steps', i]);
  });
  s.afterwards.forEach((st, i) => {
    step(st, ['afterwards', i]);
  });
  s.given.forEach((g, i) => {
    product(g.owns, ['given', i, 'owns']);
    salesChannel(g.channel, ['given', i, 'channel']);
  });
  s.goal.needs.forEach((fact, i) => {
    const id = parseFact(fact).subject;
    if (id !== undefined) product(id, ['goal', 'needs', i]);
  });

  // Faults.
  const faults = checkFaults(s, merchant, env, problems, instant);
  checkExpectations(s, faults, problems);

  if (problems.length > 0 || otherErrors.length > 0 || !merchant) return { problems, otherErrors };
  return { value: { file, scenario: { ...s, faults }, merchant, merchantFile }, problems, otherErrors };
}

function withOverrides(profile: MerchantProfile, s: Scenario, problems: Problem[]): MerchantProfile {
  if (typeof s.merchant === 'string') return profile;
  const { capabilities, policies } = s.merchant;
  if (policies === undefined) return applyOverrides(profile, { ...(capabilities ? { capabilities } : {}) });
  // Validate only what the scenario sets: a partial schema would fill in every default and
  // silently undo the profile's own policies.
  const policySchema = merchantProfileSchema.shape.policies.unwrap().partial();
  const parsed = policySchema.safeParse(policies);
  if (!parsed.success) {
    problems.push(...issuesToProblems(parsed.error.issues, policySchema, policies, ['merchant', 'policies']));
    return profile;
  }
  const given = Object.fromEntries(
    Object.keys(policies).map((k) => [k, (parsed.data as Record<string, unknown>)[k]]),
  ) as Partial<MerchantProfile['policies']>;
  return applyOverrides(profile, { ...(capabilities ? { capabilities } : {}), policies: given });
}

function checkFaults(
  s: Scenario,
  merchant: MerchantProfile | undefined,
  env: Resolved,
  problems: Problem[],
  instant: (text: string | undefined, at: readonly PathKey[]) => number | undefined,
): FaultUse[] {
  const known = [...env.faults.keys()];
  const labels = new Map<string, number>();
  return s.faults.map((use, i) => {
    const at = ['faults', i];
    const label = faultLabel(use);
    const earlier = labels.get(label);
    if (earlier === undefined) labels.set(label, i);
    else {
      problems.push({
        path: [...at, labelKey(use)],
        message: `the fault label "${label}" is already used above`,
        seeAlso: ['faults', earlier, labelKey(s.faults[earlier]!)],
        hint: 'give each use of a fault its own "id:", and use those ids in expect',
      });
    }
    if (use.window) {
      const from = instant(use.window.from, [...at, 'window', 'from']);
      const until = instant(use.window.until, [...at, 'window', 'until']);
      if (from !== undefined && until !== undefined && until <= from) {
        problems.push({
          path: [...at, 'window', 'until'],
          message: `the window ends (${use.window.until}) before it starts (${use.window.from})`,
        });
      }
    }
    const fault = env.faults.get(use.fault);
    if (!fault) {
      problems.push({
        path: [...at, 'fault'],
        message: `unknown fault ${excerpt(use.fault)}${didYouMean(use.fault, known)}`,
        hint: `known faults (deadend faults): ${known.join(', ')}`,
      });
      return use;
    }
    if (fault.needsWindow && (use.window?.from === undefined || use.window.until === undefined)) {
      problems.push({
        path: use.window ? [...at, 'window'] : at,
        message: `${use.fault} needs a window with a start and an end: "window: { from: …, until: … }"`,
      });
    }
    const parsed = fault.params.safeParse(use.params);
    if (!parsed.success) {
      problems.push(...issuesToProblems(parsed.error.issues, fault.params, use.params, [...at, 'params']));
      return use;
    }
    const params = parsed.data as Record<string, unknown>;
    const channels = params.channels;
    if (merchant && Array.isArray(channels)) {
      channels.forEach((c, k) => {
        if (typeof c === 'string' && !merchant.support.some((ch) => ch.id === c)) {
          problems.push(unknownChannel(merchant, c, [...at, 'params', 'channels', k]));
        }
      });
    }
    if (merchant && Array.isArray(params.between))
      problems.push(...unknownSystems(merchant, params.between, [...at, 'params', 'between']));
    return { ...use, params };
  });
}

const labelKey = (use: FaultUse) => (use.id !== undefined ? 'id' : 'fault');

function checkExpectations(s: Scenario, faults: readonly FaultUse[], problems: Problem[]): void {
  const labels = faults.map(faultLabel);
  let usable = true;
  s.expect.forEach((rule, i) => {
    const selectorErrors = selectorProblems(rule, i);
    if (selectorErrors.length > 0) {
      usable = false;
      problems.push(...selectorErrors);
    }
    rule.findings?.forEach((oracle, k) => {
      if (ORACLE_IDS.includes(oracle)) return;
      problems.push({
        path: ['expect', i, 'findings', k],
        message: `unknown finding "${oracle}"${didYouMean(oracle, ORACLE_IDS)}`,
        hint: `the oracles (deadend oracles): ${ORACLE_IDS.join(', ')}`,
      });
    });
    for (const kind of ['faults', 'includes'] as const) {
      rule[kind]?.forEach((label, k) => {
        if (labels.includes(label)) return;
        usable = false;
        const use = faults.find((f) => f.fault === label);
        problems.push({
          path: ['expect', i, kind, k],
          message: `"${label}" is not a fault of this scenario${didYouMean(label, labels)}`,
          hint: use
            ? `the ${label} fault is labelled "${faultLabel(use)}" here (its id)`
            : labels.length > 0
              ? `the fault labels of this scenario: ${labels.join(', ')}`
              : 'this scenario has no faults: the only combination is "faults: []"',
        });
      });
    }
  });
  if (!usable) return;

  const maxFaults = s.explore.maxFaults ?? labels.length;
  if (countCombinations(labels.length, maxFaults) > MAX_CHECKED_COMBINATIONS) return;
  const combos = planCombinations(s.explore, labels);
  const uncovered = combos.filter((c) => expectationFor(s.expect, c) === undefined);
  if (uncovered.length > 0) {
    const shown = uncovered.slice(0, 8).map(combinationKey);
    const more = uncovered.length > shown.length ? `, … (${uncovered.length - shown.length} more)` : '';
    const example = uncovered[0]!;
    problems.push({
      path: ['expect'],
      key: true,
      message:
        uncovered.length === 1
          ? `no expected outcome for the fault combination "${shown[0]}"`
          : `no expected outcome for ${uncovered.length} fault combinations: ${shown.join(', ')}${more}`,
      hint: `add "- otherwise: true" with an outcome as the last entry, or an entry with "faults: [${example.join(', ')}]"`,
    });
  }
  s.expect.forEach((rule, i) => {
    if (rule.otherwise) return; // a catch-all may be there just in case
    if (combos.some((c) => s.expect.findIndex((r) => ruleMatches(r, c)) === i)) return;
    const size = new Set(rule.faults ?? rule.includes ?? []).size;
    const matched = combos.filter((c) => ruleMatches(rule, c));
    const takenBy = matched.length > 0 ? s.expect.findIndex((r) => ruleMatches(r, matched[0]!)) : -1;
    problems.push({
      path: ['expect', i],
      message: `this entry never applies: ${
        takenBy >= 0
          ? 'the fault combinations it matches are taken by an entry above it'
          : size > maxFaults
            ? `explore.maxFaults is ${maxFaults}, so no combination of ${size} faults is tried`
            : 'no fault combination of this scenario matches it'
      }`,
      ...(takenBy >= 0 ? { seeAlso: ['expect', takenBy] } : {}),
    });
  });
}
