/**
 * The statutory slips of processing as document models (packages/documents renders them as A4
 * PDFs, signed with the centre's certificate): the supplementation request (phiếu yêu cầu bổ sung,
 * hoàn thiện hồ sơ), the refusal (phiếu từ chối tiếp nhận giải quyết hồ sơ), the control slip
 * (phiếu kiểm soát quá trình giải quyết hồ sơ), the apology letter (văn bản xin lỗi và hẹn lại ngày
 * trả kết quả), the stop (thông báo dừng giải quyết hồ sơ) and the withdrawal (phiếu xác nhận rút
 * hồ sơ). Pure: the routes read the data. A slip is a list of blocks: adding a table to one is
 * adding a `table` block.
 */
import { vietnameseDateTime, type Block, type DocumentModel } from '@onestop/documents';
import type { SlipDossier, SlipHolder } from './slips';

const particulars = (d: SlipDossier): Block => ({
  kind: 'fields',
  rows: [
    { label: 'Mã hồ sơ', value: d.code, bold: true },
    { label: 'Thủ tục hành chính', value: d.procedureName },
    { label: 'Người nộp hồ sơ', value: d.applicantName, bold: true },
  ],
});

function slip(
  d: SlipDossier,
  title: string,
  issuedAt: Date,
  blocks: Block[],
  rest: Partial<DocumentModel> = {},
): DocumentModel {
  return {
    issuer: d.centreName || 'Bộ phận Một cửa',
    reference: `Số: ${d.code}`,
    issuedAt,
    title,
    subject: `${title} – ${d.code}`,
    keywords: [d.code],
    blocks: [particulars(d), ...blocks],
    ...rest,
  };
}

export function supplementRequestDocument(
  d: SlipDossier,
  r: { reason: string; componentCodes: string[]; requestedAt: Date; requestedBy: string },
): DocumentModel {
  return slip(
    d,
    'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
    r.requestedAt,
    [
      { kind: 'paragraph', text: 'Qua xem xét, hồ sơ của Ông/Bà cần được bổ sung, hoàn thiện các thành phần sau:' },
      { kind: 'list', ordered: true, items: r.componentCodes },
      { kind: 'fields', rows: [{ label: 'Lý do', value: r.reason }] },
      {
        kind: 'paragraph',
        text: `Thời gian giải quyết hồ sơ tạm dừng từ ${vietnameseDateTime(r.requestedAt)} cho đến khi hồ sơ được bổ sung đầy đủ. Mọi vướng mắc xin liên hệ Bộ phận Một cửa.`,
      },
    ],
    { addressee: d.applicantName, signatures: [{ role: 'Người hướng dẫn', name: r.requestedBy, digital: true }] },
  );
}

export function refusalDocument(d: SlipDossier, r: { reason: string; at: Date; by: string }): DocumentModel {
  return slip(
    d,
    'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
    r.at,
    [
      {
        kind: 'paragraph',
        text: 'Sau khi xem xét, đối chiếu hồ sơ với quy định, cơ quan không tiếp nhận, giải quyết hồ sơ của Ông/Bà vì lý do sau:',
      },
      { kind: 'paragraph', text: r.reason, bold: true },
      { kind: 'fields', rows: [{ label: 'Thời điểm', value: vietnameseDateTime(r.at) }] },
      { kind: 'paragraph', text: 'Xin thông báo để Ông/Bà được biết và thực hiện.' },
    ],
    { addressee: d.applicantName, signatures: [{ role: 'Người từ chối', name: r.by, digital: true }] },
  );
}

export function stopDocument(d: SlipDossier, r: { reason: string; at: Date; by: string }): DocumentModel {
  return slip(
    d,
    'Thông báo dừng giải quyết hồ sơ',
    r.at,
    [
      { kind: 'paragraph', text: 'Cơ quan giải quyết thông báo dừng giải quyết hồ sơ của Ông/Bà vì lý do sau:' },
      { kind: 'paragraph', text: r.reason, bold: true },
      { kind: 'fields', rows: [{ label: 'Thời điểm dừng giải quyết', value: vietnameseDateTime(r.at) }] },
      {
        kind: 'paragraph',
        text: 'Hồ sơ đã nộp được trả lại theo quy định; Ông/Bà có thể nộp lại hồ sơ khi đủ điều kiện.',
      },
    ],
    { addressee: d.applicantName, signatures: [{ role: 'Lãnh đạo cơ quan giải quyết', name: r.by, digital: true }] },
  );
}

