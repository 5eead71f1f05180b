import { useTranslation } from 'react-i18next';
import { Link } from '../router/link.js';
import { hrefOf } from '../router/route.js';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link href={hrefOf('/')}>{t('notFound.home')}</Link>
      </p>
    </>
  );
}
