import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { soviet } from '../../api/soviet-api.js';
import { ActionError, useAction } from '../../components/action.js';

/**
 * A member's own choice to show their name to people outside the organisation (names by
 * role, docs/design/rules.md): off by default, because an employer wants nothing more
 * than a membership list. Officials' names are shown whatever this says.
 */
export function NameVisibility({ org }: { org: string }) {
  const { t } = useTranslation();
  const uid = useId();
  const [shown, setShown] = useState<boolean | null>(null);
  const choose = useAction();
  useEffect(() => {
    let live = true;
    soviet.nameVisibility(org).then(
      (answer) => live && setShown(answer.public),
      () => live && setShown(false),
    );
    return () => {
      live = false;
    };
  }, [org]);
  return (
    <div className="field field--check">
      <input
        id={`${uid}-v`}
        type="checkbox"
        checked={shown === true}
        disabled={shown === null}
        aria-describedby={`${uid}-v-hint`}
        onChange={(e) => {
          const next = e.target.checked;
          void choose.run(async () =>
            setShown((await soviet.chooseNameVisibility(org, next)).public),
          );
        }}
      />
      <div>
        <label htmlFor={`${uid}-v`}>{t('privacy.showName')}</label>
        <p id={`${uid}-v-hint`} className="field__hint">
          {t('privacy.showNameHint')}
        </p>
        <ActionError action={choose} />
      </div>
    </div>
  );
}
