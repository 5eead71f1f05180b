import { type FormEvent, lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ElectionView,
  type MemberBallot,
  type MemberRef,
  type ReceiptCheck,
  soviet,
} from '../../api/soviet-api.js';
import { useResource } from '../../api/use-resource.js';
import { ActionButton, ActionError, useAction } from '../../components/action.js';
import { Deadline } from '../../components/deadline.js';
import { PageState } from '../../components/page-state.js';
import { RankedBallot } from '../../components/ranked-ballot/ranked-ballot.js';
import { loadReceipts, ReceiptPanel, saveReceipt } from '../../components/receipt-panel.js';
import { formatList } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import { Link } from '../../router/link.js';
import { orgPath } from '../../router/match.js';
import { names, personName, seatLabel } from './labels.js';
import { BoxPanel } from './motion-page.js';

const CountView = lazy(() =>
  import('../../components/count-view/count-view.js').then((m) => ({ default: m.CountView })),
);

/**
 * `/orgs/<slug>/elections/<id>`: an election (RULES.md, Elections): nominations (nominate
 * a member of the constituency, accept or decline one's own), the ranked secret ballot
 * with its receipt, and after the count the winners, the count stage by stage with the
 * chart of transfers, and the check that one's ballot is among the published ones.
 */
export function ElectionPage({ org, id }: { org: string; id: string }) {
  const { t } = useTranslation();
  const data = useResource(async () => {
    const [election, me] = await Promise.all([soviet.election(org, id), soviet.me(org)]);
    const body = await soviet.council(org, election.electingCouncilId);
    const constituency: MemberRef[] =
      body.kind === 'base' ? [...body.members] : body.delegates.map((d) => d.member);
    return { election, ballots: me.ballots, myId: me.member.id, constituency };
  }, [org, id]);
  return (
    <PageState resource={data} title={t('election.title')}>
      {(d) => <Election org={org} {...d} e={d.election} reload={data.reload} />}
    </PageState>
  );
}

