import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { soviet } from '../api/soviet-api.js';
import { ActionButton, ActionError, useAction } from '../components/action.js';
import { When } from '../components/deadline.js';
import { Link } from '../router/link.js';
import { orgPath } from '../router/match.js';
import { hrefOf } from '../router/route.js';
import { navigate } from '../router/use-route.js';
import { refreshSession, useSession } from '../session/session.js';
import { PrivacySection } from './account-privacy.js';

/**
 * `/account`: my organisations, changing the password, logging out here or everywhere,
 * and my personal data (download, erase).
 */
export function AccountPage() {
  const { t } = useTranslation();
  const session = useSession();
  const uid = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [changed, setChanged] = useState(false);
  const change = useAction();
  const everywhere = useAction();

  if (session.kind !== 'ready' || !session.session.account) {
    return (
      <>
        <h1>{t('account.title')}</h1>
        <p>
          <Link href={hrefOf('/login', { next: '/account' })}>{t('login.title')}</Link>
        </p>
      </>
    );
  }
  const { account, memberships, notices } = session.session;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChanged(false);
    const ok = await change.run(async () => {
      await soviet.changePassword(current, next);
      api.resetCsrf();
      await refreshSession();
    });
    if (ok) {
      setChanged(true);
      setCurrent('');
      setNext('');
    }
  };
  return (
    <>
      <h1>{t('account.title')}</h1>
      <p className="lead">{t('account.loggedInAs', { username: account.username })}</p>
      {notices.map((n) => (
        <div key={n.id} className="notice notice--error" role="alert">
          <p>
            {t('account.failedLogins', { count: n.data.count })} <When at={n.data.lastAt} />
          </p>
        </div>
      ))}
      <section className="card">
        <h2>{t('account.organisations')}</h2>
        {memberships.length === 0 ? (
          <p>{t('account.noOrganisations')}</p>
        ) : (
          <ul>
            {memberships.map((m) => (
              <li key={m.org}>
                <Link href={orgPath(m.org)}>{m.org}</Link>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href="/found">{t('found.title')}</Link>
        </p>
      </section>
      <form className="card form-narrow" onSubmit={submit} noValidate>
        <h2>{t('account.changePassword')}</h2>
        <div className="field">
          <label htmlFor={`${uid}-c`}>{t('account.currentPassword')}</label>
          <input
            id={`${uid}-c`}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-n`}>{t('account.newPassword')}</label>
          <input
            id={`${uid}-n`}
            type="password"
            autoComplete="new-password"
            aria-describedby={`${uid}-n-hint`}
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
          <span id={`${uid}-n-hint`} className="field__hint">
            {t('account.passwordHint')}
          </span>
        </div>
        <ActionError action={change} />
        <p role="status">{changed ? t('account.passwordChanged') : ''}</p>
        <button type="submit" className="button" aria-disabled={change.busy}>
          {t('account.changePassword')}
        </button>
      </form>
      <section className="card">
        <h2>{t('account.sessions')}</h2>
        <p>{t('account.everywhereHelp')}</p>
        <ActionError action={everywhere} />
        <ActionButton
          action={everywhere}
          kind="secondary"
          onRun={async () => {
            await soviet.logoutEverywhere();
            api.resetCsrf();
            await refreshSession();
            navigate('/');
          }}
        >
          {t('account.logoutEverywhere')}
        </ActionButton>
      </section>
      <PrivacySection />
    </>
  );
}
