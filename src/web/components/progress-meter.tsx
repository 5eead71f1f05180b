import { useId } from 'react';
import { formatNumber } from '../i18n/format.js';
import { useLocale } from '../i18n/use-locale.js';

/**
 * Progress towards a threshold (signatures on a recall petition, turnout against the
 * quorum): a native `<progress>` named by its label, with the figures in words beside it.
 */
export function ProgressMeter({
  label,
  value,
  max,
  text,
}: {
  label: string;
  value: number;
  max: number;
  text: string;
}) {
  const id = useId();
  const locale = useLocale();
  return (
    <div className="meter">
      <div className="meter__head">
        <span id={id} className="meter__label">
          {label}
        </span>
        <span className="meter__figures">
          {formatNumber(value, locale)} / {formatNumber(max, locale)}
        </span>
      </div>
      <progress className="meter__bar" aria-labelledby={id} value={Math.min(value, max)} max={max}>
        {text}
      </progress>
      <p className="meter__text">{text}</p>
    </div>
  );
}
