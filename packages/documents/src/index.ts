export * from './model';
export { renderPdf } from './render-pdf';
export { renderHtml, escapeHtml } from './render-html';
export { documentFonts } from './fonts';
export { CadesSigner, DocumentSigner, identityFromP12, type SignatureDetails, type SigningIdentity } from './signing';
export { developmentCertificate, documentSignerFromEnv, makeDevelopmentP12 } from './signing-config';
export { wantsHtml, sendPdf } from './http';
export { signResult } from './result';
