/**
 * Two test files run at once, each with a whole platform in its process (four services, their
 * queue pools and relay listeners), sometimes beside the chaos test's own processes, all on one
 * PostgreSQL whose max_connections is 100 by default: smaller pools keep the suite under it.
 */
process.env.DATABASE_POOL_SIZE ??= '4';
process.env.QUEUE_POOL_SIZE ??= '3';
