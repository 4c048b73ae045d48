/**
 * Merchant profiles for the loader: each file read and checked once per load (ids match file
 * names, zones, durations and calendars are real, channels named in redirects exist).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { CalendarError } from '../clock/calendar.ts';
import {
  CalendarFileError,
  loadCalendarDefinitions,
  registryFromDefinitions,
} from '../clock/calendarFiles.ts';
import { didYouMean } from '../input/didYouMean.ts';
import { type MerchantProfile, merchantProfileSchema } from '../merchant/profile.ts';
import { messageOf, place, readYaml } from './files.ts';
import { type LoadEnv, type Loaded, type MerchantLoad, type Resolved, resolveEnv } from './loadEnv.ts';
import { type PathKey, type Problem, sortErrors } from './source.ts';
import { issuesToProblems } from './zodIssues.ts';

/** A merchant profile file, validated on its own. */
export async function loadMerchantFile(file: string, env: LoadEnv = {}): Promise<Loaded<MerchantProfile>> {
  const { value, errors } = await loadMerchant(file, resolveEnv(env));
  return value ? { value, errors } : { errors };
}

export function loadMerchantCached(file: string, env: Resolved): Promise<MerchantLoad> {
  const key = path.resolve(file);
  let pending = env.merchantCache.get(key);
  if (!pending) {
    pending = loadMerchant(file, env);
    env.merchantCache.set(key, pending);
  }
  return pending;
}

async function loadMerchant(file: string, env: Resolved): Promise<MerchantLoad> {
  const read = await readYaml(file);
  if (read.missing) return { file, errors: read.errors, missing: true };
  if (read.errors.length > 0 || read.data === undefined) return { file, errors: sortErrors(read.errors) };
  const parsed = merchantProfileSchema.safeParse(read.data);
  if (!parsed.success) {
    return {
      file,
      errors: sortErrors(
        place(read.locator, issuesToProblems(parsed.error.issues, merchantProfileSchema, read.data)),
      ),
    };
  }
  const problems = checkMerchant(parsed.data, file, env);
  if (problems.length > 0) return { file, errors: sortErrors(place(read.locator, problems)) };
  return { file, value: parsed.data, errors: [] };
}

function checkMerchant(m: MerchantProfile, file: string, env: Resolved): Problem[] {
  const problems: Problem[] = [];
  const expectedId = path.basename(file).replace(/\.ya?ml$/, '');
  if (m.id !== expectedId) {
    problems.push({
      path: ['id'],
      message: `the merchant id "${m.id}" does not match the file name: scenarios find this profile as "${expectedId}"`,
      hint: `rename the file to ${m.id}.yaml or set "id: ${expectedId}"`,
    });
  }
  const zoneError = checkZone(m.timezone, env);
  if (zoneError) problems.push({ path: ['timezone'], message: zoneError });

  problems.push(
    ...duplicates(
      m.products.map((p) => p.id),
      (i) => ['products', i, 'id'],
      'product',
    ),
  );
  problems.push(
    ...duplicates(
      m.support.map((c) => c.id),
      (i) => ['support', i, 'id'],
      'support channel',
    ),
  );
  problems.push(
    ...duplicates(
      m.systems.map((s) => s.id),
      (i) => ['systems', i, 'id'],
      'system',
    ),
  );

  m.products.forEach((p, i) => {
    problems.push(...checkDuration(p.term, ['products', i, 'term'], env));
  });
  const channels = m.support.map((c) => c.id);
  m.support.forEach((c, i) => {
    const base = ['support', i];
    for (const [problem, target] of Object.entries(c.redirects)) {
      if (target !== undefined && !channels.includes(target)) {
        problems.push(unknownChannel(m, target, [...base, 'redirects', problem]));
      }
    }
    if (c.escalation?.at !== undefined && !channels.includes(c.escalation.at)) {
      problems.push(unknownChannel(m, c.escalation.at, [...base, 'escalation', 'at']));
    }
    problems.push(...checkCalendar(c.calendar, [...base, 'calendar'], env));
    problems.push(...checkDuration(c.responseTime, [...base, 'responseTime'], env));
    if (c.escalation)
      problems.push(...checkDuration(c.escalation.answerAfter, [...base, 'escalation', 'answerAfter'], env));
  });
  m.policies.renewalRemindersBefore.forEach((d, i) => {
    problems.push(...checkDuration(d, ['policies', 'renewalRemindersBefore', i], env));
  });
  return problems;
}

