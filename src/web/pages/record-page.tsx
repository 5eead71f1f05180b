import { useTranslation } from 'react-i18next';
import { RecordVerifier } from '../components/record-verifier/record-verifier.js';
import type { Route } from '../router/route.js';

/** `/record?org=<slug>&vkey=<key>`: verify an organisation's record in the browser. */
export function RecordPage({ route }: { route: Route }) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('record.title')}</h1>
      <p className="lead">{t('record.lead')}</p>
      <RecordVerifier
        initialOrg={route.query.get('org') ?? ''}
        initialVkey={route.query.get('vkey') ?? ''}
      />
    </>
  );
}
