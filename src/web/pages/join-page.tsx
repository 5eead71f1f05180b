import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { soviet } from '../api/soviet-api.js';
import { ActionError, useAction } from '../components/action.js';
import { orgPath } from '../router/match.js';
import type { Route } from '../router/route.js';
import { navigate } from '../router/use-route.js';
import { refreshSession, useSession } from '../session/session.js';
import { AccountFields } from './account-fields.js';

/**
 * `/join?org=<slug>&token=<token>`: the link an invitation gives. The person names
 * themself and creates their account (or joins with the one they are logged in with).
 */
export function JoinPage({ route }: { route: Route }) {
  const { t } = useTranslation();
  const uid = useId();
  const session = useSession();
  const loggedIn = session.kind === 'ready' && session.session.account !== null;
  const [org, setOrg] = useState(route.query.get('org') ?? '');
  const [token, setToken] = useState(route.query.get('token') ?? '');
  const [name, setName] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await action.run(async () => {
      const joined = await soviet.acceptInvitation(org.trim(), {
        token: token.trim(),
        name: name.trim(),
        ...(loggedIn ? {} : { account: { username: username.trim(), password } }),
      });
      api.resetCsrf();
      await refreshSession();
      navigate(orgPath(joined.org));
    });
  };
  return (
    <>
      <h1>{t('join.title')}</h1>
      <p className="lead">{t('join.lead')}</p>
      <form className="card form-narrow" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${uid}-org`}>{t('join.org')}</label>
          <input
            id={`${uid}-org`}
            value={org}
            autoCapitalize="none"
            spellCheck={false}
            onChange={(e) => setOrg(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-token`}>{t('join.token')}</label>
          <input
            id={`${uid}-token`}
            value={token}
            autoCapitalize="none"
            spellCheck={false}
            onChange={(e) => setToken(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-name`}>{t('join.name')}</label>
          <input
            id={`${uid}-name`}
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        {loggedIn ? null : (
          <AccountFields
            username={username}
            password={password}
            onUsername={setUsername}
            onPassword={setPassword}
          />
        )}
        <ActionError action={action} title={t('join.failed')} />
        <button type="submit" className="button" aria-disabled={action.busy}>
          {t('join.submit')}
        </button>
      </form>
    </>
  );
}
