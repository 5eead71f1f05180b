import { en } from './locales/en.js';

/** The languages the interface speaks, each named in itself for the switcher. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
  { code: 'de', name: 'Deutsch' },
  { code: 'ru', name: 'Русский' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export const DEFAULT_LANGUAGE: LanguageCode = 'en';

/** A language's strings: the shape of en.ts, with that language's plural forms. */
export type LanguageStrings = { readonly [key: string]: string | LanguageStrings };

/**
 * Every language's strings. English is bundled (it is the fallback of a missing key);
 * the others load when chosen, so a page carries only the languages it shows.
 */
export function loadStrings(code: LanguageCode): Promise<LanguageStrings> {
  switch (code) {
    case 'en':
      return Promise.resolve(en);
    case 'es':
      return import('./locales/es.js').then((m) => m.es);
    case 'de':
      return import('./locales/de.js').then((m) => m.de);
    case 'ru':
      return import('./locales/ru.js').then((m) => m.ru);
  }
}

export function isLanguage(code: string): code is LanguageCode {
  return LANGUAGES.some((l) => l.code === code);
}

/**
 * The first of the browser's preferred languages (`navigator.languages`, best first) that
 * the interface speaks, matching on the primary subtag (`es-AR` → `es`); English when
 * none matches.
 */
export function pickLanguage(preferred: readonly string[]): LanguageCode {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0] ?? '';
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}