/** A support channel's calendar must be one of the calendars folder's (the run would fail later). */
function checkCalendar(id: string, at: PathKey[], env: Resolved): Problem[] {
  if (!env.calendars) {
    try {
      const loaded = loadCalendarDefinitions(env.calendarsDir);
      env.calendars = {
        ids: [...loaded.keys()].sort(),
        calendar: registryFromDefinitions(
          new Map([...loaded].map(([id, { def }]) => [id, def])),
          env.calendarsDir,
        ),
      };
    } catch (e) {
      const first = e instanceof CalendarFileError ? e.problems[0] : undefined;
      env.calendars = {
        error: first ? `${first.file}:${first.line}:${first.col}: ${first.message}` : messageOf(e),
      };
    }
  }
  if ('error' in env.calendars) {
    return [
      { path: at, message: `the calendars in ${env.calendarsDir} cannot be read: ${env.calendars.error}` },
    ];
  }
  const known = env.calendars.ids;
  if (known.includes(id)) {
    // A channel needs opening hours: a holidays-only calendar (one made to be extended) has none.
    try {
      env.calendars.calendar(id);
      return [];
    } catch (e) {
      if (!(e instanceof CalendarError)) throw e;
      return [{ path: at, message: `calendar "${id}" cannot be a channel's calendar: ${messageOf(e)}` }];
    }
  }
  return [
    {
      path: at,
      message: `unknown calendar "${id}" — looked in ${env.calendarsDir}; known: ${known.join(', ') || 'none'}${didYouMean(id, known)}`,
    },
  ];
}

function duplicates(ids: readonly string[], at: (i: number) => PathKey[], what: string): Problem[] {
  const first = new Map<string, number>();
  const out: Problem[] = [];
  ids.forEach((id, i) => {
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, i);
    else
      out.push({
        path: at(i),
        message: `duplicate ${what} id "${id}", already used above`,
        seeAlso: at(earlier),
      });
  });
  return out;
}

export function unknownChannel(m: MerchantProfile, channel: string, at: readonly PathKey[]): Problem {
  const channels = m.support.map((c) => c.id);
  return {
    path: at,
    message: `"${channel}" is not a support channel of ${m.id}${didYouMean(channel, channels)}`,
    hint:
      channels.length > 0
        ? `support channels of ${m.id}: ${channels.join(', ')}`
        : `${m.id} has no support channels`,
  };
}

export function checkZone(zone: string, env: Resolved): string | undefined {
  try {
    env.parseInstant('2000-01-01T00:00', zone);
    return undefined;
  } catch (e) {
    return messageOf(e);
  }
}

export function checkDuration(text: string | undefined, at: readonly PathKey[], env: Resolved): Problem[] {
  if (text === undefined) return [];
  try {
    env.parseDuration(text);
    return [];
  } catch (e) {
    return [{ path: at, message: messageOf(e) }];
  }
}

async function knownMerchants(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((f) => /\.yaml$/.test(f))
      .map((f) => f.replace(/\.yaml$/, ''))
      .sort();
  } catch {
    return [];
  }
}

export async function missingMerchant(
  id: string,
  file: string,
  at: PathKey[],
  env: Resolved,
): Promise<Problem> {
  const known = await knownMerchants(env.merchantsDir);
  return {
    path: at,
    message: `no merchant profile "${id}" — looked for ${file}; known: ${known.join(', ') || 'none'}${didYouMean(id, known)}`,
  };
}
