import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { soviet } from '../api/soviet-api.js';
import { ActionError, useAction } from '../components/action.js';
import { orgPath } from '../router/match.js';
import type { Route } from '../router/route.js';
import { navigate } from '../router/use-route.js';
import { setSession } from '../session/session.js';

/** `/login?next=<path>`: log in with a username and password. */
export function LoginPage({ route }: { route: Route }) {
  const { t } = useTranslation();
  const uid = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await action.run(async () => {
      const session = await soviet.login(username.trim(), password);
      api.resetCsrf();
      setSession(session);
      const next = route.query.get('next');
      const only = session.memberships.length === 1 ? session.memberships[0] : undefined;
      // Only paths of this app: never an address elsewhere (an open redirect).
      navigate(
        next?.startsWith('/') && !next.startsWith('//') ? next : only ? orgPath(only.org) : '/',
      );
    });
  };
  return (
    <>
      <h1>{t('login.title')}</h1>
      <form className="card form-narrow" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${uid}-u`}>{t('account.username')}</label>
          <input
            id={`${uid}-u`}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-p`}>{t('account.password')}</label>
          <input
            id={`${uid}-p`}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <ActionError action={action} title={t('login.failed')} />
        <button type="submit" className="button" aria-disabled={action.busy}>
          {t('login.submit')}
        </button>
        <p className="muted">{t('login.noAccount')}</p>
      </form>
    </>
  );
}
