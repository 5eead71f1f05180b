import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resource } from '../api/use-resource.js';
import { ErrorNotice } from './error-notice.js';

/**
 * A page's data, or what stands in for it: "Loading…" while it comes, the reason in the
 * member's language when it cannot (never a blank page).
 */
export function PageState<T>({
  resource,
  title,
  children,
}: {
  resource: Resource<T>;
  title: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (resource.kind === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (resource.kind === 'failed')
    return (
      <>
        <h1>{title}</h1>
        <ErrorNotice error={resource.error} title={t('common.cannotShow')} />
      </>
    );
  return <>{children(resource.data)}</>;
}
