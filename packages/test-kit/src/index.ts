// The whole-platform harness (it starts every service and the gateway), at the top of the layers.
// The leaf helpers live in @onestop/test-support, which lower packages may use.
export { TestPlatform, type PlatformOptions, type QueueBackend, type GraphQLResponse } from './platform';
export {
  createTestDatabase,
  TEST_POSTGRES_URL,
  TEST_REDIS_URL,
  waitFor,
  contractOperations,
  contractOperation,
  CONTRACT_FILE,
  pdfText,
  pdfsig,
  sha256Hex,
  verifyPdfSignatures,
} from '@onestop/test-support';
export { signToken, type TokenClaims } from '@onestop/service-kit';
export { Fixtures } from './fixtures';
