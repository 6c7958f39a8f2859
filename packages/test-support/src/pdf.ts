import { execFile, execFileSync } from 'node:child_process';
import { createHash, webcrypto } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/**
 * Checks of a served PDF, independent of the code that made it: its text (pdf-parse, on Mozilla's
 * PDF.js), and each signature verified from the bytes (PKIjs): the signed byte ranges' SHA-256 is
 * the CMS's message digest, the signature over the signed attributes verifies with the signer's
 * certificate, and which certificate that is.
 */
export async function pdfText(pdf: Buffer): Promise<string> {
  // In a Node process of its own: PDF.js loads its worker with a dynamic import(), which jest's module system refuses.
  const script = `const { PDFParse } = require('pdf-parse');
    const parser = new PDFParse({ data: new Uint8Array(require('node:fs').readFileSync(0)) });
    parser.getText().then((r) => { process.stdout.write(r.text); return parser.destroy(); }).catch((e) => { console.error(e); process.exit(1); });`;
  const text = await new Promise<string>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', script],
      { cwd: __dirname, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout, stderr) =>
        err ? reject(new Error(`pdf-parse failed: ${stderr || err.message}`)) : resolve(stdout),
    );
    child.stdin!.end(pdf);
  });
  // lines wrapped by the layout read as one: every run of white space is one space
  return text.replace(/\s+/g, ' ');
}

export interface VerifiedSignature {
  subFilter: string;
  /** The signature covers the file to its end (the last signature of a document must). */
  coversWholeFile: boolean;
  /** The byte ranges' SHA-256 equals the CMS's messageDigest attribute. */
  digestMatches: boolean;
  /** The signature over the signed attributes verifies with the signer's public key. */
  signatureVerified: boolean;
  /** SHA-256 (hex) of the signer's certificate, DER. */
  signerCertificateSha256: string;
  /** Whether the CMS binds its certificate with ESS signing-certificate-v2 (PAdES). */
  hasSigningCertificateV2: boolean;
}

const engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto });

export async function verifyPdfSignatures(pdf: Buffer): Promise<VerifiedSignature[]> {
  const text = pdf.toString('latin1');
  const found: VerifiedSignature[] = [];
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const [a, b, c, d] = m.slice(1, 5).map(Number);
    const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
    const hex = pdf
      .subarray(a + b, c)
      .toString('latin1')
      .replace(/[<>\s]/g, '');
    const der = Buffer.from(hex, 'hex');
    const parsed = asn1js.fromBER(new Uint8Array(der));
    if (parsed.offset === -1) throw new Error('The signature is not DER');
    const signedData = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: parsed.result }).content });
    const signer = signedData.signerInfos[0];
    const digestAttr = signer.signedAttrs?.attributes.find((x) => x.type === '1.2.840.113549.1.9.4');
    const messageDigest = Buffer.from((digestAttr?.values[0] as asn1js.OctetString).valueBlock.valueHexView);
    // PKIjs checks the message digest against the data, then the signature over the signed attributes; a mismatch throws
    const result = await signedData
      .verify({ signer: 0, data: new Uint8Array(signed).buffer, checkChain: false, extendedMode: true }, engine)
      .catch(() => ({
        signatureVerified: false,
        signerCertificate: signedData.certificates?.[0] as pkijs.Certificate | undefined,
      }));
    const dict = text.slice(Math.max(0, m.index! - 4000), m.index! + 4000);
    found.push({
      subFilter: /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(dict)?.[1] ?? '',
      coversWholeFile: c + d === pdf.length,
      digestMatches: messageDigest.equals(createHash('sha256').update(signed).digest()),
      signatureVerified: result.signatureVerified === true,
      signerCertificateSha256: createHash('sha256')
        .update(Buffer.from(result.signerCertificate!.toSchema().toBER(false)))
        .digest('hex'),
      hasSigningCertificateV2: !!signer.signedAttrs?.attributes.some((x) => x.type === '1.2.840.113549.1.9.16.2.47'),
    });
  }
  return found;
}

/** Poppler's `pdfsig` on the file, when installed (Debian's poppler-utils): its report, or null without it. */
export function pdfsig(pdf: Buffer): string | null {
  if (!existsSync('/usr/bin/pdfsig')) return null;
  const dir = mkdtempSync(join(tmpdir(), 'pdfsig-'));
  try {
    writeFileSync(join(dir, 'document.pdf'), pdf);
    try {
      return execFileSync('/usr/bin/pdfsig', [join(dir, 'document.pdf')], { encoding: 'utf8' });
    } catch (err) {
      // pdfsig exits non-zero when a signature does not verify; its report says why
      return String((err as { stdout?: string }).stdout ?? (err as Error).message);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
