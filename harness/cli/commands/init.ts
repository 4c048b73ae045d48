/**
 * Authoring help: `deadend init [dir]` (a starter project: a merchant profile, a calendar, a
 * scenario that dead-ends, the fix that rescues it, a GitHub Actions workflow) and
 * `deadend new scenario NAME` (a commented scenario template for one of your merchants).
 * Neither ever overwrites a file.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { packageRoot } from '../../core/modulePath.ts';
import type { MerchantProfile, Product } from '../../merchant/profile.ts';

const ROOT = packageRoot();

/** `# yaml-language-server: $schema=…` for a file in `folder`, pointing at deadend's own schema. */
export function schemaComment(folder: string, schema: 'scenario' | 'merchant'): string {
  const target = join(ROOT, 'schema', `${schema}.schema.json`);
  const path = relative(folder, target).split(sep).join('/');
  return `# yaml-language-server: $schema=${path}`;
}

/** Writes the files (relative to `dir`) unless any of them exists: then writes nothing and throws. */
export function writeNew(dir: string, files: Record<string, string>): string[] {
  const paths = Object.keys(files);
  const existing = paths.filter((p) => existsSync(join(dir, p)));
  if (existing.length > 0) {
    throw new Error(
      `${existing.map((p) => join(dir, p)).join(', ')} already exist${existing.length === 1 ? 's' : ''}: ` +
        `nothing was written (deadend never overwrites a file). Move ${existing.length === 1 ? 'it' : 'them'} away, or choose another folder or name.`,
    );
  }
  for (const p of paths) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), files[p]!);
  }
  return paths;
}

// ---------------------------------------------------------------------------------------------
// deadend init

export const INIT_CALENDAR = `# Opening hours of Example Software's support desk: weekdays 09:00-17:00 in London, closed on
# weekends and on the holidays below. Support channels name a calendar by its id; deadend opens
# and closes them by it (and a support.closed fault closes them on top of it).
id: example-support-hours
name: Example Software support hours
timezone: Europe/London
hours:
  mon: 09:00-17:00
  tue: 09:00-17:00
  wed: 09:00-17:00
  thu: 09:00-17:00
  fri: 09:00-17:00
holidays:
  - { date: 2026-04-03, name: Good Friday }
  - { date: 2026-04-06, name: Easter Monday }
  - { date: 2026-05-04, name: Early May bank holiday }
  - { date: 2026-12-25, name: Christmas Day }
  - { date: 2026-12-28, name: Boxing Day (substitute day) }
`;

export function initMerchant(schema: string): string {
  return `${schema}
# The business under test, as data: what it sells, what customers can do on their own
# (capabilities), its support channels and which of its systems see each other's data.
# Every field is explained in docs/scenario-guide.md ("Merchant profiles").
id: example-shop
name: Example Software
timezone: Europe/London
currency: GBP
products:
  - id: photo-tool
    name: Photo Tool Pro
    price: 79
    kind: licence # delivered as a licence key by e-mail
    fulfilledBy: licence-server
# Self-service: with all of these off, a lost key e-mail can only be fixed by support.
capabilities:
  resendConfirmation: false # a "resend the e-mail" button
  downloadFromOrderPage: false # the order page shows the key and the download
  changeEmailAfterOrder: false
  confirmEmailTwice: false
  feedbackSurvey: true
sales: { web: web-store } # orders on the web are recorded in the web-store system
systems:
  - { id: web-store, sharesWith: [licence-server] }
  - { id: licence-server }
support:
  - id: email
    kind: email
    name: Example Software support (e-mail)
    calendar: example-support-hours # fixtures/calendars/example-support-hours.yaml
    responseTime: 4 business hours
    sees: [web-store, licence-server] # systems the staff can look orders up in
    remedies: [resend-mail, update-email] # what the staff may do
`;
}

const INIT_JOURNEY = `customer:
  name: Sam Lee
  email: sam.lee@example.com
  timezone: Europe/London
  traits:
    checksSpam: true # looks in the spam folder when the mail does not come
    channels: [email] # will only write to support
start: 2026-04-02T18:00 # Thursday evening: support has closed for the Easter weekend
goal:
  description: Photo Tool installed for the Easter Monday workshop
  needs: [installed:photo-tool]
  deadline: 2026-04-06T12:00
steps:
  - order: { product: photo-tool }
  - await-mail: { kind: licence-key, within: PT2H }
  - install: { product: photo-tool }
faults:
  - id: key-in-spam
    fault: mail.spam-foldered
    params: { kind: licence-key }
  - id: key-quarantined
    fault: mail.quarantined
    params: { kind: licence-key }
    times: 1 # only the first key e-mail
`;

