/**
 * A printable administrative document as data: what the statutory forms hold (the issuing
 * centre, the national motto, the place and date, the title, the dossier's particulars, tables,
 * the signatures), rendered to an A4 PDF (render-pdf.ts) or to HTML for a browser's view
 * (render-html.ts) from the same model. A service builds the model in its pure domain code; adding
 * a table to a slip is adding a `table` block.
 */
export interface DocumentModel {
  /** The issuing body, top left (tên cơ quan, tổ chức ban hành văn bản), e.g. the centre's name. */
  issuer: string;
  /** The body above the issuer (tên cơ quan chủ quản), when there is one. */
  parentIssuer?: string | null;
  /** The document's number line, left under the issuer ("Số: …"). */
  reference?: string | null;
  /** The place of the date line ("Huế, ngày … tháng … năm …"); none: the date alone. */
  place?: string | null;
  /** The date of issue, shown in Asia/Ho_Chi_Minh. */
  issuedAt: Date;
  /** The document's name, centred and upper case (tên loại văn bản). */
  title: string;
  /** A line under the title (trích yếu), e.g. the procedure. */
  subtitle?: string | null;
  /** Whom it is addressed to ("Kính gửi: …"). */
  addressee?: string | null;
  blocks: Block[];
  /** Signature blocks, side by side at the end (left to right). */
  signatures?: SignatureBlock[];
  /** Recipients, bottom left (nơi nhận). */
  recipients?: string[];
  /** Document metadata: the PDF's Subject and Keywords (e.g. the dossier's code). */
  subject?: string;
  keywords?: string[];
}

export type Block =
  /** Label: value lines (the dossier's particulars); a bold value is the one that matters. */
  | { kind: 'fields'; rows: Array<{ label: string; value: string; bold?: boolean }> }
  | {
      kind: 'paragraph';
      text: string;
      bold?: boolean;
      italic?: boolean;
      align?: 'left' | 'center' | 'right' | 'justify';
    }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  /** A bordered table; widths are relative weights; the header repeats on every page it spans. */
  | {
      kind: 'table';
      caption?: string;
      columns: Array<{ header: string; width?: number; align?: 'left' | 'center' | 'right' }>;
      rows: string[][];
      empty?: string;
    }
  | { kind: 'heading'; text: string };

export interface SignatureBlock {
  /** The signer's function, upper case (NGƯỜI NỘP HỒ SƠ, CÔNG CHỨC TIẾP NHẬN, GIÁM ĐỐC…). */
  role: string;
  /** A line under the role, italic; default "(Ký, ghi rõ họ tên)". */
  hint?: string | null;
  /** The signer's name, under the space for the hand signature. */
  name?: string | null;
  /** Signed digitally with the centre's certificate: says so in the space for the hand signature. */
  digital?: boolean;
}

/** 'ngày 05 tháng 03 năm 2026' in Asia/Ho_Chi_Minh. */
export function vietnameseDate(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return `ngày ${local.slice(8, 10)} tháng ${local.slice(5, 7)} năm ${local.slice(0, 4)}`;
}

/** '09 giờ 30 phút, ngày 05/03/2026' in Asia/Ho_Chi_Minh. */
export function vietnameseDateTime(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(11, 13)} giờ ${local.slice(14, 16)} phút, ngày ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
}

/** The national motto every administrative document carries (quốc hiệu và tiêu ngữ). */
export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';
