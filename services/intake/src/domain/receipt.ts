import { toLocalISOString } from '@onestop/calendar';
import type { DocumentModel } from '@onestop/documents';

/**
 * The receipt (giấy tiếp nhận hồ sơ và hẹn trả kết quả) handed to the applicant at reception:
 * an A4 PDF from `receiptDocument`, and the same as a printable HTML page (`renderReceipt`, the
 * browser's view). Times are shown in Asia/Ho_Chi_Minh.
 */
export interface ReceiptData {
  centre: { code: string; name: string };
  dossierCode: string;
  channel: 'COUNTER' | 'ONLINE' | 'POST';
  applicant: { fullName: string; identityNumber: string; phone: string | null; address: string | null };
  procedure: { code: string; name: string; version: number };
  components: Array<{ name: string; reused: boolean }>;
  receivedAt: Date;
  dueAt: Date | null;
  deliveryMethod: 'COUNTER' | 'POST' | 'ONLINE';
}

const CHANNEL: Record<ReceiptData['channel'], string> = {
  COUNTER: 'Trực tiếp',
  ONLINE: 'Trực tuyến',
  POST: 'Qua dịch vụ bưu chính',
};
const DELIVERY: Record<ReceiptData['deliveryMethod'], string> = {
  COUNTER: 'Tại Bộ phận Một cửa',
  POST: 'Qua dịch vụ bưu chính công ích',
  ONLINE: 'Trực tuyến',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** '09 giờ 30 phút, ngày 05/03/2026' */
export function vietnameseDateTime(at: Date): string {
  const [date, time] = toLocalISOString(at).split('T');
  const [y, m, d] = date.split('-');
  return `${time.slice(0, 2)} giờ ${time.slice(3, 5)} phút, ngày ${d}/${m}/${y}`;
}

export function renderReceipt(r: ReceiptData): string {
  const e = escapeHtml;
  const rows = r.components
    .map(
      (c, i) =>
        `<tr><td>${i + 1}</td><td>${e(c.name)}</td><td>${c.reused ? 'Sử dụng lại bản điện tử đã số hóa' : 'Bản điện tử số hóa khi tiếp nhận'}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Giấy tiếp nhận hồ sơ ${e(r.dossierCode)}</title>
<style>body{font-family:"Times New Roman",serif;max-width:800px;margin:2em auto}h1{text-align:center;font-size:1.2em}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:4px}.c{text-align:center}@media print{button{display:none}}</style>
</head><body>
<p class="c"><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong><br>Độc lập - Tự do - Hạnh phúc</p>
<p class="c">${e(r.centre.name)} (${e(r.centre.code)})</p>
<h1>GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ</h1>
<p>Mã hồ sơ: <strong>${e(r.dossierCode)}</strong></p>
<p>Tiếp nhận hồ sơ của: <strong>${e(r.applicant.fullName)}</strong></p>
<p>Số định danh / mã số thuế: ${e(r.applicant.identityNumber)}</p>
${r.applicant.address ? `<p>Địa chỉ: ${e(r.applicant.address)}</p>` : ''}
${r.applicant.phone ? `<p>Số điện thoại: ${e(r.applicant.phone)}</p>` : ''}
<p>Nội dung yêu cầu giải quyết: ${e(r.procedure.name)} (mã thủ tục ${e(r.procedure.code)})</p>
<p>Hình thức nộp: ${CHANNEL[r.channel]}</p>
<p>Thành phần hồ sơ:</p>
<table><tr><th>STT</th><th>Tên giấy tờ</th><th>Hình thức</th></tr>
${rows || '<tr><td colspan="3">Không có</td></tr>'}
</table>
<p>Thời gian nhận hồ sơ: <strong>${vietnameseDateTime(r.receivedAt)}</strong></p>
<p>Thời gian trả kết quả giải quyết hồ sơ: <strong>${r.dueAt ? vietnameseDateTime(r.dueAt) : 'Theo thông báo'}</strong></p>
<p>Nhận kết quả: ${DELIVERY[r.deliveryMethod]}</p>
<p>Tra cứu tình trạng hồ sơ bằng mã hồ sơ và bốn số cuối của số định danh.</p>
<button onclick="window.print()">In giấy tiếp nhận</button>
</body></html>
`;
}

/** The receipt as a document model (packages/documents renders it as the A4 PDF handed to the applicant). */
export function receiptDocument(r: ReceiptData): DocumentModel {
  return {
    issuer: r.centre.name,
    reference: `Số: ${r.dossierCode}`,
    issuedAt: r.receivedAt,
    title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    subject: `Giấy tiếp nhận hồ sơ ${r.dossierCode}`,
    keywords: [r.dossierCode, r.procedure.code],
    blocks: [
      {
        kind: 'fields',
        rows: [
          { label: 'Mã hồ sơ', value: r.dossierCode, bold: true },
          { label: 'Tiếp nhận hồ sơ của', value: r.applicant.fullName, bold: true },
          { label: 'Số định danh / mã số thuế', value: r.applicant.identityNumber },
          ...(r.applicant.address ? [{ label: 'Địa chỉ', value: r.applicant.address }] : []),
          ...(r.applicant.phone ? [{ label: 'Số điện thoại', value: r.applicant.phone }] : []),
          { label: 'Nội dung yêu cầu giải quyết', value: `${r.procedure.name} (mã thủ tục ${r.procedure.code})` },
          { label: 'Hình thức nộp', value: CHANNEL[r.channel] },
        ],
      },
      {
        kind: 'table',
        caption: 'Thành phần hồ sơ:',
        columns: [
          { header: 'STT', width: 0.6, align: 'center' },
          { header: 'Tên giấy tờ', width: 5 },
          { header: 'Hình thức', width: 3.4 },
        ],
        rows: r.components.map((c, i) => [
          String(i + 1),
          c.name,
          c.reused ? 'Sử dụng lại bản điện tử đã số hóa' : 'Bản điện tử số hóa khi tiếp nhận',
        ]),
      },
      {
        kind: 'fields',
        rows: [
          { label: 'Thời gian nhận hồ sơ', value: vietnameseDateTime(r.receivedAt), bold: true },
          {
            label: 'Thời gian trả kết quả giải quyết hồ sơ',
            value: r.dueAt ? vietnameseDateTime(r.dueAt) : 'Theo thông báo',
            bold: true,
          },
          { label: 'Nhận kết quả', value: DELIVERY[r.deliveryMethod] },
        ],
      },
      {
        kind: 'paragraph',
        italic: true,
        text: 'Tra cứu tình trạng hồ sơ bằng mã hồ sơ và bốn số cuối của số định danh.',
      },
    ],
    signatures: [{ role: 'Người nộp hồ sơ', name: r.applicant.fullName }, { role: 'Người tiếp nhận hồ sơ' }],
  };
}
