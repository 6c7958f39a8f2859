export { TestPlatform, type PlatformOptions, type QueueBackend, type GraphQLResponse } from './platform';
export { createTestDatabase, TEST_POSTGRES_URL, TEST_REDIS_URL } from './test-database';
export { signToken, type TokenClaims } from './tokens';
export { waitFor } from './wait-for';
export { Fixtures } from './fixtures';
export { contractOperations, contractOperation, CONTRACT_FILE } from './contract';
