import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelative } from '../i18n/format.js';
import { useLocale } from '../i18n/use-locale.js';
import { serverNow } from '../session/server-clock.js';

/**
 * A moment: its date and time in the member's locale, with how far it is from now by
 * the server's clock ("in 3 days", "2 hours ago"), which decides every deadline.
 */
export function When({ at }: { at: number }) {
  const locale = useLocale();
  return (
    <time dateTime={new Date(at).toISOString()}>
      {formatDateTime(at, locale)} ({formatRelative(at - serverNow(), locale)})
    </time>
  );
}

/** "Ends 3 Dec 2026, 09:00 (in 6 days)". */
export function Deadline({ at, label }: { at: number | null; label?: string }) {
  const { t } = useTranslation();
  if (at === null) return null;
  return (
    <span className="deadline">
      {label ?? t('common.ends')} <When at={at} />
    </span>
  );
}
