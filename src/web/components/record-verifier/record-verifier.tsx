import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toBase64 } from '../../../record/bytes.js';
import { api } from '../../api/client.js';
import { formatDateTime, formatNumber } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import { ErrorNotice } from '../error-notice.js';
import { apiRecordSource } from './api-record-source.js';
import { RecountPanel } from './recount-panel.js';
import { loadRemembered, saveRemembered } from './remembered.js';
import { type RecordVerification, verifyRecord } from './verify-record.js';
import './record-verifier.css';

export interface RecordVerifierProps {
  readonly initialOrg?: string;
  readonly initialVkey?: string;
}

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working' }
  | {
      readonly kind: 'done';
      readonly result: RecordVerification;
      readonly org: string;
      readonly vkey: string;
    }
  | { readonly kind: 'error'; readonly error: unknown };

/**
 * The record page's verifier: the member names the organisation and the key they trust;
 * the browser verifies the checkpoint, the log's growth since the last visit and the
 * latest events' inclusion, and says plainly whether the record is verified. Once it is,
 * the member may recount every decision on it (recount-panel.tsx).
 */
export function RecordVerifier({ initialOrg = '', initialVkey = '' }: RecordVerifierProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const uid = useId();
  const [org, setOrg] = useState(initialOrg);
  const [vkey, setVkey] = useState(initialVkey || loadRemembered(initialOrg)?.vkey || '');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [keyChanged, setKeyChanged] = useState(false);
  const [missing, setMissing] = useState(false);

  const run = useCallback(async (orgName: string, key: string) => {
    const slug = orgName.trim();
    if (!slug || !key.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const remembered = loadRemembered(slug);
    setKeyChanged(remembered !== undefined && remembered.vkey !== key.trim());
    setStatus({ kind: 'working' });
    try {
      const result = await verifyRecord({
        org: slug,
        vkey: key,
        source: apiRecordSource(api),
        previous: remembered,
        now: Date.now(),
      });
      if (result.remember) saveRemembered(slug, result.remember);
      setStatus({ kind: 'done', result, org: slug, vkey: key.trim() });
    } catch (error) {
      setStatus({ kind: 'error', error });
    }
  }, []);

  const autoRan = useRef(false);
  useEffect(() => {
    if (autoRan.current || !initialOrg || !(initialVkey || loadRemembered(initialOrg))) return;
    autoRan.current = true;
    void run(initialOrg, initialVkey || loadRemembered(initialOrg)?.vkey || '');
  }, [initialOrg, initialVkey, run]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(org, vkey);
  };

  return (
    <div className="verifier">
      <form className="card" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${uid}-org`}>{t('record.org')}</label>
          <input
            id={`${uid}-org`}
            name="org"
            value={org}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            aria-describedby={`${uid}-org-hint`}
            onChange={(event) => {
              setOrg(event.target.value);
              const remembered = loadRemembered(event.target.value.trim());
              if (remembered && !vkey) setVkey(remembered.vkey);
            }}
          />
          <span id={`${uid}-org-hint`} className="field__hint">
            {t('record.orgHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${uid}-vkey`}>{t('record.vkey')}</label>
          <textarea
            id={`${uid}-vkey`}
            name="vkey"
            rows={2}
            value={vkey}
            spellCheck={false}
            aria-describedby={`${uid}-vkey-hint`}
            onChange={(event) => setVkey(event.target.value)}
          />
          <span id={`${uid}-vkey-hint`} className="field__hint">
            {t('record.vkeyHint')}
          </span>
        </div>
        {missing ? (
          <p className="notice notice--error" role="alert">
            {t('record.needBoth')}
          </p>
        ) : null}
        <button type="submit" className="button" aria-disabled={status.kind === 'working'}>
          {status.kind === 'working' ? t('record.verifying') : t('record.verify')}
        </button>
      </form>

      <div aria-live="polite">
        {keyChanged && status.kind !== 'working' ? (
          <div className="notice notice--error" role="alert">
            <p>{t('record.keyChanged', { org: org.trim() })}</p>
          </div>
        ) : null}
        {status.kind === 'working' ? <p className="muted">{t('record.verifying')}</p> : null}
        {status.kind === 'error' ? (
          <ErrorNotice error={status.error} title={t('record.failed')} />
        ) : null}
        {status.kind === 'done' ? <Result {...status} locale={locale} /> : null}
      </div>
    </div>
  );
}

