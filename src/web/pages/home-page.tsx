import { useTranslation } from 'react-i18next';
import { Link } from '../router/link.js';
import { hrefOf } from '../router/route.js';

/** The landing page: what Soviet is, in a few sentences, and the tools to try now. */
export function HomePage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      <div className="grid grid--3">
        <section className="card">
          <h2>{t('home.councilsTitle')}</h2>
          <p>{t('home.councils')}</p>
        </section>
        <section className="card">
          <h2>{t('home.recallTitle')}</h2>
          <p>{t('home.recall')}</p>
        </section>
        <section className="card">
          <h2>{t('home.recordTitle')}</h2>
          <p>{t('home.record')}</p>
        </section>
      </div>
      <section className="card">
        <h2>{t('home.startTitle')}</h2>
        <p>{t('home.startText')}</p>
        <div className="button-row">
          <Link className="button" href={hrefOf('/found')}>
            {t('found.title')}
          </Link>
          <Link className="button button--secondary" href={hrefOf('/join')}>
            {t('join.title')}
          </Link>
        </div>
      </section>
      <section className="card card--accent">
        <h2>{t('home.tryTitle')}</h2>
        <p>{t('home.tryLead')}</p>
        <ul className="try-list">
          <li>
            <Link href={hrefOf('/practice')}>{t('home.tryPractice')}</Link>:{' '}
            {t('home.tryPracticeText')}
          </li>
          <li>
            <Link href={hrefOf('/count')}>{t('home.tryCount')}</Link>: {t('home.tryCountText')}
          </li>
          <li>
            <Link href={hrefOf('/record')}>{t('home.tryRecord')}</Link>: {t('home.tryRecordText')}
          </li>
        </ul>
      </section>
      <section>
        <h2>{t('home.countingTitle')}</h2>
        <p className="readable">{t('home.counting')}</p>
      </section>
    </>
  );
}
