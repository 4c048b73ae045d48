import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMerchantFile, loadScenarioFile, loadScenarios } from './load.ts';
import { formatSourceError, type SourceError } from './source.ts';
import { standInFaults } from './testdata/standInFaults.ts';

const TD = path.relative(process.cwd(), path.join(import.meta.dirname, 'testdata'));
const MERCHANTS = path.join(TD, 'merchants');
const CALENDARS = path.join(TD, 'calendars');
const env = { merchantsDir: MERCHANTS, calendarsDir: CALENDARS, faults: standInFaults };
const invalid = (name: string) => path.join(TD, 'invalid', name);

/** [file:line:col, what the message must say] — in the order the loader sorts them. */
type Expected = [at: string, message: RegExp, hint?: RegExp];

const CASES: Record<string, Expected[]> = {
  'syntax.yaml': [['5:1', /Flow sequence .* end with a \]/, /indentation/]],
  'duplicate-key.yaml': [['5:1', /^duplicate key "title" \(first set on line 3\)$/]],
  'js-function.yaml': [['3:8', /^the tag !!js\/function is not allowed/]],
  'custom-tag.yaml': [['4:11', /^the tag !foo is not allowed/]],
  'alias-bomb.yaml': [['3:8', /aliases \(\*name\) .* too much data/]],
  'unknown-key.yaml': [
    ['3:1', /^unknown key "titel" at the top level — did you mean "title"\?$/, /id, title, story/],
  ],
  'unknown-step.yaml': [
    [
      '11:5',
      /^unknown step "ordr" — did you mean "order"\? Steps: order, await-mail, await-delivery, install, activate, log-in, await-statement, contact-support, cancel-subscription, wait$/,
    ],
    ['12:5', /^step "log-in" needs a map after it: write "log-in: \{\}"/],
  ],
  'step-params.yaml': [
    ['13:17', /^"shipping": "fast" is not allowed$/, /^use one of: standard, rush$/],
    [
      '14:7',
      /^unknown key "chanel" in steps\[0\]\.order — did you mean "channel"\?$/,
      /product, channel, shipping, quantity/,
    ],
  ],
  'bad-enum.yaml': [
    [
      '14:14',
      /^"outcome": "recoverd" is not allowed — did you mean "recovered"\?$/,
      /ok, recovered, recovered-with-help, dead-end/,
    ],
  ],
  'missing-key.yaml': [['7:3', /^missing "deadline" in goal$/, /date-time/]],
  'wrong-type.yaml': [
    ['3:8', /^"title" must be text, not the number 42$/],
    ['5:11', /^"personas" must be a number, not text "many"$/],
  ],
  'merchant-missing.yaml': [
    [
      '4:11',
      /^no merchant profile "tiyn" — looked for .*merchants[/\\]tiyn\.yaml; known: broken, tiny — did you mean "tiny"\?$/,
    ],
  ],
  'merchant-invalid.yaml': [['4:11', /^the merchant profile "broken" has 2 errors \(in .*broken\.yaml\)$/]],
  'bad-override.yaml': [
    ['7:24', /^"onPaymentMismatch": "shrug" is not allowed$/, /ask-customer, cancel-and-notify/],
  ],
  'unknown-fault.yaml': [
    [
      '13:12',
      /^unknown fault "mail.spam" — did you mean "mail.spam-foldered"\?$/,
      /mail.spam-foldered, payment.declined, support.closed/,
    ],
  ],
  'everything-at-once.yaml': [
    ['5:11', /^no merchant profile "tinny" .* did you mean "tiny"\?$/],
    ['9:5', /^unknown step "ordr" — did you mean "order"\?/],
    ['11:12', /^unknown fault "mail.quarantine"/],
    ['14:14', /^"outcome": "okay" is not allowed/],
  ],
  'unknown-finding.yaml': [
    [
      '15:16',
      /^unknown finding "silent-failur" — did you mean "silent-failure"\?$/,
      /ping-pong, silent-failure/,
    ],
  ],
  'fault-params.yaml': [
    ['15:13', /^"kind": "licence" is not allowed — did you mean "licence-key"\?$/],
    ['16:7', /^unknown key "color" in faults\[0\]\.params$/, /allowed in faults\[0\]\.params: kind$/],
  ],
  'fault-window.yaml': [
    ['11:48', /^tiny does not sell through the "store" channel$/, /sales channels of tiny: web/],
    ['13:5', /^support.closed needs a window/],
    ['15:26', /^"chat" is not a support channel of tiny$/, /email-desk, phone/],
    ['18:46', /^the window ends \(2025-12-24T12:00\) before it starts \(2026-01-05T09:00\)$/],
  ],
  'duplicate-label.yaml': [
    ['15:12', /^the fault label "mail.spam-foldered" is already used above \(line 13\)$/, /its own "id:"/],
  ],
  'expect-unknown-label.yaml': [
    ['16:14', /^"spma" is not a fault of this scenario — did you mean "spam"\?$/],
    ['18:16', /^"mail.spam-foldered" is not a fault of this scenario$/, /labelled "spam" here/],
  ],
  'expect-selector.yaml': [['20:5', /^say which fault combinations this entry is for$/, /otherwise: true/]],
  'never-applies.yaml': [
    ['22:5', /^this entry never applies: .* taken by an entry above it \(line 20\)$/],
    ['24:5', /^this entry never applies: explore.maxFaults is 1, so no combination of 2 faults is tried$/],
  ],
  'uncovered.yaml': [
    ['17:1', /^no expected outcome for 2 fault combinations: declined, spam\+declined$/, /otherwise: true/],
  ],
  'unknown-product.yaml': [
    [
      '8:11',
      /^"gift-mugs" is not a product of tiny — did you mean "gift-mug"\?$/,
      /converter-lite, gift-mug/,
    ],
    ['11:23', /^"converter-pro" is not a product of tiny — did you mean "converter-lite"\?$/],
  ],
  'unknown-product.scenario.ts': [
    [
      '1:1',
      /^steps\[0\]\.order\.product: "ghost" is not a product of tiny$/,
      /positions inside \.ts scenarios are not tracked/,
    ],
  ],
  'unknown-channel.yaml': [
    [
      '12:33',
      /^"email" is not a support channel of tiny — did you mean "email-desk"\?$/,
      /email-desk, phone/,
    ],
    ['12:70', /^"converter-pro" is not a product of tiny/],
  ],
  'unknown-system.yaml': [
    [
      '14:36',
      /^"phone" is not a system of tiny \("phone" is a support channel; a silo is between systems\)$/,
      /^systems of tiny: web-store$/,
    ],
  ],
  'bad-duration.yaml': [
    ['12:46', /^"1 month" is not a duration/],
    ['13:18', /^"soon" is not a duration/],
  ],
  'bad-instant.yaml': [
    ['5:8', /^"2025-13-01T10:00" is not a date-time/],
    ['9:13', /^"next friday" is not a date-time/],
  ],
  'bad-timezone.yaml': [['6:13', /^"Mars\/Olympus_Mons" is not a time zone/]],
  'deadline-before-start.yaml': [
    ['9:13', /^the deadline 2025-12-20T09:00 must be after the start 2025-12-24T17:30$/],
  ],
};

