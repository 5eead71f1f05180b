import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { soviet } from '../api/soviet-api.js';
import { Link } from '../router/link.js';
import { orgPath } from '../router/match.js';
import { hrefOf } from '../router/route.js';
import { navigate } from '../router/use-route.js';
import { refreshSession, useSession } from '../session/session.js';

/**
 * The header's account links: "Log in" for a visitor; for a member their
 * organisations, their account, and "Log out".
 */
export function SessionLinks() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.kind !== 'ready') return null;
  const { account, memberships } = session.session;
  if (!account) {
    return (
      <li>
        <Link className="nav__link" href={hrefOf('/login')}>
          {t('nav.login')}
        </Link>
      </li>
    );
  }
  const logout = async () => {
    try {
      await soviet.logout();
    } finally {
      api.resetCsrf();
      await refreshSession();
      navigate('/');
    }
  };
  return (
    <>
      {memberships.map((m) => (
        <li key={m.org}>
          <Link className="nav__link nav__link--org" href={orgPath(m.org)}>
            {m.org}
          </Link>
        </li>
      ))}
      <li>
        <Link className="nav__link" href={hrefOf('/account')}>
          {account.username}
        </Link>
      </li>
      <li>
        <button type="button" className="nav__link nav__button" onClick={() => void logout()}>
          {t('nav.logout')}
        </button>
      </li>
    </>
  );
}
