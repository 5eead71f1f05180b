import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseBlt } from '../../counting/blt-format.js';
import { countElection } from '../../counting/count-election.js';
import { parsePreflib } from '../../counting/preflib-format.js';
import type { BallotProfile } from '../../counting/profile.js';
import { COUNT_METHODS, type CountMethod, type CountReport } from '../../counting/report.js';
import { CountView } from '../components/count-view/count-view.js';
import { ErrorNotice } from '../components/error-notice.js';
import { formatNumber } from '../i18n/format.js';
import { useLocale } from '../i18n/use-locale.js';

type Outcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'counting' }
  | { readonly kind: 'counted'; readonly profile: BallotProfile; readonly report: CountReport }
  | { readonly kind: 'failed'; readonly error: unknown };

const PREFLIB = /\.(soc|soi|toc|toi)$/i;

/** Reads a ballot file by its name: PrefLib for its extensions, `.blt` otherwise. */
export function readBallotFile(name: string, bytes: Uint8Array): BallotProfile {
  return PREFLIB.test(name) ? parsePreflib(bytes) : parseBlt(bytes);
}

/**
 * "Count a ballot file": the counting module, run in the browser on a file the member
 * chooses (nothing is uploaded), shown stage by stage. Errors in the file are reported
 * with their line, in the member's language.
 */
export function CountPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const uid = useId();
  const [file, setFile] = useState<File | null>(null);
  const [method, setMethod] = useState<'' | CountMethod>('');
  const [seats, setSeats] = useState('');
  const [seed, setSeed] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [needFile, setNeedFile] = useState(false);
  const [downloadUrl, setDownloadUrl] = useState<string | null>(null);

  useEffect(() => {
    if (outcome.kind !== 'counted') return;
    const blob = new Blob([JSON.stringify(outcome.report, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    setDownloadUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [outcome]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setNeedFile(true);
      return;
    }
    setNeedFile(false);
    setOutcome({ kind: 'counting' });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      // Let "Counting…" paint before the count takes the main thread.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const profile = readBallotFile(file.name, bytes);
      const report = countElection(profile, {
        ...(method ? { method } : {}),
        ...(seats.trim() ? { seats: Number(seats) } : {}),
        seed,
      });
      setOutcome({ kind: 'counted', profile, report });
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    }
  };

  const fmt = (n: number) => formatNumber(n, locale);
  return (
    <>
      <h1>{t('countPage.title')}</h1>
      <p className="lead">{t('countPage.lead')}</p>
      <form className="card" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${uid}-file`}>{t('countPage.file')}</label>
          <input
            id={`${uid}-file`}
            type="file"
            accept=".blt,.txt,.soc,.soi,.toc,.toi"
            aria-describedby={`${uid}-file-hint`}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
          <span id={`${uid}-file-hint`} className="field__hint">
            {t('countPage.fileHint')}
          </span>
        </div>
        <div className="fields">
          <div className="field">
            <label htmlFor={`${uid}-method`}>{t('countPage.method')}</label>
            <select
              id={`${uid}-method`}
              value={method}
              onChange={(event) => setMethod(event.target.value as '' | CountMethod)}
            >
              <option value="">{t('countPage.methodAuto')}</option>
              {COUNT_METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`count.methods.${m}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${uid}-seats`}>{t('countPage.seats')}</label>
            <input
              id={`${uid}-seats`}
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              value={seats}
              aria-describedby={`${uid}-seats-hint`}
              onChange={(event) => setSeats(event.target.value)}
            />
            <span id={`${uid}-seats-hint`} className="field__hint">
              {t('countPage.seatsHint')}
            </span>
          </div>
          <div className="field">
            <label htmlFor={`${uid}-seed`}>{t('countPage.seed')}</label>
            <input
              id={`${uid}-seed`}
              value={seed}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={`${uid}-seed-hint`}
              onChange={(event) => setSeed(event.target.value)}
            />
            <span id={`${uid}-seed-hint`} className="field__hint">
              {t('countPage.seedHint')}
            </span>
          </div>
        </div>
        {needFile ? (
          <p className="notice notice--error" role="alert">
            {t('countPage.chooseFile')}
          </p>
        ) : null}
        <button type="submit" className="button">
          {outcome.kind === 'counting' ? t('countPage.counting') : t('countPage.count')}
        </button>
      </form>

      <div aria-live="polite">
        {outcome.kind === 'counting' ? <p className="muted">{t('countPage.counting')}</p> : null}
        {outcome.kind === 'failed' ? (
          <ErrorNotice error={outcome.error} title={t('countPage.failed')} />
        ) : null}
        {outcome.kind === 'counted' ? (
          <p className="count-summary">
            {t('countPage.summary', {
              title: outcome.profile.title || t('countPage.untitled'),
              candidates: fmt(outcome.profile.candidates.length),
              ballots: fmt(outcome.report.ballots),
              seats: fmt(outcome.report.seats),
            })}
          </p>
        ) : null}
      </div>
      {outcome.kind === 'counted' ? (
        <>
          <CountView
            report={outcome.report}
            title={outcome.profile.title || t('countPage.untitled')}
          />
          {downloadUrl ? (
            <p>
              <a
                className="button button--secondary"
                href={downloadUrl}
                download={`${(file?.name ?? 'count').replace(/\.[^.]+$/, '')}-report.json`}
              >
                {t('countPage.download')}
              </a>
            </p>
          ) : null}
        </>
      ) : null}
    </>
  );
}
