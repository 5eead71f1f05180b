import { useTranslation } from 'react-i18next';
import type { ActionState } from '../../components/action.js';

/** Yes / no / abstain (or recall / keep / abstain): one button per choice, named by it. */
export function VoteButtons<C extends string>({
  choices,
  label,
  action,
  onVote,
  labelOf,
}: {
  choices: readonly C[];
  label: string;
  action: ActionState;
  onVote: (choice: C) => Promise<unknown>;
  labelOf: (choice: C) => string;
}) {
  const { t } = useTranslation();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of buttons, not a form field set.
    <div className="button-row" role="group" aria-label={label}>
      {choices.map((c) => (
        <button
          key={c}
          type="button"
          className="button button--secondary"
          aria-disabled={action.busy}
          onClick={() => {
            if (!action.busy) void action.run(() => onVote(c));
          }}
        >
          {t('vote.cast', { choice: labelOf(c) })}
        </button>
      ))}
    </div>
  );
}