export function withdrawalDocument(d: SlipDossier, r: { reason: string; at: Date; by: string }): DocumentModel {
  return slip(
    d,
    'Phiếu xác nhận rút hồ sơ',
    r.at,
    [
      { kind: 'paragraph', text: 'Theo đề nghị của Ông/Bà, hồ sơ nêu trên đã được rút và chấm dứt việc giải quyết.' },
      {
        kind: 'fields',
        rows: [
          { label: 'Lý do rút hồ sơ', value: r.reason },
          { label: 'Thời điểm rút hồ sơ', value: vietnameseDateTime(r.at) },
        ],
      },
    ],
    {
      signatures: [
        { role: 'Người nộp hồ sơ', name: d.applicantName },
        { role: 'Người xác nhận', name: r.by, digital: true },
      ],
    },
  );
}

const OUTCOME: Record<string, string> = { EARLY: 'Trước hạn', ON_TIME: 'Đúng hạn', LATE: 'Quá hạn' };

export interface ControlSlipLine {
  action: string;
  actor: string;
  at: Date;
  note: string | null;
  stepCode: string | null;
  stepOutcome: string | null;
}

/** The control slip at a moment: its lines so far (the slip grows with the dossier; each version is kept). */
/** Who held the dossier at which step (người giữ hồ sơ), under the slip's lines when anyone did. */
const holdersTable = (holders: SlipHolder[]): Block[] =>
  holders.length
    ? [
        {
          kind: 'table',
          caption: 'Người giữ hồ sơ',
          columns: [
            { header: 'Bước', width: 1.6 },
            { header: 'Người giữ', width: 2.2 },
            { header: 'Từ', width: 2 },
            { header: 'Đến', width: 2 },
            { header: 'Giờ làm việc', width: 1.2, align: 'right' },
            { header: 'Làm lại', width: 1 },
          ],
          rows: holders.map((h) => [
            `${h.stepCode}${h.branchCode ? ` / ${h.branchCode}` : ''}`,
            h.officer ?? '(bộ phận)',
            vietnameseDateTime(h.from),
            h.until ? vietnameseDateTime(h.until) : 'đang giữ',
            String(h.workingHours),
            h.rework ? 'Có' : '',
          ]),
        },
      ]
    : [];

export function controlSlipDocument(
  d: SlipDossier,
  lines: ControlSlipLine[],
  at: Date,
  holders: SlipHolder[] = [],
): DocumentModel {
  return slip(d, 'Phiếu kiểm soát quá trình giải quyết hồ sơ', at, [
    {
      kind: 'table',
      columns: [
        { header: 'Thời gian', width: 2.2 },
        { header: 'Công việc', width: 2.4 },
        { header: 'Người thực hiện', width: 2.2 },
        { header: 'Kết quả (tiến độ)', width: 1.6 },
        { header: 'Ghi chú', width: 2.6 },
      ],
      rows: lines.map((l) => [
        vietnameseDateTime(l.at),
        `${l.action}${l.stepCode ? ` (${l.stepCode})` : ''}`,
        l.actor,
        l.stepOutcome ? (OUTCOME[l.stepOutcome] ?? l.stepOutcome) : '',
        l.note ?? '',
      ]),
      empty: 'Chưa có bước nào',
    },
    ...holdersTable(holders),
  ]);
}

export function apologyDocument(
  d: SlipDossier,
  a: { reason: string; previousDueAt: Date; newDueAt: Date; issuedAt: Date; issuedBy: string },
): DocumentModel {
  return slip(
    d,
    'Văn bản xin lỗi và hẹn lại ngày trả kết quả',
    a.issuedAt,
    [
      {
        kind: 'paragraph',
        text: `Hồ sơ của Ông/Bà hẹn trả kết quả lúc ${vietnameseDateTime(a.previousDueAt)}. Cơ quan chân thành xin lỗi Ông/Bà vì chưa giải quyết kịp thời hạn, vì lý do: ${a.reason}.`,
      },
      {
        kind: 'fields',
        rows: [{ label: 'Thời gian hẹn trả kết quả mới', value: vietnameseDateTime(a.newDueAt), bold: true }],
      },
      { kind: 'paragraph', text: 'Rất mong nhận được sự thông cảm của Ông/Bà.' },
    ],
    { addressee: d.applicantName, signatures: [{ role: 'Thủ trưởng cơ quan', name: a.issuedBy, digital: true }] },
  );
}
