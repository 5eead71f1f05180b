import { useTranslation } from 'react-i18next';
import { soviet } from '../../api/soviet-api.js';
import { useResource } from '../../api/use-resource.js';
import { PageState } from '../../components/page-state.js';
import { RecordVerifier } from '../../components/record-verifier/record-verifier.js';
import { loadRemembered } from '../../components/record-verifier/remembered.js';
import { Link } from '../../router/link.js';
import { orgPath } from '../../router/match.js';

/**
 * `/orgs/<slug>/record`: the organisation's record, verified in this browser. The key is
 * taken from the server on first use (trust on first use) and pinned by the verifier once
 * it verifies; on later visits the pinned key is used and compared with the one the
 * server now publishes, so that a swapped key is noticed. A member may paste a key they
 * got elsewhere (a printed notice, another member) instead.
 */
export function OrgRecordPage({ org }: { org: string }) {
  const { t } = useTranslation();
  const record = useResource(() => soviet.record(org, 0, 1), [org]);
  return (
    <PageState resource={record} title={t('record.title')}>
      {(r) => {
        const pinned = loadRemembered(org)?.vkey;
        return (
          <>
            <nav aria-label={t('council.path')} className="crumbs">
              <Link href={orgPath(org)}>{org}</Link>
            </nav>
            <h1>{t('orgRecord.title')}</h1>
            <p className="lead">{t('orgRecord.lead')}</p>
            <section className="card">
              <h2>{t('orgRecord.keyTitle')}</h2>
              <p>{t('orgRecord.served')}</p>
              <p className="mono wrap">{r.vkey}</p>
              {pinned === undefined ? (
                <p className="muted">{t('orgRecord.firstUse')}</p>
              ) : pinned === r.vkey ? (
                <p className="badge badge--ok">✓ {t('orgRecord.matchesPinned')}</p>
              ) : (
                <div className="notice notice--error" role="alert">
                  <p className="notice__title">{t('orgRecord.differs')}</p>
                  <p className="mono wrap">{pinned}</p>
                </div>
              )}
            </section>
            <RecordVerifier initialOrg={org} initialVkey={pinned ?? r.vkey} />
          </>
        );
      }}
    </PageState>
  );
}
