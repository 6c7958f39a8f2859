import PDFDocument from 'pdfkit';
import { documentFonts } from './fonts';
import {
  NATIONAL_MOTTO,
  NATIONAL_TITLE,
  vietnameseDate,
  type Block,
  type DocumentModel,
  type SignatureBlock,
} from './model';

type Doc = PDFKit.PDFDocument;

/** Margins of an administrative document (Nghị định 30/2020/NĐ-CP, annex I): 20 mm top and bottom, 30 mm left, 15–20 mm right. */
const MM = 72 / 25.4;
const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 18 * MM };
const SIZE = { body: 11, small: 9.5, header: 10.5, title: 13.5 };
const CELL_PADDING = 4;

/**
 * Renders a document model as an A4 PDF with DejaVu Serif embedded (pdfkit subsets it to the
 * glyphs used), its metadata dated at the document's issue. Unsigned: sign it with a DocumentSigner.
 */
export async function renderPdf(model: DocumentModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: model.title,
      Author: model.issuer,
      Subject: model.subject ?? model.title,
      Keywords: (model.keywords ?? []).join(', '),
      Creator: 'Một cửa — onestop platform',
      CreationDate: model.issuedAt,
      ModDate: model.issuedAt,
    },
  });
  const fonts = documentFonts();
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.registerFont('italic', fonts.italic);
  doc.registerFont('boldItalic', fonts.boldItalic);
  const done = collect(doc);

  header(doc, model);
  for (const block of model.blocks) renderBlock(doc, block);
  if (model.signatures?.length) signatures(doc, model.signatures);
  if (model.recipients?.length) recipients(doc, model.recipients);
  pageNumbers(doc);
  doc.end();
  return done;
}

function collect(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

const left = (doc: Doc) => doc.page.margins.left;
const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** The largest size up to `size` at which `text` fits `width` on one line. */
function fitted(doc: Doc, font: string, text: string, size: number, width: number): number {
  let s = size;
  while (s > 7 && doc.font(font).fontSize(s).widthOfString(text) > width) s -= 0.25;
  return s;
}

function centredRule(doc: Doc, x: number, width: number, y: number, ruleWidth: number): void {
  const start = x + (width - ruleWidth) / 2;
  doc
    .moveTo(start, y)
    .lineTo(start + ruleWidth, y)
    .lineWidth(0.6)
    .stroke();
}

/** The issuer left, the national title and motto right, the date line under them (thể thức văn bản). */
function header(doc: Doc, m: DocumentModel): void {
  const x = left(doc);
  const width = contentWidth(doc);
  const leftWidth = width * 0.42;
  const rightWidth = width - leftWidth;
  const top = doc.y;

  let y = top;
  if (m.parentIssuer) {
    doc
      .font('regular')
      .fontSize(SIZE.header)
      .text(m.parentIssuer.toUpperCase(), x, y, { width: leftWidth, align: 'center' });
    y = doc.y;
  }
  doc.font('bold').fontSize(SIZE.header).text(m.issuer.toUpperCase(), x, y, { width: leftWidth, align: 'center' });
  y = doc.y + 2;
  centredRule(doc, x, leftWidth, y, leftWidth / 3);
  y += 6;
  if (m.reference) {
    doc.font('regular').fontSize(SIZE.header).text(m.reference, x, y, { width: leftWidth, align: 'center' });
    y = doc.y;
  }
  const leftBottom = y;

  const rx = x + leftWidth;
  doc
    .font('bold')
    .fontSize(fitted(doc, 'bold', NATIONAL_TITLE, SIZE.header, rightWidth))
    .text(NATIONAL_TITLE, rx, top, { width: rightWidth, align: 'center' });
  doc
    .font('bold')
    .fontSize(SIZE.header + 0.5)
    .text(NATIONAL_MOTTO, rx, doc.y, { width: rightWidth, align: 'center' });
  const motto = doc.widthOfString(NATIONAL_MOTTO);
  const ruleY = doc.y + 2;
  centredRule(doc, rx, rightWidth, ruleY, motto);
  const dateLine = `${m.place ? `${m.place}, ` : ''}${vietnameseDate(m.issuedAt)}`;
  doc
    .font('italic')
    .fontSize(SIZE.header)
    .text(dateLine, rx, ruleY + 8, { width: rightWidth, align: 'center' });
  const rightBottom = doc.y;

  doc.x = x;
  doc.y = Math.max(leftBottom, rightBottom) + 18;
  doc.font('bold').fontSize(SIZE.title).text(m.title.toUpperCase(), x, doc.y, { width, align: 'center' });
  if (m.subtitle)
    doc
      .font('bold')
      .fontSize(SIZE.body)
      .text(m.subtitle, x, doc.y + 2, { width, align: 'center' });
  if (m.addressee)
    doc
      .font('regular')
      .fontSize(SIZE.body)
      .text(`Kính gửi: ${m.addressee}`, x, doc.y + 8, { width, align: 'center' });
  doc.x = x;
  doc.y += 12;
}

function renderBlock(doc: Doc, b: Block): void {
  const x = left(doc);
  const width = contentWidth(doc);
  switch (b.kind) {
    case 'heading':
      doc
        .font('bold')
        .fontSize(SIZE.body)
        .text(b.text, x, doc.y + 4, { width });
      break;
    case 'paragraph':
      doc
        .font(b.bold ? (b.italic ? 'boldItalic' : 'bold') : b.italic ? 'italic' : 'regular')
        .fontSize(SIZE.body)
        .text(b.text, x, doc.y + 3, { width, align: b.align ?? 'justify' });
      break;
    case 'fields':
      for (const row of b.rows) {
        doc
          .font('regular')
          .fontSize(SIZE.body)
          .text(`${row.label}: `, x, doc.y + 2, { width, continued: true })
          .font(row.bold ? 'bold' : 'regular')
          .text(row.value || '…');
      }
      break;
    case 'list':
      b.items.forEach((item, i) => {
        const marker = b.ordered ? `${i + 1}. ` : '- ';
        doc
          .font('regular')
          .fontSize(SIZE.body)
          .text(`${marker}${item}`, x + 14, doc.y + 2, { width: width - 14 });
      });
      break;
    case 'table':
      table(doc, b);
      break;
  }
  doc.x = x;
  doc.y += 4;
}

function table(doc: Doc, t: Extract<Block, { kind: 'table' }>): void {
  const x = left(doc);
  const width = contentWidth(doc);
  const weights = t.columns.map((c) => c.width ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / total) * width);
  if (t.caption)
    doc
      .font('bold')
      .fontSize(SIZE.body)
      .text(t.caption, x, doc.y + 2, { width });
  doc.y += 4;

  const row = (cells: string[], font: string, align: Array<'left' | 'center' | 'right'>, fill?: string) => {
    doc.font(font).fontSize(SIZE.small);
    const height =
      Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i] - 2 * CELL_PADDING }))) +
      2 * CELL_PADDING;
    return {
      height,
      draw: (y: number) => {
        let cx = x;
        cells.forEach((c, i) => {
          if (fill) doc.rect(cx, y, widths[i], height).fillAndStroke(fill, '#000').fillColor('#000');
          else doc.rect(cx, y, widths[i], height).lineWidth(0.6).stroke();
          doc
            .font(font)
            .fontSize(SIZE.small)
            .text(c, cx + CELL_PADDING, y + CELL_PADDING, { width: widths[i] - 2 * CELL_PADDING, align: align[i] });
          cx += widths[i];
        });
      },
    };
  };
  const head = row(
    t.columns.map((c) => c.header),
    'bold',
    t.columns.map(() => 'center'),
    '#eeeeee',
  );
  const aligns = t.columns.map((c) => c.align ?? 'left');
  const drawHead = () => {
    const y = doc.y;
    head.draw(y);
    doc.y = y + head.height;
  };

  if (doc.y + head.height * 2 > bottom(doc)) doc.addPage();
  drawHead();
  const rows = t.rows.length ? t.rows : [[t.empty ?? 'Không có', ...t.columns.slice(1).map(() => '')]];
  for (const cells of rows) {
    const r = row(cells, 'regular', aligns);
    if (doc.y + r.height > bottom(doc)) {
      doc.addPage();
      drawHead();
    }
    const y = doc.y;
    r.draw(y);
    doc.y = y + r.height;
  }
  doc.x = x;
  doc.y += 4;
}

