import { useTranslation } from 'react-i18next';
import type { MessageSource } from '../api/error-text.js';

/** The current language's sentences, as `errorText` reads them (keys built at run time). */
export function useMessageSource(): MessageSource {
  const { t, i18n } = useTranslation();
  const untyped = t as unknown as (key: string, params: Record<string, unknown>) => string;
  return {
    raw(key) {
      const value =
        i18n.getResource(i18n.language, 'translation', key) ??
        i18n.getResource('en', 'translation', key);
      return typeof value === 'string' ? value : undefined;
    },
    format: (key, params) => untyped(key, { ...params }),
    english(key) {
      const value = i18n.getResource('en', 'translation', key);
      return typeof value === 'string' ? value : undefined;
    },
  };
}
