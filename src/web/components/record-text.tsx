import { useTranslation } from 'react-i18next';

/**
 * A text box whose words go on the organisation's record as written (a motion, an
 * amendment, a recall's reason), saying so before it is submitted: the decision record
 * is in clear for everyone who may read it (docs/design/rules.md, "Members' privacy").
 */
export function RecordText({
  id,
  rows,
  value,
  onChange,
}: {
  id: string;
  rows: number;
  value: string;
  onChange: (text: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <textarea
        id={id}
        rows={rows}
        aria-describedby={`${id}-hint`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <span id={`${id}-hint`} className="field__hint">
        {t('privacy.onRecord')}
      </span>
    </>
  );
}
