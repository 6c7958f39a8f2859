import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { DocumentSigner, identityFromP12 } from './signing';

/**
 * The centre's signing key and certificate, read once when a service starts:
 * `SIGNING_P12_PATH` (a PKCS#12 file, .p12/.pfx, with the key and its certificate chain) and
 * `SIGNING_P12_PASSPHRASE`. Unset outside production, a development certificate (self-signed,
 * RSA 2048) is generated at the first start under `DATA_DIR/signing/development/` and used by
 * every service of that data dir; production refuses to start without one.
 */
export function documentSignerFromEnv(
  env: NodeJS.ProcessEnv,
  dataDir: string,
  warn: (message: string) => void = () => undefined,
): DocumentSigner {
  const path = env.SIGNING_P12_PATH?.trim();
  if (path) {
    let p12: Buffer;
    try {
      p12 = readFileSync(path);
    } catch (err) {
      throw new Error(
        `SIGNING_P12_PATH cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): ${path}`,
      );
    }
    try {
      return new DocumentSigner(identityFromP12(p12, env.SIGNING_P12_PASSPHRASE ?? ''), 'configured');
    } catch (err) {
      throw new Error(
        `SIGNING_P12_PATH is not a PKCS#12 file this passphrase (SIGNING_P12_PASSPHRASE) opens with an RSA key and its certificate: ${(err as Error).message}`,
      );
    }
  }
  if (env.NODE_ENV === 'production') {
    throw new Error(
      "SIGNING_P12_PATH must be set in production: slips and results are signed with the centre's certificate (a PKCS#12 file; SIGNING_P12_PASSPHRASE opens it).",
    );
  }
  const { p12, passphrase } = developmentCertificate(join(dataDir, 'signing'));
  warn(
    'SIGNING_P12_PATH is unset: documents are signed with the development certificate under DATA_DIR/signing/development (not trusted by any reader)',
  );
  return new DocumentSigner(identityFromP12(p12, passphrase), 'development');
}

/**
 * The development certificate of a data dir, made once. Several services may start at once on
 * the same data dir: each makes a candidate in a folder of its own and renames it into place;
 * a rename that finds the folder there already lost the race, and everyone reads the winner's.
 */
export function developmentCertificate(dir: string): { p12: Buffer; passphrase: string } {
  const final = join(dir, 'development');
  if (!existsSync(join(final, 'centre.p12'))) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const candidate = join(dir, `.candidate-${process.pid}-${randomBytes(4).toString('hex')}`);
    mkdirSync(candidate, { mode: 0o700 });
    const passphrase = randomBytes(18).toString('base64url');
    writeFileSync(join(candidate, 'centre.p12'), makeDevelopmentP12(passphrase), { mode: 0o600 });
    writeFileSync(join(candidate, 'passphrase'), passphrase, { mode: 0o600 });
    try {
      renameSync(candidate, final);
    } catch {
      rmSync(candidate, { recursive: true, force: true });
    }
  }
  return {
    p12: readFileSync(join(final, 'centre.p12')),
    passphrase: readFileSync(join(final, 'passphrase'), 'utf8').trim(),
  };
}

/** A self-signed certificate for document signing (key usage: digital signature, non-repudiation), valid 5 years. */
export function makeDevelopmentP12(passphrase: string, commonName = 'Mot cua - development document signing'): Buffer {
  // the key from Node's crypto (native, milliseconds) rather than forge's JavaScript generator (seconds)
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600_000);
  cert.validity.notAfter = new Date(Date.now() + 5 * 365 * 24 * 3600_000);
  const name = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'Mot cua (development)' },
    { name: 'countryName', value: 'VN' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', critical: true, digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, { algorithm: '3des', friendlyName: commonName });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}
