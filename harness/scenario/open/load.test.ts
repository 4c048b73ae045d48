/**
 * Loading and validating open-vocabulary scenarios over toy profiles (testdata/): merging,
 * overrides, and the errors a scenario author sees — each at the file and position where the
 * mistake is written, with the kind, a guess and the list.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCommand } from '../../cli/commands/validate.ts';
import type { LoadedOpenScenario } from '../../vocabulary/loaded.ts';
import { loadScenarios } from '../load.ts';
import { formatSourceError } from '../source.ts';

const TD = path.relative(process.cwd(), path.join(import.meta.dirname, 'testdata'));
const env = { merchantsDir: path.join(TD, 'merchants'), calendarsDir: path.join(TD, 'calendars') };
const scenario = (name: string) => path.join(TD, 'scenarios', `${name}.yaml`);
const inTd = (p: string) => path.join(TD, p);

async function load(name: string) {
  const loaded = await loadScenarios([scenario(name)], env);
  return { ...loaded, lines: [...loaded.errors, ...loaded.warnings].map(formatSourceError) };
}

async function loadedOpen(name: string): Promise<LoadedOpenScenario> {
  const { openScenarios, errors } = await load(name);
  expect(errors).toEqual([]);
  return openScenarios[0]!;
}

describe('open scenarios load with their merged profile', () => {
  it('merges the included vocabulary and parses fault params with the vocabulary catalogue', async () => {
    const s = await loadedOpen('good');
    expect(s.kind).toBe('open');
    expect(s.profile.actions.map((a) => a.id)).toEqual(['sign-in', 'send-code', 'unlock']);
    expect(s.profile.messages.map((m) => m.id)).toEqual(['code', 'unlocked']);
    expect(s.sources).toEqual([inTd('merchants/toy.yaml'), inTd('vocabularies/sign-in.yaml')]);
    expect(s.scenario.faults[0]!.params).toEqual({ between: ['accounts', 'billing'] });
  });

  it('a profile extends another by id, and a scenario overrides capabilities and parameters', async () => {
    const s = await loadedOpen('override');
    expect(s.profile.channels.find((c) => c.id === 'chat')?.name).toBe('Toy chat');
    expect(s.profile.actions.map((a) => a.id)).toContain('send-code');
    expect(s.profile.parameters).toEqual({ 'hold-days': 'P3D' });
    expect(s.profile.capabilities).toEqual({ 'fast-unlock': true });
  });

  it('warns of a customer-relevant fact that nothing tells, without failing the file', async () => {
    const { errors, lines, openScenarios } = await load('override');
    expect(errors).toEqual([]);
    expect(openScenarios).toHaveLength(1);
    expect(lines).toEqual([
      `${inTd('merchants/toy-plus.yaml')}:9:11: warning: the customer-relevant fact "fee-added" is told by nothing (no message's tells, no tell effect, no redirect's tells): every change of it will be silent`,
    ]);
  });
});

describe('validate: references, durations, includes', () => {
  it('an unknown channel in a step, with the guess and the kind’s ids', async () => {
    expect((await load('unknown-channel')).lines).toEqual([
      `${scenario('unknown-channel')}:7:25: "caht" is not a declared channel of toy — did you mean "chat"?\n  hint: declared channels of toy: web, sms, chat`,
    ]);
  });

  it('an unknown fact in an included vocabulary file is placed in that file, saying where it was included', async () => {
    const { lines } = await load('uses-bad-include');
    expect(lines).toContain(
      `${inTd('vocabularies/bad-fact.yaml')}:7:23: "singed-in" is not a declared fact of bad-include — did you mean "signed-in"?\n  hint: declared facts of bad-include: signed-in, peeked; included from ${inTd('merchants/bad-include.yaml')}:4:20`,
    );
    expect(lines).toContain(
      `${scenario('uses-bad-include')}:3:11: the merchant profile "bad-include" has 1 error (in its file or the files it includes or extends)`,
    );
  });

  it('a silo between a system and a channel says that the id is a channel', async () => {
    expect((await load('silo-mixup')).lines).toEqual([
      `${scenario('silo-mixup')}:9:68: "chat" is not a declared system of toy ("chat" is a declared channel, not a system)\n  hint: declared systems of toy: accounts, billing`,
    ]);
  });

  it('a business duration where no calendar applies, and a range with its ends reversed', async () => {
    const { lines } = await load('uses-no-calendar');
    expect(lines).toContain(
      `${inTd('merchants/no-calendar.yaml')}:14:12: "2 business days" counts in a calendar, and none applies here\n  hint: write { length: 2 business days, calendar: <id> }, or give the element (or its channel or party) a calendar`,
    );
    expect(lines).toContain(
      `${inTd('merchants/no-calendar.yaml')}:20:22: the range "5-3 business days" has its ends reversed: write 3-5 business days`,
    );
  });

  it('an inline calendar that cannot be built, and a holidays-only calendar as a channel’s hours', async () => {
    const { lines } = await load('uses-bad-calendars');
    expect(lines).toEqual([
      `${inTd('merchants/bad-calendars.yaml')}:5:11: the calendar "shop-hours" cannot be built: unknown calendar "no-such-holidays" in the calendars of bad-calendars; known calendars: holidays, office, shop-hours`,
      `${inTd('merchants/bad-calendars.yaml')}:7:63: the calendar "holidays" cannot be used here: calendar "holidays" has no opening hours (no "hours" in it); a holidays-only calendar is meant to be extended by one that has hours`,
      `${scenario('uses-bad-calendars')}:3:11: the merchant profile "bad-calendars" has 2 errors (in its file or the files it includes or extends)`,
    ]);
  });

  it('the same id declared in a profile and in a file it includes names both places', async () => {
    expect((await load('uses-dup')).lines).toContain(
      `${inTd('merchants/dup.yaml')}:9:11: the fact "signed-in" is declared twice: here and at ${inTd('vocabularies/sign-in.yaml')}:6:11\n  hint: ids are shared by a profile and everything it includes; rename one or remove it`,
    );
  });

  it('an include cycle', async () => {
    expect((await load('uses-cycle')).lines).toContain(
      `${inTd('vocabularies/cycle-b.yaml')}:2:11: include cycle: cycle → cycle-a → cycle-b → cycle-a\n  hint: included from ${inTd('vocabularies/cycle-a.yaml')}:2:11`,
    );
  });

  it('an extends cycle', async () => {
    expect((await load('uses-ext-cycle')).lines).toContain(
      `${inTd('merchants/ext-b.yaml')}:4:10: extends cycle: ext-a → ext-b → ext-a\n  hint: extended by ${inTd('merchants/ext-a.yaml')}:4:10`,
    );
  });

  it('a persona trait that is not declared, one of the wrong type, and a persona no entry covers', async () => {
    expect((await load('unknown-trait')).lines).toEqual([
      `${scenario('unknown-trait')}:5:27: "patiant" is not a declared trait of toy — did you mean "patient"?\n  hint: declared traits of toy: patient`,
      `${scenario('unknown-trait')}:6:35: the trait "patient" is a boolean: its value must be true or false, not 3`,
      `${scenario('unknown-trait')}:11:1: no expected outcome for the fault combination "none × odd"\n  hint: add "- otherwise: true" with an outcome as the last entry, or an entry for that combination (and persona)`,
    ]);
  });

  it('a finding no oracle reports, and a fault label the scenario does not have', async () => {
    expect((await load('unknown-finding')).lines).toEqual([
      `${scenario('unknown-finding')}:11:43: unknown finding "stale-adress" — did you mean "stale-address"?\n  hint: the oracles (deadend oracles): broken-promise, duplicate-charge, inconsistent-reasons, lost-in-transit, no-feedback-channel, overcharge, ping-pong, silent-failure, stale-address, unverified-secret, zombie-notice`,
      `${scenario('unknown-finding')}:12:18: "slio" is not a fault of this scenario — did you mean "silo"?\n  hint: the fault labels of this scenario: silo`,
    ]);
  });

  it('open steps over a seed profile say that the profile declares no vocabulary', async () => {
    expect((await load('open-steps-on-seed')).lines).toEqual([
      `${scenario('open-steps-on-seed')}:3:11: "seed-shop" is a seed merchant profile (it declares no vocabulary): do, await and contact steps need an open profile\n  hint: declare the channels, facts and actions in the profile (or include a vocabulary file), or use the seed step kinds`,
    ]);
  });

  it('deadend validate prints them as file:line:col and exits 2; warnings alone exit 0', async () => {
    const lines: string[] = [];
    const out = (l: string) => lines.push(l);
    expect(await validateCommand([scenario('unknown-channel')], { ...env, out })).toBe(2);
    expect(lines).toEqual([
      `${scenario('unknown-channel')}:7:25: "caht" is not a declared channel of toy — did you mean "chat"?`,
      '  hint: declared channels of toy: web, sms, chat',
      '1 error in 1 of 3 files',
    ]);
    lines.length = 0;
    expect(await validateCommand([scenario('override')], { ...env, out })).toBe(0);
    expect(lines.at(-1)).toBe('1 scenario valid (1 warning)');
  });
});
