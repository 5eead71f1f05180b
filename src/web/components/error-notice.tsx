import { useTranslation } from 'react-i18next';
import { errorText } from '../api/error-text.js';
import { useMessageSource } from '../i18n/use-message-source.js';

/**
 * Shows any failure as a sentence in the member's language (issue 6: never a blank page
 * or a raw error), with the request id to quote when the server logged a bug.
 */
export function ErrorNotice({ error, title }: { error: unknown; title: string }) {
  const { t } = useTranslation();
  const text = errorText(error, useMessageSource());
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{title}</p>
      <p>{text.message}</p>
      {text.requestId ? (
        <p className="muted">{t('problems.requestId', { requestId: text.requestId })}</p>
      ) : null}
    </div>
  );
}
