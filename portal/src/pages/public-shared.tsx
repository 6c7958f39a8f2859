import type { TFunction } from 'i18next';

/** What the public pages show of a procedure's time and fee, in the page's language. */
export function processingTime(t: TFunction, time: { amount: number; unit: string }): string {
  return t(`units.${time.unit}`, { count: time.amount });
}

export function fee(t: TFunction, language: string | undefined, vnd: number): string {
  return vnd > 0 ? `${vnd.toLocaleString(language === 'en' ? 'en-US' : 'vi-VN')} ₫` : t('procedure.free');
}
