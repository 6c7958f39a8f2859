// The demo province that `npm start` seeds and the development sign-in lists: data only, no service code,
// so that scripts/start.ts and the gateway use it without importing a service (intake checks it against its
// rules in services/intake/test/demo-province.test.ts).
export * from './demo-province';
