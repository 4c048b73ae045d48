/**
 * The `deadend` program: every command with its options and help text. The commands' work is in
 * commands/ (and analyze.ts); the engine, loader and reporters are imported lazily inside them, so
 * `--help`, `faults` and usage errors answer fast and never depend on the engine loading.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Command, Option } from 'commander';
import { SCHEMA_VERSION } from '../core/contract.ts';
import { packageRoot } from '../core/modulePath.ts';
import { oracleCatalogue } from '../oracles/catalogue.ts';
import { oracleCatalogueMarkdown, oracleCatalogueText, withPluginOracles } from '../oracles/docs.ts';
import { BASELINE_FILE } from '../report/baseline.ts';
import { faultCatalogue } from '../services/index.ts';
import { vocabularyFaults } from '../vocabulary/faults/index.ts';
import { monteCarloAfterRun, monteCarloOptions, registerAnalyze } from './commands/analyze.ts';
import { docsCommand } from './commands/docs.ts';
import { faultCatalogueMarkdown, faultCatalogueText } from './commands/faultDocs.ts';
import { initCommand } from './commands/initProject.ts';
import { type MergeOptions, mergeCommand } from './commands/merge.ts';
import { newScenarioCommand } from './commands/newScenario.ts';
import { EXIT, type IO } from './io.ts';
import {
  configured,
  parseFixesTop,
  parsePortOption,
  parseSeed,
  parseShardOption,
  parseWorkers,
} from './options.ts';
import { withPluginFaults } from './pluginFaults.ts';
import { type RunOptions, runCommand, TARGETS } from './run.ts';

const ROOT = packageRoot();
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const EXIT_CODES_HELP = `
Exit codes:
  0  every run met its expectation
  1  some run did not (a new dead end, a missing finding, …): see the missed expectations
  2  bad input or usage (unknown option, bad value, invalid scenario file): nothing is run
  3  deadend itself failed (a bug: the stack trace is printed)
  130, 143  interrupted (Ctrl-C, SIGTERM): the finished runs are reported, marked partial`;

export function buildProgram(io: IO, setExit: (code: number) => void): Command {
  const program = new Command('deadend')
    .description(
      'Failure-mode test harness for customer journeys: replays scripted journeys against a sandbox of ' +
        'mail, payment, licensing and support, injects failures, searches the recovery paths a customer ' +
        'could take, and reports the journeys that dead-end.',
    )
    .version(VERSION, '-V, --version', 'print the deadend version')
    .helpOption('-h, --help', 'show help (also: deadend <command> --help)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Every error line starts `deadend:`, whether commander or a command found the problem.
      outputError: (text, write) => write(text.replace(/^error: /, 'deadend: ')),
    })
    .showHelpAfterError('(add --help for usage)')
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      `
Examples:
  npx deadend run                          run every scenario in scenarios/ (seed 1)
  npx deadend run scenarios/000-converter-lite-christmas-eve.yaml --seed 7
  npx deadend run --target http            the same journeys against the reference shop over HTTP
  npx deadend validate                     check the scenario files without running them
  npx deadend faults                       list the faults a scenario can inject
  npx deadend init                         start a project: example scenarios, fixtures, CI workflow
  npx deadend new scenario my-journey      write scenarios/my-journey.yaml from a template
${EXIT_CODES_HELP}

Docs: README.md, docs/ (scenario guide, docs/faults.md).`,
    );

  program
    .command('run')
    .summary('run the scenarios and report the outcomes')
    .description(
      'Loads and validates the scenarios, runs every journey × fault combination, writes the reports ' +
        'and prints an outcome table, every missed expectation (with why and a replay command) and a ' +
        'one-line summary. Progress goes to stderr, the outcome to stdout.\n\n' +
        'Bad input stops everything: when any scenario file has an error, every error is printed as ' +
        'file:line:col: message and nothing is run (exit 2). Fix the files, or run only the good ones ' +
        'by naming them.',
    )
    .argument('[paths...]', 'scenario files (*.yaml, *.yml, *.scenario.ts) or folders of them', [
      'scenarios/',
    ])
    .addOption(
      new Option('--seed <n>', 'seed of every random choice; the same seed gives byte-identical results.json')
        .argParser(parseSeed)
        .default(1),
    )
    .addOption(
      new Option(
        '--target <target>',
        "where journeys run: sim (the models, in-process), http (the sandbox servers and a real shop over the wire), browser (Chromium as the customer on the shop's pages), container (the shop in a Docker container)",
      )
        .choices(TARGETS)
        .default('sim'),
    )
    .option('--report <dir>', 'folder the reports are written to', 'reports/latest')
    .option(
      '--reporter <list>',
      'comma-separated reporters: json, md, junit, html, github (annotations; on by default under GITHUB_ACTIONS), or a module of your own (./my-reporter.ts, docs/ci.md); json alone on one thread writes results.json as the suite runs, in flat memory',
      'json,md,html',
    )
    .option(
      '--grep <text>',
      'run only the runs whose name contains TEXT (case-sensitive): "scenario-id › fault+fault › #persona", as in the replay commands, or whose scenario title does',
    )
    .option('--grep-invert <text>', 'leave out the runs whose name (or scenario title) contains TEXT')
    .option(
      '--last-failed',
      'run only the runs that missed their expectation in the last results (--report DIR/results.json)',
    )
    .option('--list', 'print the runs that would run (after --grep, --shard, …) and run nothing')
    .option(
      '--config <file>',
      'config file (default: deadend.config.ts, .mjs or .js in this folder when there is one); flags override it',
    )
    .addOption(
      new Option(
        '--shard <i/n>',
        'run only shard i of n (1-based, stable split of the runs); combine with merge-reports',
      ).argParser(parseShardOption),
    )
    .addOption(
      new Option(
        '--workers <n>',
        'worker threads that share the runs; 1 runs in-process. Default: one per core, but at most one per 200 runs (a small suite runs in-process); http: 1, browser: one per core, container: always 1. The results are the same bytes whatever N is',
      ).argParser(parseWorkers),
    )
    .addOption(
      new Option(
        '--fixes <n>',
        'keep only the n best what-if fixes, each still with every dead end it rescues; the what-if stops searching a change once it cannot make the n best (faster). Default: every fix. Not with --shard (a shard’s best are not the suite’s)',
      ).argParser(parseFixesTop),
    )
    .option(
      '--baseline <file>',
      `baseline of accepted dead ends (default: ${BASELINE_FILE} when it exists): a dead end it lists passes as accepted`,
    )
    .option(
      '--update-baseline',
      'write the baseline: accept every dead end of this run that was not expected, drop the ones that disappeared (entries of runs not selected by --grep/--shard are kept)',
    )
    .option('--merchants <dir>', 'folder of merchant profiles (ID.yaml)', 'fixtures/merchants')
    .option('--calendars <dir>', 'folder of holiday calendars', 'fixtures/calendars')
    .option(
      '--shop-url <url>',
      'http and browser targets: the base URL of your shop (default: the reference shop, started for the run)',
    )
    .option(
      '--adapter <file>',
      'http, browser and container targets: a module whose default export maps customer actions to your shop (docs/http-target.md)',
    )
    .option(
      '--image <name>',
      'container target: your merchant image, started with the sandbox in its environment (default: the reference shop, built locally)',
    )
    .option('--container-env <key=value...>', 'container target: more environment for the merchant container')
    .option(
      '--health-path <path>',
      'container target: the path that answers 200 once your shop is ready (default /healthz)',
    )
    .addOption(
      new Option(
        '--sandbox-port <port>',
        'real targets: port of the sandbox APIs your shop calls (default: a free port)',
      ).argParser(parsePortOption),
    )
    .addOption(
      new Option(
        '--smtp-port <port>',
        'real targets: port of the sandbox SMTP server (default: a free port)',
      ).argParser(parsePortOption),
    )
    .option(
      '-q, --quiet',
      'no progress and no outcome table: only missed expectations, the baseline and the summary',
    )
    .addHelpText(
      'after',
      `
Writes to --report DIR, one file per reporter: results.json (json: the contract, schemaVersion
${SCHEMA_VERSION}), summary.md (md), junit.xml (junit), report.html (html). See reports/README.md.

Every run prints its replay command; rerun one alone with it, e.g.
  npx deadend run scenarios/000-converter-lite-christmas-eve.yaml --seed 1 \\
    --grep 'converter-lite-christmas-eve › key-quarantined › #0'

Baseline: a dead end where none was expected fails the run, unless ${BASELINE_FILE} (or
--baseline FILE) lists its scenario and faults; then it passes as an accepted dead end. The output
lists new, accepted and disappeared dead ends. Accept the current ones with --update-baseline.

Sharding in CI: run each part with --shard 1/3, 2/3, 3/3 --report reports/shard-N, then
  npx deadend merge-reports reports/shard-1 reports/shard-2 reports/shard-3 --report reports/all
(docs/ci.md has a GitHub Actions matrix.)
${EXIT_CODES_HELP}`,
    )
    .action(async (paths: string[], opts: RunOptions, command: Command) => {
      const { config, paths: chosen, apply, plugins } = await configured(paths, opts, command);
      const reporterFromCli = command.getOptionValueSource('reporter') === 'cli';
      const chosenOpts: RunOptions = {
        ...apply(opts),
        ...(plugins ? { plugins } : {}),
        reporterFromCli,
        ...(config.reporters ? { reporterEntries: config.reporters } : {}),
      };
      const code = await runCommand(chosen, chosenOpts, io);
      // The Monte Carlo (--monte-carlo N, or scenarios in monte-carlo mode) goes beside the run.
      const mc =
        code !== EXIT.usage && chosenOpts.monteCarloWanted
          ? await monteCarloAfterRun(chosen, chosenOpts, io)
          : EXIT.ok;
      setExit(mc === EXIT.ok ? code : mc);
    });
  for (const o of monteCarloOptions()) program.commands.find((c) => c.name() === 'run')!.addOption(o);
  registerAnalyze(program, io, setExit);

  program
    .command('validate')
    .summary('check scenario files without running them')
    .description(
      'Checks scenario files against the format, the fault catalogue and the merchant profiles, and ' +
        'prints every problem as file:line:col: message. Exit 0 when all are valid, 2 otherwise.',
    )
    .argument('[paths...]', 'scenario files or folders', ['scenarios/'])
    .option('--merchants <dir>', 'folder of merchant profiles (ID.yaml)', 'fixtures/merchants')
    .option('--calendars <dir>', 'folder of calendars the support channels name', 'fixtures/calendars')
    .option('--config <file>', 'config file (default: deadend.config.ts, .mjs or .js in this folder)')
    .action(
      async (
        given: string[],
        flags: { merchants: string; calendars: string; config?: string },
        command: Command,
      ) => {
        const { paths, apply, plugins } = await configured(given, flags, command);
        const opts = apply(flags);
        const { validateCommand } = await import('./commands/validate.ts');
        setExit(
          await validateCommand(paths, {
            merchantsDir: opts.merchants,
            calendarsDir: opts.calendars,
            ...(plugins ? { plugins } : {}),
            out: (line) => io.stdout.write(`${line}\n`),
          }),
        );
      },
    );

  program
    .command('sandbox')
    .summary(
      'serve the sandbox on loopback: Stripe-compatible payment, SMTP + mailbox, licensing, support, control',
    )
    .description(
      'Serves the sandbox models over one session (one world, virtual clock, trace, the fault catalogue) on 127.0.0.1 until Ctrl-C, printing every service and its port. See docs/sandbox.md.',
    )
    .option('--scenario <file>', "serve a scenario's merchant, customer, start time and fault space")
    .option('--faults <labels>', "comma-separated labels of the scenario's faults active from the start")
    .addOption(new Option('--seed <n>', 'seed of every random choice').argParser(parseSeed).default(1))
    .option(
      '--base-port <n>',
      'ports from N up: payment, mailbox, licensing, support, control, smtp (0: free ports)',
    )
    .option('--port <name=port...>', "one service's port, e.g. --port payment=4242 --port smtp=2525")
    .option(
      '--shop [port]',
      'also start the reference shop against the sandbox (default port 8080), to use by hand in a browser',
    )
    .action(async (opts) => {
      const { sandboxCommand } = await import('../targets/sandbox/command.ts');
      setExit(await sandboxCommand(opts, io));
    });

  program
    .command('faults')
    .summary('list the fault catalogue')
    .description('Lists every fault a scenario can inject: id, summary, parameters and their defaults.')
    .option('--markdown', 'print the catalogue as Markdown (the content of docs/faults.md)')
    .option(
      '--config <file>',
      'config file whose plugin faults are listed too (default: deadend.config.ts here)',
    )
    .action(async (opts: { markdown?: boolean; config?: string }, command: Command) => {
      // The config's plugin faults (docs/plugins.md) follow the built-in catalogue.
      const { plugins } = await configured([], opts, command);
      const catalogue = withPluginFaults(faultCatalogue, plugins);
      // The faults of open-vocabulary merchants have a section of their own (ids shared with seeds).
      io.stdout.write(
        opts.markdown
          ? faultCatalogueMarkdown(catalogue, vocabularyFaults)
          : faultCatalogueText(catalogue, vocabularyFaults),
      );
      setExit(EXIT.ok);
    });

  program
    .command('oracles')
    .summary('list the findings oracles')
    .description(
      'Lists every oracle that looks for failures that are not dead ends (silent failures, ping-pong, zombie notices, …): id, severity and what it checks.',
    )
    .option('--markdown', 'print the catalogue as Markdown (the content of docs/oracles.md)')
    .option(
      '--config <file>',
      'config file whose plugin oracles are listed too (default: deadend.config.ts here)',
    )
    .action(async (opts: { markdown?: boolean; config?: string }, command: Command) => {
      // The config's plugin oracles (docs/plugins.md) join the catalogue, in id order.
      const { plugins } = await configured([], opts, command);
      const vocabulary = withPluginOracles(plugins);
      io.stdout.write(
        opts.markdown
          ? oracleCatalogueMarkdown(oracleCatalogue, vocabulary)
          : oracleCatalogueText(oracleCatalogue, vocabulary),
      );
      setExit(EXIT.ok);
    });

  program
    .command('merge-reports')
    .summary('merge the results of shards into one report')
    .description(
      'Reads DIR/results.json of each shard (or a results.json path), checks that they are all the ' +
        'shards of one run (same seed, target, --grep and version; every shard i/n present once), ' +
        'merges them into the results of one unsharded run and writes the reports. ' +
        'Exit codes as for run: 0 all passed, 1 some runs missed their expectation, 2 bad input.',
    )
    .argument('<dirs...>', 'report folders (or results.json files) of the shards')
    .option('--report <dir>', 'folder the merged reports are written to', 'reports/merged')
    .option('--reporter <list>', 'comma-separated reporters: json, md, junit, html', 'json,md,html')
    .option(
      '--baseline <file>',
      `baseline of accepted dead ends, applied to the merged runs (default: ${BASELINE_FILE} when it exists; without one, the shards' acceptance stands)`,
    )
    .option('-q, --quiet', 'no outcome table: only missed expectations and the summary')
    .action(async (dirs: string[], opts: MergeOptions) => setExit(await mergeCommand(dirs, opts, io)));

  program
    .command('init')
    .summary('start a deadend project: scenarios, fixtures and a CI workflow')
    .description(
      'Writes a starter project into DIR (default: the current folder): a merchant profile ' +
        '(fixtures/merchants/), a support calendar (fixtures/calendars/), a scenario that dead-ends, ' +
        'a second scenario with the fix that rescues it (scenarios/), deadend.config.ts, and a GitHub ' +
        'Actions workflow (.github/workflows/deadend.yml); adds reports/ to .gitignore. Never ' +
        'overwrites: when any of these files exists, nothing is written (exit 2).',
    )
    .argument('[dir]', 'project folder', '.')
    .action(async (dir: string) => setExit(await initCommand(dir, io)));

  const create = program
    .command('new')
    .summary('create a file from a template (deadend new scenario NAME)')
    .description('Creates a file from a commented template. Never overwrites an existing file.');
  create
    .command('scenario')
    .summary('write scenarios/NAME.yaml from a commented template')
    .description(
      'Writes scenarios/NAME.yaml: a commented scenario for one of your merchant profiles (its first ' +
        'product, steps that fit the product, two faults, expectations to adjust) that ' +
        '`deadend validate` accepts. Exit 2 when the file exists.',
    )
    .argument('<name>', 'scenario id and file name: lower-case letters, digits and dashes')
    .option('--merchant <id>', 'merchant profile the journey is with (default: the first in --merchants)')
    .option('--merchants <dir>', 'folder of merchant profiles (ID.yaml)', 'fixtures/merchants')
    .option('--dir <dir>', 'folder the scenario is written to', 'scenarios')
    .action(async (name: string, opts: { merchant?: string; merchants: string; dir: string }) =>
      setExit(await newScenarioCommand(name, opts, io)),
    );

  program
    .command('docs')
    .summary('regenerate the generated docs (docs/faults.md)')
    .description(
      'Regenerates the documentation generated from the code: docs/faults.md from the fault catalogue.',
    )
    .option('--out <dir>', 'docs folder', relative(process.cwd(), join(ROOT, 'docs')) || 'docs')
    .option('--check', 'write nothing; exit 1 when a generated page is out of date')
    .action((opts: { out: string; check?: boolean }) => setExit(docsCommand(opts, io)));

  return program;
}
