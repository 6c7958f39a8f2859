import type { DocumentSigner } from './signing';

/**
 * A decision's result (the licence, certificate or written answer the competent authority
 * issued) as the citizen downloads it and the archive keeps it. A PDF is signed with the centre's
 * certificate in place, as an incremental update that leaves any signature it already had (the
 * authority's leader's) valid. What cannot be signed so is kept as uploaded, `signed: false`: an
 * image or an XML file, and a PDF @signpdf's plain placeholder cannot read (a cross-reference
 * stream, PDF 1.5+, or not a well-formed PDF).
 */
export async function signResult(
  signer: DocumentSigner,
  file: { content: Buffer; mimeType: string },
  about: { title: string; issuer: string; dossierCode: string },
): Promise<{ content: Buffer; signed: boolean }> {
  if (file.mimeType !== 'application/pdf') return { content: file.content, signed: false };
  try {
    return {
      content: await signer.sign(file.content, {
        reason: `Kết quả giải quyết hồ sơ ${about.dossierCode}: ${about.title}`,
        location: about.issuer,
      }),
      signed: true,
    };
  } catch {
    return { content: file.content, signed: false };
  }
}
