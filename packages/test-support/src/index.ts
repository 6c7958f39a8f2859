export { createTestDatabase, deleteRedisPrefix, TEST_POSTGRES_URL, TEST_REDIS_URL } from './test-database';
export { waitFor } from './wait-for';
export { contractOperations, contractOperation, CONTRACT_FILE } from './contract';
export { pdfText, pdfsig, sha256Hex, verifyPdfSignatures, type VerifiedSignature } from './pdf';
