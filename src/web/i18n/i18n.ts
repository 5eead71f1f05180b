import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  LANGUAGES,
  type LanguageCode,
  loadStrings,
  pickLanguage,
} from './languages.js';
import { en, type Messages } from './locales/en.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Messages };
    interpolationPrefix: '{';
    interpolationSuffix: '}';
  }
}

/** Where the member's explicit choice of language is kept between visits. */
export const LANGUAGE_STORAGE_KEY = 'soviet.language';

function storedLanguage(): LanguageCode | undefined {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return stored && isLanguage(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts i18next: the member's stored choice, else the browser's preferred language,
 * else English (loading that language's strings first). Placeholders are `{name}`, as in
 * the error catalogue. Keeps `<html lang>` in step, so that screen readers pronounce the
 * page in the right language.
 */
export async function startI18n(): Promise<typeof i18next> {
  const lng = storedLanguage() ?? pickLanguage(navigator.languages ?? [navigator.language]);
  const strings = await loadStrings(lng).catch(() => undefined);
  await i18next.use(initReactI18next).init({
    resources: {
      en: { translation: en },
      ...(strings && lng !== 'en' ? { [lng]: { translation: strings } } : {}),
    },
    lng: strings ? lng : DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES.map((l) => l.code),
    returnNull: false,
    interpolation: { prefix: '{', suffix: '}', escapeValue: false },
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  return i18next;
}

/** Switches language (loading its strings the first time) and remembers the choice. */
export async function chooseLanguage(code: LanguageCode): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, code);
  } catch {
    // Private browsing may refuse storage: the choice then lasts for this visit.
  }
  if (!i18next.hasResourceBundle(code, 'translation')) {
    i18next.addResourceBundle(code, 'translation', await loadStrings(code));
  }
  await i18next.changeLanguage(code);
}