function check(errors: SourceError[], file: string, expected: Expected[]) {
  const own = errors.filter((e) => e.file === file);
  expect(
    own.map((e) => `${e.line}:${e.col}`),
    own.map(formatSourceError).join('\n'),
  ).toEqual(expected.map((x) => x[0]));
  own.forEach((e, i) => {
    const [, message, hint] = expected[i]!;
    expect(e.message).toMatch(message);
    if (hint) expect(e.hint).toMatch(hint);
  });
}

describe('loadScenarioFile: one malformed file per kind of error', () => {
  it('has a case for every file in testdata/invalid', async () => {
    expect((await readdir(path.join(TD, 'invalid'))).sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.entries(CASES))('%s', async (name, expected) => {
    const file = invalid(name);
    const result = await loadScenarioFile(file, env);
    expect(result.value).toBeUndefined();
    check(result.errors, file, expected);
  });

  it('reports the errors of an invalid merchant profile in its own file too', async () => {
    const { errors } = await loadScenarioFile(invalid('merchant-invalid.yaml'), env);
    check(errors, path.join(MERCHANTS, 'broken.yaml'), [
      ['8:12', /^"price" must be at least 0, not the number -5$/],
      ['9:11', /^"kind": "software" is not allowed$/, /licence, physical, membership, subscription/],
    ]);
  });

  it('reports only the parameters of the step kind that was meant', async () => {
    const { errors } = await loadScenarioFile(invalid('step-params.yaml'), env);
    expect(errors.map((e) => e.message).join('\n')).not.toMatch(/await-mail|wait|log-in|expected object/);
  });

  it('never shows zod messages', async () => {
    const all = await loadScenarios([path.join(TD, 'invalid')], env);
    expect(all.errors.length).toBeGreaterThan(30);
    for (const e of all.errors)
      expect(e.message).not.toMatch(/Invalid input|Invalid option|Unrecognized key/);
  });
});

describe('loadScenarioFile: valid files', () => {
  it('loads the minimal scenario with defaults applied and fault params parsed', async () => {
    const file = path.join(TD, 'valid', 'minimal.yaml');
    const { value, errors } = await loadScenarioFile(file, env);
    expect(errors).toEqual([]);
    expect(value?.file).toBe(file);
    expect(value?.merchant.id).toBe('tiny');
    expect(value?.merchantFile).toBe(path.join(MERCHANTS, 'tiny.yaml'));
    expect(value?.scenario.steps[0]).toEqual({
      order: { product: 'converter-lite', channel: 'web', shipping: 'standard', quantity: 1 },
    });
    expect(value?.scenario.customer.traits.patience).toBe('P14D');
    expect(value?.scenario.faults).toEqual([
      { id: 'spam', fault: 'mail.spam-foldered', params: { kind: 'licence-key' }, probability: 1 },
    ]);
  });

  it('loads it against the real fault catalogue and clock', async () => {
    const { errors } = await loadScenarioFile(path.join(TD, 'valid', 'minimal.yaml'), {
      merchantsDir: MERCHANTS,
      calendarsDir: CALENDARS,
    });
    expect(errors).toEqual([]);
  });

  it('loads a .ts scenario written with defineScenario', async () => {
    const { value, errors } = await loadScenarioFile(path.join(TD, 'valid', 'minimal-ts.scenario.ts'), env);
    expect(errors).toEqual([]);
    expect(value?.scenario.id).toBe('minimal-ts');
    expect(value?.scenario.faults[0]?.params).toEqual({});
  });

  it('applies the merchant overrides without undoing the profile’s other policies', async () => {
    const { value, errors } = await loadScenarioFile(path.join(TD, 'valid', 'overrides.yaml'), env);
    expect(errors).toEqual([]);
    expect(value?.merchant.capabilities.resendConfirmation).toBe(true);
    expect(value?.merchant.policies.rushSurcharge).toBe(15);
    expect(value?.merchant.policies.onPaymentMismatch).toBe('cancel-and-notify');
    expect(value?.scenario.faults[1]?.params).toEqual({ channels: ['phone'], reason: 'holidays' });
  });
});

describe('loadMerchantFile', () => {
  it('loads a valid profile', async () => {
    const { value, errors } = await loadMerchantFile(path.join(MERCHANTS, 'tiny.yaml'), env);
    expect(errors).toEqual([]);
    expect(value?.products.map((p) => p.id)).toEqual(['converter-lite', 'gift-mug']);
  });

  it('reports an invalid one with positions', async () => {
    const file = path.join(MERCHANTS, 'broken.yaml');
    const { value, errors } = await loadMerchantFile(file);
    expect(value).toBeUndefined();
    expect(errors.map(formatSourceError).map((l) => l.split('\n')[0])).toEqual([
      `${file}:8:12: "price" must be at least 0, not the number -5`,
      `${file}:9:11: "kind": "software" is not allowed`,
    ]);
  });
});

describe('loadScenarios and checks across files', () => {
  let dir: string;
  let merchantDir: string;
  const write = (name: string, text: string) => writeFile(path.join(dir, name), text);
  const scenario = (id: string, merchant: string, extra = '') =>
    `id: ${id}\ntitle: t\nmerchant: ${merchant}\nstart: 2025-12-24T17:30\ngoal:\n  description: d\n  needs: [logged-in]\n  deadline: 2026-01-01\nsteps:\n  - log-in: {}\nexpect:\n  - otherwise: true\n    outcome: ok\n${extra}`;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'deadend-load-'));
    merchantDir = await mkdtemp(path.join(tmpdir(), 'deadend-merchants-'));
    await writeFile(
      path.join(merchantDir, 'x.yaml'),
      'id: y\nname: n\ntimezone: UTC\nproducts:\n  - { id: x, name: X, price: 1, kind: licence }\nsupport:\n  - { id: a, kind: email, calendar: c }\n  - { id: a, kind: phone, calendar: c, redirects: { missing-mail: b } }\n',
    );
    await write('one.yaml', scenario('same', 'broken'));
    await write('two.yaml', scenario('same', 'broken'));
    await write('three.yaml', scenario('same', 'tiny'));
    await write('four.yml', scenario('same', 'tiny'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(merchantDir, { recursive: true, force: true });
  });

  it('checks a merchant profile’s ids and references', async () => {
    const file = path.join(merchantDir, 'x.yaml');
    const { errors } = await loadMerchantFile(file, env);
    expect(errors.map((e) => `${e.line}:${e.col} ${e.message}`)).toEqual([
      '1:5 the merchant id "y" does not match the file name: scenarios find this profile as "x"',
      `7:37 unknown calendar "c" — looked in ${CALENDARS}; known: us-business`,
      '8:11 duplicate support channel id "a", already used above (line 7)',
      `8:37 unknown calendar "c" — looked in ${CALENDARS}; known: us-business`,
      '8:67 "b" is not a support channel of y',
    ]);
  });

  it('loads every file, keeps the good ones, reports each merchant error once and duplicate ids', async () => {
    const files = ['one.yaml', 'two.yaml', 'three.yaml', 'four.yml'].map((f) => path.join(dir, f));
    const result = await loadScenarios([dir, path.join(TD, 'valid')], env);
    expect(result.files).toEqual(
      [
        ...files.sort(),
        ...['minimal-ts.scenario.ts', 'minimal.yaml', 'overrides.yaml'].map((f) => path.join(TD, 'valid', f)),
      ].sort(),
    );
    expect(result.scenarios.map((s) => s.scenario.id)).toEqual([
      'same',
      'minimal-ts',
      'minimal',
      'overrides',
    ]);
    const broken = path.join(MERCHANTS, 'broken.yaml');
    expect(result.errors.filter((e) => e.file === broken)).toHaveLength(2);
    expect(result.merchantFiles).toEqual([broken, path.join(MERCHANTS, 'tiny.yaml')]);
    // four.yml and three.yaml both say "same"; the one sorted later is reported.
    const dup = result.errors.find((e) => /already used by/.test(e.message));
    expect(dup && formatSourceError(dup)).toBe(
      `${path.join(dir, 'three.yaml')}:1:5: the scenario id "same" is already used by ${path.join(dir, 'four.yml')}`,
    );
    expect(result.errors.map((e) => e.file)).toEqual([...result.errors.map((e) => e.file)].sort());
  });

  it('reports paths that do not exist and folders without scenarios', async () => {
    const missing = path.join(dir, 'nope.yaml');
    const empty = await mkdtemp(path.join(tmpdir(), 'deadend-empty-'));
    const result = await loadScenarios([missing, empty], env);
    expect(result.errors.map((e) => `${e.file}:${e.line}:${e.col}`)).toEqual(
      [`${missing}:1:1`, `${empty}:1:1`].sort(),
    );
    expect(result.errors.find((e) => e.file === empty)?.message).toMatch(/no scenario files/);
    await rm(empty, { recursive: true });
  });
});
