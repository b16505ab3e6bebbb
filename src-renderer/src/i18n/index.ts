// i18next set up once, before the first render, in the language the person last chose (kept in
// localStorage so the app starts in it at once; the core's preferences are the lasting copy).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import relativeTime from 'dayjs/plugin/relativeTime';
import { en } from './en';
import { zh } from './zh';

export type Language = 'en' | 'zh';
export const LANGUAGES: Language[] = ['en', 'zh'];
const STORAGE_KEY = 'patron.language';

dayjs.extend(localizedFormat);
dayjs.extend(relativeTime);

export function storedLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

function applyToDocument(lang: Language) {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
}

export function initI18n() {
  const lng = storedLanguage();
  applyToDocument(lng);
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, zh: { translation: zh } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  i18n.on('languageChanged', (next) => {
    const lang: Language = next === 'zh' ? 'zh' : 'en';
    applyToDocument(lang);
    localStorage.setItem(STORAGE_KEY, lang);
  });
  return i18n;
}

export function currentLanguage(): Language {
  return i18n.language === 'zh' ? 'zh' : 'en';
}

export { i18n };
