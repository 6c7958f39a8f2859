import { createHash } from 'node:crypto';

/**
 * The document routes serve the PDF; `?format=html` asks for the page a browser shows and
 * prints (the PDF is what is kept and signed).
 */
export function wantsHtml(req: { query: Record<string, unknown> }): boolean {
  return req.query.format === 'html';
}

interface PdfResponse {
  setHeader(name: string, value: string): unknown;
  end(body: Buffer): unknown;
}

/**
 * Sends a PDF inline (a browser opens it in its viewer; saving keeps the name), with its SHA-256 in
 * `Repr-Digest` (RFC 9530) so that a client can compare it with the hash the platform stored.
 */
export function sendPdf(res: PdfResponse, pdf: Buffer, fileName: string): void {
  res.setHeader('content-type', 'application/pdf');
  res.setHeader('content-disposition', `inline; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
  res.setHeader('cache-control', 'private, no-store');
  res.setHeader('repr-digest', `sha-256=:${createHash('sha256').update(pdf).digest('base64')}:`);
  res.end(pdf);
}
