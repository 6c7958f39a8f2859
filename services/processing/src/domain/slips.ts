/**
 * The statutory slips of processing as printable HTML (pure rendering; the routes fetch the
 * data): the supplementation request (phiếu yêu cầu bổ sung, hoàn thiện hồ sơ), the refusal of
 * reception (phiếu từ chối tiếp nhận giải quyết hồ sơ), the processing control slip (phiếu kiểm
 * soát quá trình giải quyết hồ sơ) and the apology letter (văn bản xin lỗi và hẹn lại ngày trả kết quả).
 */
import { toLocalISOString } from '@onestop/calendar';

export interface SlipDossier {
  code: string;
  procedureName: string;
  applicantName: string;
  centreName: string;
}

const escape = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** 'HH:mm ngày dd/MM/yyyy' in Asia/Ho_Chi_Minh. */
export function vnDateTime(at: Date | null | undefined): string {
  if (!at) return '';
  const local = toLocalISOString(at); // YYYY-MM-DDTHH:mm:ss+07:00
  return `${local.slice(11, 16)} ngày ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
}

function page(title: string, d: SlipDossier, body: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escape(title)} – ${escape(d.code)}</title>
<style>body{font-family:"Times New Roman",serif;max-width:760px;margin:2em auto;line-height:1.5}
h1{text-align:center;font-size:1.2em;text-transform:uppercase}.head{text-align:center}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:4px;vertical-align:top}
@media print{body{margin:0}}</style></head>
<body>
<p class="head"><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong><br>Độc lập – Tự do – Hạnh phúc</p>
<p class="head">${escape(d.centreName)}</p>
<h1>${escape(title)}</h1>
<p>Hồ sơ số (dossier): <strong>${escape(d.code)}</strong><br>
Thủ tục (procedure): ${escape(d.procedureName)}<br>
Người nộp (applicant): ${escape(d.applicantName)}</p>
${body}
</body></html>`;
}

export function supplementRequestSlip(
  d: SlipDossier,
  r: { reason: string; componentCodes: string[]; requestedAt: Date; requestedBy: string },
): string {
  const items = r.componentCodes.map((c) => `<li>${escape(c)}</li>`).join('');
  return page(
    'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
    d,
    `
<p>Hồ sơ của Ông/Bà cần được bổ sung, hoàn thiện các thành phần sau (components to supply):</p>
<ol>${items}</ol>
<p>Lý do (reason): ${escape(r.reason)}</p>
<p>Thời gian giải quyết tạm dừng từ ${escape(vnDateTime(r.requestedAt))} cho đến khi hồ sơ được bổ sung
(the processing time is paused until the components are supplied).</p>
<p>Người yêu cầu (requested by): ${escape(r.requestedBy)}</p>`,
  );
}

export function refusalSlip(d: SlipDossier, r: { reason: string; at: Date; by: string }): string {
  return page(
    'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
    d,
    `
<p>Sau khi xem xét, cơ quan không tiếp nhận hồ sơ của Ông/Bà (the dossier is not accepted) vì lý do sau:</p>
<p><strong>${escape(r.reason)}</strong></p>
<p>Thời điểm (at): ${escape(vnDateTime(r.at))}<br>Người từ chối (refused by): ${escape(r.by)}</p>`,
  );
}

/** A holder of the dossier on the control slip: who held which step, from when until when, and the office time. */
export interface SlipHolder {
  officer: string | null;
  stepCode: string;
  branchCode: string | null;
  from: Date;
  until: Date | null;
  workingHours: number;
  rework: boolean;
}

export function controlSlip(
  d: SlipDossier,
  lines: Array<{
    action: string;
    actor: string;
    at: Date;
    note: string | null;
    stepCode: string | null;
    stepOutcome: string | null;
  }>,
  holders: SlipHolder[] = [],
): string {
  const outcome: Record<string, string> = { EARLY: 'Trước hạn', ON_TIME: 'Đúng hạn', LATE: 'Quá hạn' };
  const rows = lines
    .map(
      (
        l,
      ) => `<tr><td>${escape(vnDateTime(l.at))}</td><td>${escape(l.action)}${l.stepCode ? ` (${escape(l.stepCode)})` : ''}</td>
<td>${escape(l.actor)}</td><td>${escape(l.stepOutcome ? outcome[l.stepOutcome] : '')}</td><td>${escape(l.note)}</td></tr>`,
    )
    .join('\n');
  return page(
    'Phiếu kiểm soát quá trình giải quyết hồ sơ',
    d,
    `
<table><thead><tr><th>Thời gian</th><th>Công việc</th><th>Người thực hiện</th><th>Kết quả (tiến độ)</th><th>Ghi chú</th></tr></thead>
<tbody>${rows}</tbody></table>${
      holders.length
        ? `
<h2>Người giữ hồ sơ (holders)</h2>
<table><thead><tr><th>Bước</th><th>Người giữ</th><th>Từ</th><th>Đến</th><th>Giờ làm việc</th><th>Làm lại</th></tr></thead>
<tbody>${holders
            .map(
              (
                h,
              ) => `<tr><td>${escape(h.stepCode)}${h.branchCode ? ` / ${escape(h.branchCode)}` : ''}</td><td>${escape(h.officer ?? '(bộ phận)')}</td>
<td>${escape(vnDateTime(h.from))}</td><td>${escape(h.until ? vnDateTime(h.until) : 'đang giữ')}</td><td>${h.workingHours}</td><td>${h.rework ? 'Có' : ''}</td></tr>`,
            )
            .join('\n')}</tbody></table>`
        : ''
    }`,
  );
}

export function apologyLetter(
  d: SlipDossier,
  a: { reason: string; previousDueAt: Date; newDueAt: Date; issuedAt: Date; issuedBy: string },
): string {
  return page(
    'Văn bản xin lỗi và hẹn lại ngày trả kết quả',
    d,
    `
<p>Hồ sơ của Ông/Bà hẹn trả kết quả lúc ${escape(vnDateTime(a.previousDueAt))}. Cơ quan chân thành xin lỗi vì chưa giải quyết
kịp thời hạn (we apologise that the dossier could not be resolved in time), vì lý do: ${escape(a.reason)}.</p>
<p>Thời gian hẹn trả kết quả mới (new appointment): <strong>${escape(vnDateTime(a.newDueAt))}</strong>.</p>
<p>Ngày ${escape(vnDateTime(a.issuedAt))} – ${escape(a.issuedBy)}</p>`,
  );
}
