/**
 * Notifications to the applicant (thông báo cho người nộp hồ sơ), in Vietnamese, each carrying the
 * dossier code so that the citizen can track it. Plain text: the same words go by email and SMS
 * (SMS gets the short form, without diacritics-dependent layout or long reasons).
 */

export type NotificationKind =
  | 'REGISTERED' // đã đăng ký trực tuyến, chờ tiếp nhận
  | 'RECEIVED' // đã tiếp nhận
  | 'SUPPLEMENT_REQUESTED' // yêu cầu bổ sung
  | 'RESULT_READY' // có kết quả
  | 'APOLOGY' // thư xin lỗi, hẹn lại ngày trả
  | 'PARCEL_RETURNED' // bưu gửi bị hoàn, nhận tại quầy
  | 'RETURNED'; // đã trả kết quả

export type NotificationChannel = 'EMAIL' | 'SMS';

export interface TemplateFacts {
  code: string;
  fullName: string;
  procedureName?: string | null;
  dueAt?: string | null;
  reason?: string | null;
  componentCodes?: string[];
  newDueAt?: string | null;
  method?: 'COUNTER' | 'POST' | 'ONLINE';
  counterFallback?: boolean;
  trackingNumber?: string | null;
  downloadUrl?: string | null;
  centreName?: string | null;
}

export interface RenderedMessage {
  subject: string;
  /** Email body. */
  text: string;
  /** SMS body: one or two segments. */
  short: string;
}

const SIGNATURE = '\n\nTrung tâm Phục vụ hành chính công';

export function render(kind: NotificationKind, f: TemplateFacts): RenderedMessage {
  const hello = `Kính gửi ông/bà ${f.fullName},\n\n`;
  switch (kind) {
    case 'REGISTERED':
      return {
        subject: `Hồ sơ ${f.code}: đã đăng ký trực tuyến`,
        text: `${hello}Hồ sơ ${f.code}${procedure(f)} đã được đăng ký trực tuyến và đang chờ công chức một cửa kiểm tra, tiếp nhận.${SIGNATURE}`,
        short: `Ho so ${f.code} da dang ky truc tuyen, dang cho tiep nhan.`,
      };
    case 'RECEIVED':
      return {
        subject: `Hồ sơ ${f.code}: đã tiếp nhận`,
        text: `${hello}Hồ sơ ${f.code}${procedure(f)} đã được tiếp nhận.${f.dueAt ? ` Ngày hẹn trả kết quả: ${vietnamTime(f.dueAt)}.` : ''}${SIGNATURE}`,
        short: `Ho so ${f.code} da duoc tiep nhan.${f.dueAt ? ` Hen tra ket qua: ${vietnamTime(f.dueAt)}.` : ''}`,
      };
    case 'SUPPLEMENT_REQUESTED':
      return {
        subject: `Hồ sơ ${f.code}: đề nghị bổ sung hồ sơ`,
        text: `${hello}Hồ sơ ${f.code} cần được bổ sung, hoàn thiện${f.componentCodes?.length ? ` (thành phần: ${f.componentCodes.join(', ')})` : ''}.${f.reason ? `\nLý do: ${f.reason}` : ''}\nThời gian giải quyết tạm dừng cho đến khi ông/bà nộp bổ sung.${SIGNATURE}`,
        short: `Ho so ${f.code} can bo sung. Vui long xem email hoac lien he Trung tam.`,
      };
    case 'RESULT_READY':
      return resultReady(hello, f);
    case 'APOLOGY':
      return {
        subject: `Hồ sơ ${f.code}: thư xin lỗi và hẹn lại ngày trả kết quả`,
        text: `${hello}Chúng tôi thành thật xin lỗi vì hồ sơ ${f.code} chưa thể trả kết quả đúng hẹn.${f.reason ? `\nLý do: ${f.reason}` : ''}${f.newDueAt ? `\nNgày hẹn trả kết quả mới: ${vietnamTime(f.newDueAt)}.` : ''}${SIGNATURE}`,
        short: `Xin loi: ho so ${f.code} tre hen.${f.newDueAt ? ` Hen moi: ${vietnamTime(f.newDueAt)}.` : ''}`,
      };
    case 'PARCEL_RETURNED':
      return {
        subject: `Hồ sơ ${f.code}: bưu gửi kết quả không phát được`,
        text: `${hello}Bưu gửi kết quả của hồ sơ ${f.code}${f.trackingNumber ? ` (mã vận đơn ${f.trackingNumber})` : ''} không phát được cho ông/bà. Kết quả đang chờ ông/bà nhận trực tiếp tại quầy một cửa${centre(f)}.${SIGNATURE}`,
        short: `Ket qua ho so ${f.code} khong phat duoc qua buu dien; moi nhan tai quay mot cua.`,
      };
    case 'RETURNED':
      return {
        subject: `Hồ sơ ${f.code}: đã trả kết quả`,
        text: `${hello}Kết quả hồ sơ ${f.code} đã được trả cho ông/bà. Mời ông/bà đánh giá mức độ hài lòng về việc giải quyết hồ sơ.${SIGNATURE}`,
        short: `Ho so ${f.code} da tra ket qua. Cam on ong/ba.`,
      };
  }
}

function resultReady(hello: string, f: TemplateFacts): RenderedMessage {
  const subject = `Hồ sơ ${f.code}: đã có kết quả`;
  if (f.method === 'POST' && !f.counterFallback) {
    return {
      subject,
      text: `${hello}Kết quả hồ sơ ${f.code} đã được gửi qua dịch vụ bưu chính công ích${f.trackingNumber ? `, mã vận đơn ${f.trackingNumber}` : ''}.${SIGNATURE}`,
      short: `Ket qua ho so ${f.code} da gui buu dien${f.trackingNumber ? `, ma van don ${f.trackingNumber}` : ''}.`,
    };
  }
  if (f.method === 'ONLINE' && !f.counterFallback && f.downloadUrl) {
    return {
      subject,
      text: `${hello}Kết quả hồ sơ ${f.code} đã sẵn sàng. Ông/bà tải kết quả tại đường dẫn sau (có thời hạn):\n${f.downloadUrl}${SIGNATURE}`,
      short: `Ket qua ho so ${f.code} da san sang; xem email de tai ket qua.`,
    };
  }
  return {
    subject,
    text: `${hello}Kết quả hồ sơ ${f.code} đã sẵn sàng. Mời ông/bà đến nhận tại quầy một cửa${centre(f)}, mang theo giấy tiếp nhận hồ sơ và giấy tờ tùy thân.${SIGNATURE}`,
    short: `Ket qua ho so ${f.code} da san sang, moi nhan tai quay mot cua.`,
  };
}

function procedure(f: TemplateFacts): string {
  return f.procedureName ? ` (${f.procedureName})` : '';
}

function centre(f: TemplateFacts): string {
  return f.centreName ? ` ${f.centreName}` : '';
}

/** "17:00 05/03/2026" in Asia/Ho_Chi_Minh (UTC+7, no DST). */
export function vietnamTime(iso: string): string {
  const t = new Date(new Date(iso).getTime() + 7 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(t.getUTCHours())}:${two(t.getUTCMinutes())} ${two(t.getUTCDate())}/${two(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
}