export function initScenario(schema: string): string {
  return `${schema}
# A journey that dead-ends: the licence key e-mail is quarantined on the Thursday before Easter.
# Nothing on the web site can replace it, and support is closed until Tuesday, after the
# deadline. \`npx deadend run\` proves it, and says why. The fix: photo-tool-order-page.yaml.
id: photo-tool-before-easter
title: Photo Tool bought on the Thursday before Easter, needed on Easter Monday
merchant: example-shop # fixtures/merchants/example-shop.yaml
${INIT_JOURNEY}# The first entry that matches a fault combination applies.
expect:
  - faults: []
    outcome: ok
  - includes: [key-in-spam] # the customer finds the key in the spam folder
    outcome: recovered
  - faults: [key-quarantined]
    outcome: dead-end # the problem this example shows
`;
}

export function initFixScenario(schema: string): string {
  return `${schema}
# The fix for photo-tool-before-easter.yaml: the same journey, with the key and the download on
# the order page (a capability switched on for this scenario only). The dead end becomes a
# recovery the customer manages alone, over the holiday.
id: photo-tool-order-page
title: Photo Tool before Easter, with the key on the order page
merchant:
  profile: example-shop
  capabilities: { downloadFromOrderPage: true }
${INIT_JOURNEY}expect:
  - faults: []
    outcome: ok
  - otherwise: true
    outcome: recovered # spam folder or order page: no dead end left
`;
}

export const INIT_WORKFLOW = `# Runs the deadend scenarios on every push and pull request. A new dead end (one that is neither
# expected in its scenario nor accepted in deadend-baseline.json) fails the job. Each missed
# expectation is annotated on its scenario file's expect entry (the github reporter, on by
# default under GitHub Actions); the summary appears on the run's page; the reports are
# attached as an artifact. Settings: deadend.config.ts. For a big suite, split it into parallel
# shards: see docs/ci.md in deadend (node_modules/deadend/docs/ci.md).
name: deadend
on:
  push:
  pull_request:
jobs:
  journeys:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v7
      - uses: actions/setup-node@v6
        with:
          node-version: 24
          cache: npm
      - run: npm ci
      - run: npx deadend validate
      - run: npx deadend run
      - name: Job summary
        if: \${{ !cancelled() && hashFiles('reports/deadend/summary.md') != '' }}
        run: cat reports/deadend/summary.md >> "$GITHUB_STEP_SUMMARY"
      - uses: actions/upload-artifact@v7
        if: \${{ !cancelled() }}
        with:
          name: deadend-report
          path: reports/deadend
`;

/** deadend.config.ts of a new project: every setting `deadend run` takes from it, with its value. */
export const INIT_CONFIG = `// deadend's settings for this project; a flag on the command line overrides the same setting.
// Every field: docs/ci.md in deadend (node_modules/deadend/docs/ci.md), "The config file".
import { defineConfig } from 'deadend';

export default defineConfig({
  scenarios: ['scenarios/'],
  merchants: 'fixtures/merchants',
  calendars: 'fixtures/calendars',
  // The folder CI uploads and takes the job summary from (summary.md).
  report: 'reports/deadend',
  // Under GitHub Actions the github reporter (annotations) is added to these.
  reporters: ['json', 'md', 'junit', 'html'],
  seed: 1,
});
`;

export const GITIGNORE_LINE = 'reports/';

/** The files `deadend init` writes, relative to the project folder. */
export function initFiles(dir: string): Record<string, string> {
  const scenarioSchema = schemaComment(join(dir, 'scenarios'), 'scenario');
  return {
    'scenarios/photo-tool-before-easter.yaml': initScenario(scenarioSchema),
    'scenarios/photo-tool-order-page.yaml': initFixScenario(scenarioSchema),
    'fixtures/merchants/example-shop.yaml': initMerchant(
      schemaComment(join(dir, 'fixtures/merchants'), 'merchant'),
    ),
    'fixtures/calendars/example-support-hours.yaml': INIT_CALENDAR,
    '.github/workflows/deadend.yml': INIT_WORKFLOW,
    'deadend.config.ts': INIT_CONFIG,
  };
}

/**
 * Keeps the reports out of git: writes .gitignore, or adds the line to the project's own.
 * Returns what it did, for init's listing; undefined when the line is there already.
 */
export function ignoreReports(dir: string): 'created' | 'updated' | undefined {
  const file = join(dir, '.gitignore');
  if (!existsSync(file)) {
    writeFileSync(file, `# deadend's reports (deadend.config.ts: report)\n${GITIGNORE_LINE}\n`);
    return 'created';
  }
  const text = readFileSync(file, 'utf8');
  if (text.split(/\r?\n/).some((l) => ['reports', 'reports/', '/reports', '/reports/'].includes(l.trim())))
    return undefined;
  appendFileSync(file, `${text.endsWith('\n') || text === '' ? '' : '\n'}${GITIGNORE_LINE}\n`);
  return 'updated';
}

// ---------------------------------------------------------------------------------------------
// deadend new scenario NAME

const SCENARIO_ID = /^[a-z0-9][a-z0-9-]*$/;

