import { useTranslation } from 'react-i18next';
import { regionalLocale } from './format.js';

/** The locale for `Intl` formatting in the current interface language (see regionalLocale). */
export function useLocale(): string {
  const { i18n } = useTranslation();
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? []);
  return regionalLocale(i18n.language, preferred);
}
