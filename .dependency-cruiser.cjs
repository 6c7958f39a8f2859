// The layering rule (`npm run lint:layers`, part of `npm run lint` and so of `npm test`). From the bottom up:
//
//   packages/*           calendar, events, service-kit, blob-store, demo-province, test-support (the leaf of the
//                        test helpers: a scratch database, waiting, the contract's operations)
//   services/*           intake, processing, delivery, statistics: each on the packages only, never on another
//                        service (they meet through events and federation, docs/DESIGN.md rule 1)
//   gateway              on the packages
//   packages/test-kit    the whole-platform harness: starts every service and the gateway
//   scripts/, test/      the tools and the platform tests, on anything
//
// and everyone uses a workspace through its entry point (`@onestop/<x>`), never `@onestop/<x>/src/...`.
// Each npm package a workspace imports is declared in its own package.json (the root's pins the versions).
const TEST_FILE = '(^|/)test/|\\.test\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-service-to-service',
      comment: 'A service imports no other service: they share data through events and federation only.',
      severity: 'error',
      from: { path: '^services/([^/]+)/' },
      to: { path: '^services/', pathNot: '^services/$1/' },
    },
    {
      name: 'no-package-to-service',
      comment:
        'A package (packages/*) is below every service and the gateway; only test-kit, the whole-platform harness, may start them.',
      severity: 'error',
      from: { path: '^packages/', pathNot: '^packages/test-kit/' },
      to: { path: '^(services|gateway)/' },
    },
    {
      name: 'no-service-to-gateway',
      comment: 'The gateway calls the services over HTTP; a service never imports it.',
      severity: 'error',
      from: { path: '^services/' },
      to: { path: '^gateway/' },
    },
    {
      name: 'no-package-to-test-kit',
      comment:
        'test-kit imports every service and the gateway, so lower packages must not import it (use @onestop/test-support).',
      severity: 'error',
      from: { path: '^packages/', pathNot: '^packages/test-kit/' },
      to: { path: '^packages/test-kit/' },
    },
    {
      name: 'no-test-helpers-in-production',
      comment: 'Code that runs in production (not a test file) does not import the test helpers.',
      severity: 'error',
      from: { path: '^(packages|services|gateway)/', pathNot: [TEST_FILE, '^packages/test-(kit|support)/'] },
      to: { path: '^packages/test-(kit|support)/' },
    },
    {
      name: 'no-deep-import',
      comment:
        "Use a workspace's entry point (@onestop/<x>), not @onestop/<x>/src/...: export what is needed from its src/index.ts.",
      severity: 'error',
      from: {},
      // (a workspace's import of another resolves as aliased-workspace from the root and as npm or
      // undetermined from inside a workspace; relative imports in scripts/ and test/ are 'local')
      to: {
        dependencyTypes: ['aliased-workspace', 'npm', 'undetermined'],
        path: '^(packages/[^/]+|services/[^/]+|gateway)/src/',
        pathNot: ['^(packages|services)/[^/]+/src/index\\.ts$', '^gateway/src/index\\.ts$'],
      },
    },
    {
      name: 'no-undeclared-dependency',
      comment:
        "Every npm package a workspace imports is in that workspace's package.json (the root's pins the versions).",
      severity: 'error',
      from: {},
      // (npm packages only: dependency-cruiser classifies a workspace imported from another workspace as
      // 'undetermined' whether declared or not, so the @onestop/* entries are kept by hand)
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^portal/src/gql/|^portal/(dist|test-results|playwright-report)/|^\\.data/|^bench-results/' },
    // `import type` counts too: a type from another service is still a dependency on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    moduleSystems: ['cjs', 'es6'],
    combinedDependencies: false,
  },
};
