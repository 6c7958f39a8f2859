/** Prints a fresh gateway identity key pair as .env lines (IDENTITY_PRIVATE_JWK for the gateway only). */
import { generateIdentityKeys } from '@onestop/service-kit';

generateIdentityKeys()
  .then(({ privateJwk, publicJwk }) => {
    console.log(`IDENTITY_PRIVATE_JWK='${privateJwk}'`);
    console.log(`IDENTITY_PUBLIC_JWK='${publicJwk}'`);
  })
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
