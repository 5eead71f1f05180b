import { Fragment, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Discrepancy,
  DiscrepancyReason,
  RecountTally,
} from '../../../democracy/audit/index.js';
import { api } from '../../api/client.js';
import { errorText } from '../../api/error-text.js';
import { formatNumber } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import { useMessageSource } from '../../i18n/use-message-source.js';
import { ErrorNotice } from '../error-notice.js';
import { apiRecordSource } from './api-record-source.js';
import type { RecountPhase } from './recount-record.js';

type Status =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'working';
      readonly phase: RecountPhase;
      readonly done: number;
      readonly total: number;
    }
  | { readonly kind: 'clean'; readonly size: number; readonly tally: RecountTally }
  | { readonly kind: 'departs'; readonly discrepancy: Discrepancy }
  | { readonly kind: 'error'; readonly error: unknown };

/**
 * The record page's "Recount" (issue 14): once the checkpoint verifies with the key the
 * member trusts, the browser checks every entry of the log and recomputes every decision
 * of the system from the published ballots and the rules (recount-record.ts, loaded only
 * when asked: the rules and the counts are a part of the app of their own). It says
 * plainly whether every result matches, or names the first entry that does not.
 */
export function RecountPanel({ org, vkey }: { readonly org: string; readonly vkey: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const start = async () => {
    setStatus({ kind: 'working', phase: 'verifying', done: 0, total: 0 });
    try {
      const { recountRecord } = await import('./recount-record.js');
      const { size, result } = await recountRecord({
        org,
        vkey,
        source: apiRecordSource(api),
        onProgress: (phase, done, total) => setStatus({ kind: 'working', phase, done, total }),
      });
      setStatus(
        result.ok
          ? { kind: 'clean', size, tally: result.tally }
          : { kind: 'departs', discrepancy: result.discrepancy },
      );
    } catch (error) {
      setStatus({ kind: 'error', error });
    }
  };

  const working = status.kind === 'working';
  return (
    <section className="card recount" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('recount.title')}</h2>
      <p>{t('recount.lead')}</p>
      <button
        type="button"
        className="button"
        aria-disabled={working}
        onClick={() => {
          if (!working) void start();
        }}
      >
        {working
          ? t('recount.working')
          : status.kind === 'idle'
            ? t('recount.start')
            : t('recount.again')}
      </button>
      <div aria-live="polite">
        {status.kind === 'working' ? <Progress status={status} locale={locale} /> : null}
        {status.kind === 'clean' ? (
          <Clean size={status.size} tally={status.tally} locale={locale} />
        ) : null}
        {status.kind === 'departs' ? <Departs discrepancy={status.discrepancy} /> : null}
        {status.kind === 'error' ? (
          <ErrorNotice error={status.error} title={t('recount.failed')} />
        ) : null}
      </div>
    </section>
  );
}

function Progress({
  status,
  locale,
}: {
  status: Extract<Status, { kind: 'working' }>;
  locale: string;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  const text = t(status.phase === 'verifying' ? 'recount.verifying' : 'recount.recounting', {
    done: formatNumber(status.done, locale),
    total: formatNumber(status.total, locale),
  });
  return (
    <div className="recount__progress">
      <p id={labelId}>{text}</p>
      {status.total > 0 ? (
        <progress aria-labelledby={labelId} value={status.done} max={status.total} />
      ) : null}
    </div>
  );
}

function Clean({ size, tally, locale }: { size: number; tally: RecountTally; locale: string }) {
  const { t } = useTranslation();
  const rows: [string, number][] = [
    [t('recount.entries'), size],
    [t('recount.decisions'), tally.decisions],
    [t('recount.acts'), tally.acts],
    [t('recount.elections'), tally.elections],
    [t('recount.motions'), tally.motions],
    [t('recount.recallVotes'), tally.recallVotes],
    [t('recount.budgetRounds'), tally.budgetRounds],
    [t('recount.mandates'), tally.mandates],
    [t('recount.payments'), tally.payments],
  ];
  return (
    <div className="notice notice--ok" role="status">
      <p className="notice__title">
        <span aria-hidden="true">✓ </span>
        {t('recount.clean')}
      </p>
      <p>{t('recount.cleanText')}</p>
      <dl className="dl">
        {rows.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{formatNumber(value, locale)}</dd>
          </Fragment>
        ))}
      </dl>
    </div>
  );
}

function Departs({ discrepancy: d }: { discrepancy: Discrepancy }) {
  const { t } = useTranslation();
  const messages = useMessageSource();
  const subject =
    d.about.kind === 'organisation'
      ? t('recount.about.organisation')
      : t(`recount.about.${d.about.kind}`, { id: d.about.id });
  const where = d.about.boxId ? t('recount.inBox', { subject, box: d.about.boxId }) : subject;
  // The rules' refusal, in the member's language when its sentence is translated.
  const refusal = d.refusal
    ? errorText(Object.assign(new Error(d.refusal.message), d.refusal), messages).message
    : '';
  const entry = d.type === 'end of the log' ? t('recount.end') : d.type;
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{t('recount.departs')}</p>
      <p>
        {t('recount.entry', { seq: d.seq, type: entry, subject: where })}{' '}
        {t(`recount.reason.${REASON_KEYS[d.reason]}`, {
          what: d.what,
          recorded: d.recorded,
          recounted: d.recounted,
          refusal,
        })}
      </p>
      <p className="muted">{t('recount.departsHelp')}</p>
    </div>
  );
}

/** The sentence of each reason (recount.reason.* in the locales). */
const REASON_KEYS = {
  differs: 'differs',
  'another-event': 'anotherEvent',
  unexplained: 'unexplained',
  missing: 'missing',
  refused: 'refused',
  published: 'published',
  cast: 'cast',
  roll: 'roll',
  'no-box': 'noBox',
  seed: 'seed',
  unfinished: 'unfinished',
  unreadable: 'unreadable',
} as const satisfies Record<DiscrepancyReason, string>;
