// One jest run for the whole monorepo. swc transpiles with the decorator settings of .swcrc
// (TypeORM needs legacy decorators and their metadata).
const swc = JSON.parse(require('node:fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/services', '<rootDir>/gateway', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }],
    '^.+\\.js$': [
      '@swc/jest',
      { ...swc, swcrc: false, jsc: { ...swc.jsc, parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } },
    ],
  },
  // openid-client and the test's OpenID provider (with their jose and oauth4webapi) are ES modules
  // only: swc makes them CommonJS for jest, as Node's require(esm) does outside it
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|oidc-provider|jose)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 60_000,
  maxWorkers: 2,
  setupFiles: ['<rootDir>/test/setup.ts'],
};