export function checkScenarioName(name: string): void {
  if (!SCENARIO_ID.test(name)) {
    throw new Error(
      `"${name}" cannot be a scenario id: use lower-case letters, digits and dashes, e.g. "gift-order-lost".`,
    );
  }
}

/** The merchant profiles in a folder, by id (file name), sorted. */
export function merchantIds(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

interface Journey {
  needs: string;
  goal: string;
  steps: string[];
  faults: string[];
}

/** Steps, goal and a fitting fault for the kind of product the customer buys. */
function journeyFor(profile: MerchantProfile, product: Product): Journey {
  const p = product.id;
  switch (product.kind) {
    case 'licence':
      return {
        needs: `installed:${p}`,
        goal: `${product.name} installed within a week`,
        steps: [
          `  - order: { product: ${p} }`,
          '  - await-mail: { kind: licence-key, within: PT2H } # the key comes by e-mail',
          `  - install: { product: ${p} }`,
        ],
        faults: [
          '  - id: key-quarantined',
          '    fault: mail.quarantined # the key e-mail never reaches the customer',
          '    params: { kind: licence-key }',
          '    times: 1 # only the first one',
        ],
      };
    case 'physical':
      return {
        needs: `delivered:${p}`,
        goal: `${product.name} delivered within a week`,
        steps: [`  - order: { product: ${p} }`, `  - await-delivery: { product: ${p}, within: P7D }`],
        faults: [
          '  - id: lost-by-carrier',
          '    fault: order.lost-in-transit # the parcel never arrives',
          '    params: { hop: carrier }',
        ],
      };
    default: {
      const portal = product.fulfilledBy;
      const sales = Object.values(profile.sales)[0] ?? 'web-store';
      return {
        needs: `active:${p}`,
        goal: `${product.name} active within a week`,
        steps: [`  - order: { product: ${p} }`, `  - activate: { product: ${p} }`],
        faults:
          portal && portal !== sales
            ? [
                '  - id: silo',
                `    fault: systems.silo # the ${portal} cannot see orders from the ${sales}`,
                `    params: { between: [${sales}, ${portal}] }`,
              ]
            : ['  - id: card-declined', '    fault: payment.declined'],
      };
    }
  }
}

/** A commented scenario for `profile` that `deadend validate` accepts. */
export function scenarioTemplate(
  name: string,
  profile: MerchantProfile,
  schema: string,
  file = `scenarios/${name}.yaml`,
): string {
  const product = profile.products[0]!;
  const j = journeyFor(profile, product);
  const channels = [...new Set(profile.support.map((c) => c.kind))];
  const channelLine = channels.length
    ? `    channels: [${channels.join(', ')}] # support channels they will use (${profile.id} has these)`
    : '    # channels: [email, phone] # support channels they will use';
  return `${schema}
# A deadend scenario: one customer journey, the failures to inject, and what you expect.
# Every field is explained in deadend's docs/scenario-guide.md.
# Check it: npx deadend validate ${file}
# Run it: npx deadend run ${file}
id: ${name}
title: ${product.name} from ${profile.name} # one line a process owner understands
# story: where the journey comes from (an incident, a complaint, a ticket)

# The business under test: fixtures/merchants/${profile.id}.yaml. To try a fix, switch a
# capability for this scenario only:
#   merchant: { profile: ${profile.id}, capabilities: { resendConfirmation: true } }
merchant: ${profile.id}

customer:
  name: Alex Example
  email: alex@example.com
  # timezone: ${profile.timezone} # default: the merchant's time zone
  traits:
    checksSpam: true # looks in the spam folder when a mail does not come
    patience: P7D # keeps trying this long after the first problem
${channelLine}
# personas: 20 # that many generated customers per fault combination (default 1)

start: 2026-03-02T10:00 # local time of the customer (a Monday)
goal:
  description: ${j.goal}
  # facts: licence:P, installed:P, delivered:P, active:P, ordered:P, refunded:P,
  # cancelled:P (P a product id), logged-in, statement
  needs: [${j.needs}]
  deadline: 2026-03-09T10:00

# What the customer does. Each step expects something; when it does not happen, deadend
# searches the customer's ways out (spam folder, resend, order page, support, …).
steps:
${j.steps.join('\n')}

# The failures to inject (npx deadend faults, docs/faults.md). Every combination is tried.
faults:
${j.faults.join('\n')}
  - id: support-closed
    fault: support.closed # every support channel closed for a while
    window: { from: 2026-03-02T09:00, until: 2026-03-05T09:00 }
    params: { reason: staff training }
# explore: { maxFaults: 2 } # the largest combination tried (default: all)

# What you expect, per fault combination: the first entry that matches applies.
# Outcomes: ok, recovered (the customer fixed it alone), recovered-with-help (only staff
# could), dead-end. Add findings: [...] to expect oracles too (docs/oracles.md).
expect:
  - faults: []
    outcome: ok
  - otherwise: true
    outcome: recovered-with-help # a guess: run the scenario, then write down what you expect
`;
}
