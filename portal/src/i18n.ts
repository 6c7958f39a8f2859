import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en, vi } from './locales';

// Vietnamese by default; `?lang=en|vi` on any URL, or the switch, which is remembered in a cookie.
void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    supportedLngs: ['vi', 'en'],
    fallbackLng: 'vi',
    nonExplicitSupportedLngs: false,
    load: 'languageOnly',
    interpolation: { escapeValue: false },
    detection: {
      order: ['querystring', 'cookie'],
      lookupQuerystring: 'lang',
      lookupCookie: 'lang',
      caches: ['cookie'],
      cookieMinutes: 60 * 24 * 365,
      cookieOptions: { path: '/', sameSite: 'lax' },
    },
  });

const syncHtmlLang = (lng: string) => document.documentElement.setAttribute('lang', lng.startsWith('en') ? 'en' : 'vi');
syncHtmlLang(i18n.resolvedLanguage ?? 'vi');
i18n.on('languageChanged', syncHtmlLang);

export default i18n;
