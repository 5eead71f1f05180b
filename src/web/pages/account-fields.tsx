import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The new account's username and password (founding, accepting an invitation). */
export function AccountFields({
  username,
  password,
  onUsername,
  onPassword,
}: {
  username: string;
  password: string;
  onUsername: (value: string) => void;
  onPassword: (value: string) => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  return (
    <fieldset className="fieldset">
      <legend>{t('account.newAccount')}</legend>
      <div className="field">
        <label htmlFor={`${uid}-u`}>{t('account.username')}</label>
        <input
          id={`${uid}-u`}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          aria-describedby={`${uid}-u-hint`}
          value={username}
          onChange={(e) => onUsername(e.target.value)}
        />
        <span id={`${uid}-u-hint`} className="field__hint">
          {t('account.usernameHint')}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${uid}-p`}>{t('account.password')}</label>
        <input
          id={`${uid}-p`}
          type="password"
          autoComplete="new-password"
          aria-describedby={`${uid}-p-hint`}
          value={password}
          onChange={(e) => onPassword(e.target.value)}
        />
        <span id={`${uid}-p-hint`} className="field__hint">
          {t('account.passwordHint')}
        </span>
      </div>
    </fieldset>
  );
}
