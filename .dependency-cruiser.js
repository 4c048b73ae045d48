// Import rules for deadend's folders, checked by `npm run lint` (docs/architecture.md explains them).
//
// There are no exceptions: .dependency-cruiser-known-violations.json (module rules; `npm run lint`
// passes --ignore-known) is `[]` and KNOWN_FOLDER_CYCLES below is `{}`, so any new violation fails
// the lint. Fix a violation at its cause (move the shared code down, go through the services list,
// pass a value in) rather than adding an entry to either.

/** Lowest first. A folder may import its own folder and folders in lower layers only. */
export const LAYERS = [
  ['input'],
  ['clock'],
  ['core'],
  ['services'],
  ['merchant'],
  ['vocabulary'],
  ['customer', 'oracles'],
  ['scenario'],
  ['engine'],
  ['targets', 'report'],
  ['integrations', 'cli'],
];

const TEST_FILES = '\\.(test|e2e|slow)\\.ts$|\\.config\\.ts$';
const TESTS = '\\.(test|e2e|slow)\\.ts$|/testdata/|/fixtures/sample-|\\.config\\.ts$';
const folders = LAYERS.flat();
const alt = (names) => names.join('|');

const layerRules = LAYERS.flatMap((layer, i) =>
  layer.map((folder) => {
    const notBelow = LAYERS.slice(i)
      .flat()
      .filter((f) => f !== folder);
    return {
      name: `layer-${folder}`,
      comment: `harness/${folder} may import only folders below it (${
        alt(LAYERS.slice(0, i).flat()) || 'none'
      }); move the shared code down or pass it in`,
      severity: 'error',
      from: { path: `^harness/${folder}/`, pathNot: TESTS },
      to: { path: `^harness/(${alt(notBelow)})(/|\\.ts$)|^harness/index\\.ts$` },
    };
  }),
);

/**
 * Folder edges on a cycle that the rules tolerate (dependency-cruiser cannot baseline folder-level
 * violations): none. Keep it empty.
 */
export const KNOWN_FOLDER_CYCLES = {};

const exactly = (folders) => `^(${alt(folders)})$`;
const cycleRule = (from, exempt) => ({
  name: 'no-folder-cycles',
  comment: 'Folders form a hierarchy: break the cycle by moving the shared part down a layer',
  severity: 'error',
  scope: 'folder',
  from,
  to: exempt.length ? { circular: true, pathNot: exactly(exempt) } : { circular: true },
});
const known = Object.keys(KNOWN_FOLDER_CYCLES);
const folderCycleRules = [
  cycleRule(
    known.length
      ? { path: '^(harness|fixtures)/', pathNot: exactly(known) }
      : { path: '^(harness|fixtures)/' },
    [],
  ),
  ...Object.entries(KNOWN_FOLDER_CYCLES).map(([from, to]) => cycleRule({ path: exactly([from]) }, to)),
];

export default {
  forbidden: [
    ...folderCycleRules,
    ...layerRules,
    {
      name: 'services-list-is-the-door',
      comment:
        'Outside harness/services only the services list (harness/services/index.ts) imports a service folder',
      severity: 'error',
      from: { path: '^(harness|fixtures|bench|bin)/', pathNot: `^harness/services/|${TESTS}` },
      to: { path: '^harness/services/[^/]+/' },
    },
    {
      name: 'services-are-independent',
      comment: 'A service does not import another service; what two services share belongs in harness/core',
      severity: 'error',
      from: { path: '^harness/services/([^/]+)/', pathNot: TESTS },
      to: { path: '^harness/services/[^/]+/', pathNot: '^harness/services/$1/' },
    },
    {
      name: 'reporters-read-only-the-contract',
      comment:
        'A reporter reads results.json (harness/core/contract.ts, its canonical order in core/merge.ts) and nothing else',
      severity: 'error',
      from: { path: '^harness/report/', pathNot: TESTS },
      to: { path: '^harness/', pathNot: '^harness/(report/|clock/|core/(contract|merge)\\.ts$)' },
    },
    {
      name: 'shop-uses-the-policy-module',
      comment:
        'The reference shop is a second implementation of the merchant flow: it shares rules and wording through harness/merchant/policy only',
      severity: 'error',
      from: { path: '^fixtures/shop/', pathNot: TESTS },
      to: {
        path: '^harness/(merchant|customer|oracles|scenario|engine|targets|report|integrations|cli)/',
        pathNot: '^harness/merchant/policy(/|\\.ts$)',
      },
    },
    {
      name: 'harness-does-not-import-the-shop',
      comment: 'The engine runs any merchant; only a target that serves the reference shop may start it',
      severity: 'error',
      from: { path: '^harness/', pathNot: `^harness/targets/|${TESTS}` },
      to: { path: '^fixtures/shop/' },
    },
    {
      name: 'unknown-folder',
      comment: 'Every folder under harness/ has a place in LAYERS (.dependency-cruiser.js): add it there',
      severity: 'error',
      from: { path: `^harness/(?!(${alt(folders)})/)[^/]+/` },
      to: {},
    },
    {
      name: 'no-importing-tests',
      comment: 'Code does not import tests; share a helper through a testdata/ file instead',
      severity: 'error',
      from: {},
      to: { path: '\\.(test|e2e)\\.ts$' },
    },
    {
      name: 'testdata-is-for-tests',
      comment: 'testdata/ and report/fixtures are test helpers; production code does not import them',
      severity: 'error',
      from: { path: '^(harness|fixtures|bin)/', pathNot: TESTS },
      to: { path: '/testdata/|/fixtures/sample-' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing: a typo, or a file that moved',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Tests may reach across layers (an integration test of the merchant needs a sandbox): their
    // own imports are not followed, so they create no folder cycle, but importing one is still seen.
    doNotFollow: { path: `node_modules|${TEST_FILES}` },
    exclude: { path: '(^|/)node_modules/|^reports/' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