/** The signature blocks side by side; each keeps its space for the hand signature and seal. */
function signatures(doc: Doc, blocks: SignatureBlock[]): void {
  const x = left(doc);
  const width = contentWidth(doc) / blocks.length;
  const needed = 120;
  if (doc.y + needed > bottom(doc)) doc.addPage();
  const top = doc.y + 12;
  let lowest = top;
  blocks.forEach((s, i) => {
    const bx = x + i * width;
    doc.font('bold').fontSize(SIZE.body).text(s.role.toUpperCase(), bx, top, { width, align: 'center' });
    doc
      .font('italic')
      .fontSize(SIZE.small)
      .text(s.hint ?? '(Ký, ghi rõ họ tên)', bx, doc.y, { width, align: 'center' });
    const space = doc.y;
    if (s.digital)
      doc
        .font('italic')
        .fontSize(SIZE.small)
        .text('(Đã ký số)', bx, space + 22, { width, align: 'center' });
    if (s.name)
      doc
        .font('bold')
        .fontSize(SIZE.body)
        .text(s.name, bx, space + 62, { width, align: 'center' });
    lowest = Math.max(lowest, doc.y, space + 62);
  });
  doc.x = x;
  doc.y = lowest + 12;
}

function recipients(doc: Doc, list: string[]): void {
  const x = left(doc);
  if (doc.y + 20 + list.length * 12 > bottom(doc)) doc.addPage();
  doc
    .font('boldItalic')
    .fontSize(SIZE.small)
    .text('Nơi nhận:', x, doc.y + 6);
  for (const r of list)
    doc
      .font('regular')
      .fontSize(SIZE.small - 1)
      .text(`- ${r};`, x, doc.y);
}

/** "Trang i/n" at the foot of every page, written once the number of pages is known. */
function pageNumbers(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('italic')
      .fontSize(8)
      .text(`Trang ${i + 1}/${range.count}`, left(doc), doc.page.height - saved + 14, {
        width: contentWidth(doc),
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = saved;
  }
}