function Election({
  org,
  e,
  ballots,
  myId,
  constituency,
  reload,
}: {
  org: string;
  e: ElectionView;
  ballots: readonly MemberBallot[];
  myId: string;
  constituency: readonly MemberRef[];
  reload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const uid = useId();
  const nominate = useAction();
  const answer = useAction();
  const cast = useAction();
  const [candidate, setCandidate] = useState('');
  const [ranking, setRanking] = useState<readonly string[]>([]);
  const [receipt, setReceipt] = useState<string | undefined>(() => loadReceipts(org)[e.id]);
  const mine = e.nominees.find((n) => n.member.id === myId);
  const nominated = new Set(e.nominees.map((n) => n.member.id));
  const eligible = constituency.filter((m) => !nominated.has(m.id));
  const chosen = eligible.some((m) => m.id === candidate) ? candidate : (eligible[0]?.id ?? '');
  const myBallot = ballots.find((b) => b.subject.kind === 'election' && b.subject.id === e.id);
  const title = seatLabel(t, e.seat);

  const submitNomination = async (event: FormEvent) => {
    event.preventDefault();
    if (await nominate.run(() => soviet.nominate(org, e.id, chosen))) await reload();
  };

  return (
    <>
      <nav aria-label={t('council.path')} className="crumbs">
        <Link href={orgPath(org)}>{org}</Link>
        {' › '}
        <Link href={orgPath(org, 'councils', e.electingCouncilId)}>
          {t('election.electingCouncil')}
        </Link>
      </nav>
      <h1>{title}</h1>
      <p>
        <span className="badge badge--neutral">{t(`phase.election.${e.phase}`)}</span>{' '}
        <span className="muted">
          {e.kind === 'by' ? t('election.byElection') : t('election.election')} ·{' '}
          {t('seat.seats', { count: e.seats })} ·{' '}
          {t(`method.${e.method}`, { defaultValue: e.method })}
        </span>
      </p>
      <p>
        {e.phase === 'nominations' ? (
          <Deadline at={e.nominationsCloseAt} label={t('election.nominationsClose')} />
        ) : e.phase === 'voting' ? (
          <Deadline at={e.votingCloseAt} label={t('election.votingCloses')} />
        ) : null}
      </p>

      <section className="card">
        <h2>{t('election.nominees')}</h2>
        {e.nominees.length === 0 ? <p className="muted">{t('election.noNominees')}</p> : null}
        <ul>
          {e.nominees.map((n) => (
            <li key={n.member.id}>
              {personName(t, n.member)}{' '}
              <span className="muted">
                {n.nominatedBy.id === n.member.id
                  ? t('election.selfNominated')
                  : t('election.nominatedBy', { name: personName(t, n.nominatedBy) })}
              </span>{' '}
              <span
                className={`badge ${n.accepted && !n.withdrawn ? 'badge--ok' : 'badge--neutral'}`}
              >
                {n.withdrawn
                  ? t('election.withdrawn')
                  : n.accepted
                    ? t('election.accepted')
                    : t('election.awaiting')}
              </span>
            </li>
          ))}
        </ul>
        {e.phase === 'nominations' && mine && !mine.withdrawn ? (
          <div className="stack">
            <ActionError action={answer} />
            <div className="button-row">
              {!mine.accepted ? (
                <ActionButton
                  action={answer}
                  onRun={async () => {
                    await soviet.acceptNomination(org, e.id);
                    await reload();
                  }}
                >
                  {t('election.accept')}
                </ActionButton>
              ) : null}
              <ActionButton
                action={answer}
                kind="secondary"
                onRun={async () => {
                  await soviet.declineNomination(org, e.id);
                  await reload();
                }}
              >
                {mine.accepted ? t('election.withdraw') : t('election.decline')}
              </ActionButton>
            </div>
          </div>
        ) : null}
        {e.phase === 'nominations' && eligible.length ? (
          <form className="stack" onSubmit={submitNomination} noValidate>
            <div className="field">
              <label htmlFor={`${uid}-c`}>{t('election.nominateLabel')}</label>
              <select
                id={`${uid}-c`}
                value={chosen}
                onChange={(ev) => setCandidate(ev.target.value)}
              >
                {eligible.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.id === myId
                      ? t('election.myself', { name: personName(t, m) })
                      : personName(t, m)}
                  </option>
                ))}
              </select>
            </div>
            <ActionError action={nominate} />
            <div>
              <button
                type="submit"
                className="button button--secondary"
                aria-disabled={nominate.busy}
              >
                {t('election.nominate')}
              </button>
            </div>
          </form>
        ) : null}
      </section>

      {e.phase === 'voting' && e.ballotBox ? (
        <section className="card">
          <h2>{t('election.ballot')}</h2>
          <BoxPanel box={e.ballotBox} />
          {myBallot && !myBallot.voted && !receipt ? (
            <>
              <p>{t('election.ballotHelp')}</p>
              <RankedBallot
                title={title}
                candidates={e.candidateList.map((c) => ({ id: c.id, name: personName(t, c) }))}
                onChange={setRanking}
              />
              <ActionError action={cast} />
              <ActionButton
                action={cast}
                onRun={async () => {
                  const done = await soviet.castBallot(org, e.id, ranking);
                  if (done.receipt) {
                    saveReceipt(org, e.id, done.receipt);
                    setReceipt(done.receipt);
                  }
                  await reload();
                }}
              >
                {t('election.cast')}
              </ActionButton>
            </>
          ) : myBallot?.voted || receipt ? (
            <p className="badge badge--ok">{t('vote.youVoted')}</p>
          ) : (
            <p className="muted">{t('election.notOnRoll')}</p>
          )}
        </section>
      ) : null}

      {receipt ? (
        <ReceiptPanel receipt={receipt} what={title} fileName={`receipt-${e.id}.txt`} />
      ) : null}

      {e.phase === 'closed' ? (
        <section className="card">
          <h2>{t('election.result')}</h2>
          {e.elected?.length ? (
            <p className="notice notice--ok" role="status">
              {t('election.elected', { names: formatList(names(t, e.elected), locale) })}
            </p>
          ) : (
            <p className="notice">{t('election.lapsed')}</p>
          )}
          {e.count?.unopposed ? <p>{t('election.unopposed')}</p> : null}
          <ReceiptCheckForm org={org} initial={receipt ?? ''} candidates={e.candidateList} />
        </section>
      ) : null}

      {e.count?.report ? (
        <section>
          <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
            <CountView report={e.count.report} title={t('election.countTitle')} />
          </Suspense>
        </section>
      ) : null}
    </>
  );
}

function ReceiptCheckForm({
  org,
  initial,
  candidates,
}: {
  org: string;
  initial: string;
  candidates: readonly MemberRef[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const uid = useId();
  const [receipt, setReceipt] = useState(initial);
  const [found, setFound] = useState<ReceiptCheck>();
  const check = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFound(undefined);
    await check.run(async () => setFound(await soviet.checkReceipt(org, receipt.trim())));
  };
  const nameOf = (id: string) => candidates.find((c) => c.id === id)?.name ?? id;
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <h3>{t('receipt.checkTitle')}</h3>
      <div className="field">
        <label htmlFor={`${uid}-r`}>{t('receipt.label')}</label>
        <input
          id={`${uid}-r`}
          className="mono"
          value={receipt}
          autoCapitalize="none"
          spellCheck={false}
          onChange={(e) => setReceipt(e.target.value)}
        />
      </div>
      <ActionError action={check} title={t('receipt.notFound')} />
      <div>
        <button type="submit" className="button button--secondary" aria-disabled={check.busy}>
          {t('receipt.check')}
        </button>
      </div>
      {found ? (
        <div className="notice notice--ok" role="status">
          <p className="notice__title">{t('receipt.found')}</p>
          <p>
            {t('receipt.asCast', {
              ballot: Array.isArray(found.ballot)
                ? formatList(found.ballot.map(nameOf), locale)
                : String(found.ballot),
            })}
          </p>
        </div>
      ) : null}
    </form>
  );
}