function Result({
  result,
  org,
  vkey,
  locale,
}: {
  result: RecordVerification;
  org: string;
  vkey: string;
  locale: string;
}) {
  const { t } = useTranslation();
  const { checkpoint, consistency } = result;
  const failures = result.events.filter((e) => !e.inclusion.ok);
  return (
    <div className="stack">
      {result.ok ? (
        <div className="notice notice--ok" role="status">
          <p className="notice__title">
            <span aria-hidden="true">✓ </span>
            {t('record.verified')}
          </p>
          <p>
            {result.events.length === 0
              ? t('record.verifiedEmpty')
              : t('record.verifiedText', { count: result.events.length })}
          </p>
        </div>
      ) : (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">{t('record.failed')}</p>
          {consistency.kind === 'failed' ? (
            <p>
              {t('record.consistencyFailed', {
                date: formatDateTime(consistency.previous.seenAt, locale),
                from: formatNumber(consistency.previous.size, locale),
                reason: consistency.reason,
              })}
            </p>
          ) : null}
          {failures.map((e) => (
            <p key={e.index}>
              {t('record.proofFailedText', {
                seq: e.index,
                reason: e.inclusion.ok ? '' : e.inclusion.reason,
              })}
            </p>
          ))}
        </div>
      )}

      <section className="card">
        <h2>{t('record.checkpoint')}</h2>
        <dl className="dl">
          <dt>{t('record.origin')}</dt>
          <dd className="mono">{checkpoint.origin}</dd>
          <dt>{t('record.size')}</dt>
          <dd>{formatNumber(checkpoint.size, locale)}</dd>
          <dt>{t('record.rootHash')}</dt>
          <dd className="mono">{toBase64(checkpoint.rootHash)}</dd>
          <dt>{t('record.keyId')}</dt>
          <dd className="mono">{result.keyId.toString(16).padStart(8, '0')}</dd>
          <dt>{t('record.signature')}</dt>
          <dd>
            <span className="badge badge--ok">✓ {t('record.signatureOk')}</span>
          </dd>
        </dl>
        <h3>{t('record.consistency')}</h3>
        <p>
          {consistency.kind === 'first'
            ? t('record.consistencyFirst')
            : consistency.kind === 'same'
              ? t('record.consistencySame', {
                  date: formatDateTime(consistency.previous.seenAt, locale),
                })
              : consistency.kind === 'grown'
                ? t('record.consistencyOk', {
                    date: formatDateTime(consistency.previous.seenAt, locale),
                    from: formatNumber(consistency.previous.size, locale),
                    to: formatNumber(checkpoint.size, locale),
                  })
                : t('record.consistencyFailed', {
                    date: formatDateTime(consistency.previous.seenAt, locale),
                    from: formatNumber(consistency.previous.size, locale),
                    reason: consistency.reason,
                  })}
        </p>
      </section>

      {result.ok && result.checkpoint.size > 0 ? <RecountPanel org={org} vkey={vkey} /> : null}

      {result.events.length > 0 ? (
        <section>
          <h2>{t('record.events')}</h2>
          <p className="muted">{t('record.eventsHelp')}</p>
          <ol className="events-list" reversed>
            {result.events.map((event) => (
              <li key={event.index} className="card event-card">
                <div className="event-card__head">
                  <span className="event-card__title">
                    {t('record.event', { seq: event.index })}
                    {event.envelope ? (
                      <>
                        {' · '}
                        <code>{event.envelope.type}</code>
                      </>
                    ) : null}
                  </span>
                  {event.inclusion.ok ? (
                    <span className="badge badge--ok">✓ {t('record.inLog')}</span>
                  ) : (
                    <span className="badge badge--bad">✗ {t('record.proofFailed')}</span>
                  )}
                </div>
                {event.envelope ? (
                  <>
                    <p className="event-card__meta">
                      <time dateTime={event.envelope.time}>
                        {formatDateTime(event.envelope.time, locale)}
                      </time>
                      {' · '}
                      {t('record.actorIs', {
                        actor:
                          event.envelope.actor === 'system'
                            ? t('record.system')
                            : event.envelope.actor,
                      })}
                    </p>
                    <details>
                      <summary>{t('record.data')}</summary>
                      <pre className="event-card__data">
                        {JSON.stringify(event.envelope.data, null, 2)}
                      </pre>
                    </details>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
