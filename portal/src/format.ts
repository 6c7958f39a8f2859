import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every instant is shown in the centres' time zone, whatever the browser's. */
export const ZONE = 'Asia/Ho_Chi_Minh';

/** dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh (the contract's format); '—' when absent. */
export function dateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(ZONE).format('DD/MM/YYYY HH:mm') : '—';
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Lower case without accents: `ly lich tu phap` finds `Lý lịch tư pháp`. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** The file's bytes as base64, for the API's UploadInput. */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

export { dayjs };
