import { type ReactNode, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from './error-notice.js';

export interface ActionState {
  readonly busy: boolean;
  readonly error: unknown;
  /** Runs `work`, recording its failure (shown by `<ActionError>`); resolves true on success. */
  readonly run: (work: () => Promise<unknown>) => Promise<boolean>;
  readonly clear: () => void;
}

/**
 * One action a member takes (a command to the API): it is busy while it runs, so a
 * double click does not send it twice, and its refusal is kept to be shown beside the
 * control, in the member's language (issue 6: a clear message for every refusal).
 */
export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const run = useCallback(async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      return true;
    } catch (failure) {
      setError(failure ?? new Error('failed'));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, clear: () => setError(undefined) };
}

/** The refusal of an action, if any. */
export function ActionError({ action, title }: { action: ActionState; title?: string }) {
  const { t } = useTranslation();
  return action.error === undefined ? null : (
    <ErrorNotice error={action.error} title={title ?? t('common.refused')} />
  );
}

/** A button that runs an action; disabled for the moment it runs. */
export function ActionButton({
  action,
  onRun,
  children,
  kind = 'primary',
}: {
  action: ActionState;
  onRun: () => Promise<unknown>;
  children: ReactNode;
  kind?: 'primary' | 'secondary';
}) {
  return (
    <button
      type="button"
      className={kind === 'primary' ? 'button' : 'button button--secondary'}
      aria-disabled={action.busy}
      onClick={() => {
        if (!action.busy) void action.run(onRun);
      }}
    >
      {children}
    </button>
  );
}
