import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { soviet } from '../api/soviet-api.js';
import { ActionButton, ActionError, useAction } from '../components/action.js';
import { navigate } from '../router/use-route.js';
import { refreshSession } from '../session/session.js';

/**
 * A person's rights on `/account` (docs/design/rules.md, "A person's rights"): download
 * everything the instance holds about me (GDPR arts. 15 and 20), and erase it (art. 17),
 * confirmed by my password and a second, explicit choice.
 */
export function PrivacySection() {
  const { t } = useTranslation();
  const uid = useId();
  const download = useAction();
  const erase = useAction();
  const [password, setPassword] = useState('');
  const [sure, setSure] = useState(false);

  const save = async () => {
    const data = await soviet.personalData();
    const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'soviet-personal-data.json';
    document.body.append(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!sure) return;
    const ok = await erase.run(async () => {
      await soviet.eraseAccount(password);
      api.resetCsrf();
      await refreshSession();
    });
    if (ok) navigate('/');
  };

  return (
    <section className="card" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('privacy.title')}</h2>
      <p>{t('privacy.lead')}</p>
      <ActionError action={download} />
      <ActionButton action={download} kind="secondary" onRun={save}>
        {t('privacy.download')}
      </ActionButton>
      <form className="form-narrow privacy-erase" onSubmit={submit} noValidate>
        <h3>{t('privacy.eraseTitle')}</h3>
        <p>{t('privacy.eraseHelp')}</p>
        <div className="field">
          <label htmlFor={`${uid}-p`}>{t('privacy.password')}</label>
          <input
            id={`${uid}-p`}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <div className="field field--check">
          <input
            id={`${uid}-s`}
            type="checkbox"
            checked={sure}
            onChange={(e) => setSure(e.target.checked)}
          />
          <label htmlFor={`${uid}-s`}>{t('privacy.eraseConfirm')}</label>
        </div>
        <ActionError action={erase} />
        <button
          type="submit"
          className="button"
          aria-disabled={erase.busy || !sure || password === ''}
        >
          {t('privacy.erase')}
        </button>
      </form>
    </section>
  );
}
