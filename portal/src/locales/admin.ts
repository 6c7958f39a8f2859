/** The admin pages' labels and messages, Vietnamese and English (merged into ../locales.ts). */
export const vi = {};
export const en: typeof vi = {};
