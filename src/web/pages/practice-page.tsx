import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countElection } from '../../counting/count-election.js';
import { profileFromBallots } from '../../counting/profile-from-ballots.js';
import type { CountReport } from '../../counting/report.js';
import { CountView } from '../components/count-view/count-view.js';
import { ErrorNotice } from '../components/error-notice.js';
import { type BallotCandidate, RankedBallot } from '../components/ranked-ballot/ranked-ballot.js';
import { formatList } from '../i18n/format.js';
import { useLocale } from '../i18n/use-locale.js';

/** The practice election's candidates: invented people, named the same in every language. */
export const PRACTICE_CANDIDATES: readonly BallotCandidate[] = [
  { id: 'amara', name: 'Amara Okafor' },
  { id: 'bruno', name: 'Bruno Silva' },
  { id: 'chen', name: 'Chen Wei' },
  { id: 'dana', name: 'Dana Novak' },
  { id: 'elif', name: 'Elif Yılmaz' },
];

const RANDOM_BATCH = 25;

/** A random ranking of some of the candidates, skewed so that counts have a story. */
function randomRanking(): string[] {
  const pool = PRACTICE_CANDIDATES.map((c, i) => ({ id: c.id, key: Math.random() * (i + 2) }));
  pool.sort((a, b) => a.key - b.key);
  const length = 1 + Math.floor(Math.random() * pool.length);
  return pool.slice(0, length).map((c) => c.id);
}

/**
 * "Practise voting": the ranked ballot widget on an invented election, a practice ballot
 * box, and the count of what is in it, all in the browser. It teaches how a ranked
 * ballot and a transferable-vote count work before a member meets a real one.
 */
export function PracticePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const uid = useId();
  const [ranking, setRanking] = useState<readonly string[]>([]);
  const [box, setBox] = useState<readonly (readonly string[])[]>([]);
  const [seats, setSeats] = useState(2);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [report, setReport] = useState<CountReport | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [ballotKey, setBallotKey] = useState(0);
  const nameOf = (id: string) => PRACTICE_CANDIDATES.find((c) => c.id === id)?.name ?? id;

  const cast = () => {
    if (ranking.length === 0) {
      setMessage({ kind: 'error', text: t('practice.emptyBallot') });
      return;
    }
    setBox([...box, ranking]);
    setMessage({
      kind: 'ok',
      text: t('practice.castDone', { ranking: formatList(ranking.map(nameOf), locale) }),
    });
    setRanking([]);
    setBallotKey(ballotKey + 1);
    setReport(null);
  };

  const count = () => {
    setFailure(null);
    try {
      const profile = profileFromBallots({
        candidates: PRACTICE_CANDIDATES.map((c) => ({ id: c.id, name: c.name })),
        ballots: box,
        seats,
        title: t('practice.ballotTitle'),
      });
      setReport(countElection(profile, { seats, seed: 'practice' }));
    } catch (error) {
      setReport(null);
      setFailure(error);
    }
  };

  return (
    <>
      <h1>{t('practice.title')}</h1>
      <p className="lead">{t('practice.lead')}</p>
      <RankedBallot
        key={ballotKey}
        title={t('practice.ballotTitle')}
        candidates={PRACTICE_CANDIDATES}
        onChange={setRanking}
      />
      <div className="button-row">
        <button type="button" className="button" onClick={cast}>
          {t('practice.cast')}
        </button>
      </div>
      <div aria-live="polite" className="practice__message">
        {message ? (
          <p className={`notice ${message.kind === 'ok' ? 'notice--ok' : 'notice--error'}`}>
            {message.text}
          </p>
        ) : null}
      </div>

      <section className="card" aria-labelledby={`${uid}-box`}>
        <h2 id={`${uid}-box`}>{t('practice.boxTitle')}</h2>
        <p>
          {box.length === 0
            ? t('practice.boxEmpty')
            : t('practice.boxCount', { count: box.length })}
        </p>
        <div className="button-row">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setBox([...box, ...Array.from({ length: RANDOM_BATCH }, randomRanking)]);
              setReport(null);
            }}
          >
            {t('practice.fillRandom', { count: RANDOM_BATCH })}
          </button>
          {box.length > 0 ? (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                setBox([]);
                setReport(null);
              }}
            >
              {t('practice.emptyBox')}
            </button>
          ) : null}
        </div>
        {box.length > 0 ? (
          <div className="practice__count">
            <div className="field">
              <label htmlFor={`${uid}-seats`}>{t('practice.seats')}</label>
              <select
                id={`${uid}-seats`}
                value={seats}
                onChange={(event) => setSeats(Number(event.target.value))}
              >
                {[1, 2, 3].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="button" onClick={count}>
              {t('practice.countBox')}
            </button>
          </div>
        ) : null}
      </section>
      {failure ? <ErrorNotice error={failure} title={t('countPage.failed')} /> : null}
      {report ? <CountView report={report} title={t('practice.ballotTitle')} /> : null}
    </>
  );
}
