import { createHash, webcrypto } from 'node:crypto';
import forge from 'node-forge';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import signpdf from '@signpdf/signpdf';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  /** ESS signing-certificate-v2 (RFC 5035): binds the signature to its certificate, as PAdES B-B requires. */
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
};

/** Room kept in the PDF for the CMS signature (bytes): the certificate chain of a real CA fits. */
const SIGNATURE_ROOM = 12_288;

/** A key and its certificate (with the chain above it), as read from a PKCS#12 file. */
export interface SigningIdentity {
  certificateDer: Buffer;
  chainDer: Buffer[];
  privateKeyPkcs8Der: Buffer;
  /** The certificate's subject, for the signature's name and the logs. */
  subject: string;
}

const binary = (bytes: string) => Buffer.from(bytes, 'binary');

/** Reads a PKCS#12 (.p12/.pfx) file: the RSA key and the certificate that matches it. */
export function identityFromP12(p12: Buffer, passphrase: string): SigningIdentity {
  const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), false, passphrase);
  const keyBags = [
    ...(parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(parsed.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const key = keyBags.find((b) => b.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new Error('The PKCS#12 file holds no private key (an RSA key is expected)');
  const certs = (parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
    .map((b) => b.cert)
    .filter((c): c is forge.pki.Certificate => !!c);
  const own = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n?.compareTo(key.n) === 0 && pub.e?.compareTo(key.e) === 0;
  });
  if (!own) throw new Error('The PKCS#12 file holds no certificate for its private key');
  const der = (c: forge.pki.Certificate) => binary(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes());
  return {
    certificateDer: der(own),
    chainDer: certs.filter((c) => c !== own).map(der),
    privateKeyPkcs8Der: binary(
      forge.asn1.toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key))).getBytes(),
    ),
    subject: own.subject.attributes.map((a) => `${a.shortName ?? a.name}=${String(a.value)}`).join(', '),
  };
}

const engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto });

/**
 * A CMS signer for PDF signatures in the PAdES baseline form (ETSI EN 319 142-1, B-B): a detached
 * SignedData over the signed byte ranges with the content type, the message digest and the ESS
 * signing-certificate-v2 as signed attributes, no signing-time attribute (the time is the
 * signature dictionary's /M), SHA-256 with RSA. Built with PKIjs; @signpdf's own P12Signer makes
 * an adbe.pkcs7.detached signature without the signing-certificate attribute, which PAdES needs.
 */
export class CadesSigner extends Signer {
  private readonly certificate: pkijs.Certificate;
  private readonly chain: pkijs.Certificate[];
  private key?: Promise<CryptoKey>;

  constructor(private readonly identity: SigningIdentity) {
    super();
    this.certificate = pkijs.Certificate.fromBER(new Uint8Array(identity.certificateDer));
    this.chain = identity.chainDer.map((d) => pkijs.Certificate.fromBER(new Uint8Array(d)));
  }

  async sign(content: Buffer): Promise<Buffer> {
    this.key ??= webcrypto.subtle.importKey(
      'pkcs8',
      new Uint8Array(this.identity.privateKeyPkcs8Der),
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    ) as Promise<CryptoKey>;
    const digest = createHash('sha256').update(content).digest();
    const cert = this.certificate;
    // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 with SHA-256 (the default, so omitted),
    // the certificate's hash and its issuer and serial (GeneralNames holding the issuer as a directoryName [4])
    const essCertIdV2 = new asn1js.Sequence({
      value: [
        new asn1js.OctetString({
          valueHex: new Uint8Array(createHash('sha256').update(this.identity.certificateDer).digest()),
        }),
        new asn1js.Sequence({
          value: [
            new asn1js.Sequence({
              value: [
                new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] }),
              ],
            }),
            cert.serialNumber,
          ],
        }),
      ],
    });
    const signedData = new pkijs.SignedData({
      version: 1,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
          signedAttrs: new pkijs.SignedAndUnsignedAttributes({
            type: 0,
            attributes: [
              new pkijs.Attribute({
                type: OID.contentType,
                values: [new asn1js.ObjectIdentifier({ value: OID.data })],
              }),
              new pkijs.Attribute({
                type: OID.messageDigest,
                values: [new asn1js.OctetString({ valueHex: new Uint8Array(digest) })],
              }),
              new pkijs.Attribute({
                type: OID.signingCertificateV2,
                values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] })],
              }),
            ],
          }),
        }),
      ],
      certificates: [cert, ...this.chain],
    });
    await signedData.sign(await this.key, 0, 'SHA-256', undefined, engine);
    const cms = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
    return Buffer.from(cms.toSchema().toBER(false));
  }
}

export interface SignatureDetails {
  /** Why it is signed (the signature dictionary's /Reason), e.g. the document's name. */
  reason: string;
  /** Where (the /Location), e.g. the centre's name. */
  location?: string;
  contactInfo?: string;
}

/**
 * Signs PDFs with the centre's certificate. Each signature is an incremental update (@signpdf's
 * plain placeholder: a signature field, its widget and the signature dictionary appended after the
 * original bytes), so a PDF signed before (a result the competent authority's leader signed
 * with a token) keeps its signature valid beside the centre's.
 */
export class DocumentSigner {
  readonly subject: string;
  /** SHA-256 of the signing certificate (DER), hex: what a test or an auditor compares. */
  readonly certificateSha256: string;
  private readonly signer: CadesSigner;

  constructor(
    readonly identity: SigningIdentity,
    readonly source: 'configured' | 'development',
  ) {
    this.subject = identity.subject;
    this.certificateSha256 = createHash('sha256').update(identity.certificateDer).digest('hex');
    this.signer = new CadesSigner(identity);
  }

  async sign(pdf: Buffer, details: SignatureDetails): Promise<Buffer> {
    const withPlaceholder = plainAddPlaceholder({
      pdfBuffer: pdf,
      reason: details.reason,
      location: details.location ?? '',
      contactInfo: details.contactInfo ?? '',
      name: this.commonName(),
      signatureLength: SIGNATURE_ROOM,
      subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    });
    return signpdf.sign(withPlaceholder, this.signer);
  }

  private commonName(): string {
    return /(?:^|, )CN=([^,]+)/.exec(this.subject)?.[1] ?? this.subject;
  }
}
