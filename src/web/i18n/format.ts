/**
 * Locale-aware formatting through `Intl` (issue 6: "dates and numbers localised"). Every
 * figure and date the app shows goes through these, with the current i18next language.
 */

/** "Ann, Bob and Cat" in the locale's words. */
export function formatList(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** A date and time, e.g. "26 Nov 2026, 21:45" (en-GB) or "26.11.2026, 21:45" (de). */
export function formatDateTime(value: Date | number | string, locale: string): string {
  const date = value instanceof Date ? value : new Date(value);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A day, e.g. "26 November 2026". */
export function formatDate(value: Date | number | string, locale: string): string {
  const date = value instanceof Date ? value : new Date(value);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date);
}

/** "in 3 days", "2 hours ago": for terms, deadlines and notifications. */
export function formatRelative(ms: number, locale: string): string {
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 365 * 24 * 3600e3],
    ['month', 30 * 24 * 3600e3],
    ['day', 24 * 3600e3],
    ['hour', 3600e3],
    ['minute', 60e3],
  ];
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(ms) >= size) return rtf.format(Math.round(ms / size), unit);
  }
  return rtf.format(Math.round(ms / 1000), 'second');
}

/**
 * The locale to format in: the browser's own tag when it is a regional variant of the
 * interface language (an `en-GB` browser reading English sees 26/11/2026, not 11/26/2026),
 * else the interface language itself.
 */
export function regionalLocale(language: string, preferred: readonly string[]): string {
  return preferred.find((tag) => tag.toLowerCase().split(/[-_]/)[0] === language) ?? language;
}
