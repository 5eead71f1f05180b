import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type MemberBallot,
  type RecallChoice,
  type RecallView,
  soviet,
} from '../../api/soviet-api.js';
import { useResource } from '../../api/use-resource.js';
import { ActionButton, ActionError, useAction } from '../../components/action.js';
import { Deadline, When } from '../../components/deadline.js';
import { PageState } from '../../components/page-state.js';
import { ProgressMeter } from '../../components/progress-meter.js';
import { loadReceipts, ReceiptPanel, saveReceipt } from '../../components/receipt-panel.js';
import { formatNumber } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import { Link } from '../../router/link.js';
import { orgPath } from '../../router/match.js';
import { personName, seatLabel } from './labels.js';
import { BoxPanel } from './motion-page.js';
import { VoteButtons } from './vote-buttons.js';

const CHOICES: readonly RecallChoice[] = ['recall', 'keep', 'abstain'];

/**
 * `/orgs/<slug>/recalls/<id>`: a recall petition (RULES.md, Recall): its reason and the
 * breaches it cites, the signatures against the threshold, signing, the recall vote
 * (secret with a receipt in a base council), and the result.
 */
export function RecallPage({ org, id }: { org: string; id: string }) {
  const { t } = useTranslation();
  const data = useResource(async () => {
    const [recall, me] = await Promise.all([soviet.recall(org, id), soviet.me(org)]);
    return { recall, ballots: me.ballots, myId: me.member.id };
  }, [org, id]);
  return (
    <PageState resource={data} title={t('recall.title')}>
      {(d) => (
        <Recall org={org} r={d.recall} ballots={d.ballots} myId={d.myId} reload={data.reload} />
      )}
    </PageState>
  );
}

function Recall({
  org,
  r,
  ballots,
  myId,
  reload,
}: {
  org: string;
  r: RecallView;
  ballots: readonly MemberBallot[];
  myId: string;
  reload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const sign = useAction();
  const vote = useAction();
  const [receipt, setReceipt] = useState<string | undefined>(() => loadReceipts(org)[r.id]);
  const signed = r.signers.some((s) => s.id === myId);
  const myBallot = ballots.find((b) => b.boxId === r.vote?.id);
  const holder = r.mandate ? personName(t, r.mandate.holder) : '';
  const seat = r.mandate ? seatLabel(t, r.mandate.seat) : '';
  return (
    <>
      <nav aria-label={t('council.path')} className="crumbs">
        <Link href={orgPath(org)}>{org}</Link>
        {r.electingCouncil ? (
          <>
            {' › '}
            <Link href={orgPath(org, 'councils', r.electingCouncil.id)}>
              {r.electingCouncil.name}
            </Link>
          </>
        ) : null}
      </nav>
      <h1>{t('recall.against', { name: holder, seat })}</h1>
      <p>
        <span className="badge badge--neutral">{t(`phase.recall.${r.phase}`)}</span>{' '}
        <span className="muted">
          {t('recall.openedBy', { name: personName(t, r.openedBy) })} <When at={r.openedAt} />
        </span>
      </p>
      <section className="card">
        <h2>{t('recall.reason')}</h2>
        <p className="motion-text">{r.reason}</p>
        {r.breaches.length ? (
          <>
            <h3>{t('recall.cites')}</h3>
            <ul>
              {r.breaches.map((b) => (
                <li key={b.id}>
                  {t('breach.text', {
                    name: personName(t, b.member),
                    title: b.motionTitle,
                    instructed: t(`choice.${b.instructed as 'yes'}`),
                    voted: t(`choice.${b.voted as 'yes'}`),
                  })}{' '}
                  <Link href={orgPath(org, 'motions', b.motionId)}>{t('council.seeMotion')}</Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="card">
        <h2>{t('recall.petition')}</h2>
        <ProgressMeter
          label={t('recall.signatures')}
          value={r.signers.length}
          max={r.needed}
          text={t('recall.progress', { count: r.signers.length, needed: r.needed })}
        />
        {r.phase === 'petition' ? (
          <p>
            <Deadline at={r.windowEndsAt} label={t('recall.windowEnds')} />
          </p>
        ) : null}
        <p className="muted">
          {t('recall.signedBy', { names: r.signers.map((s) => personName(t, s)).join(', ') })}
        </p>
        {r.phase === 'petition' && !signed ? (
          <>
            <ActionError action={sign} />
            <ActionButton
              action={sign}
              onRun={async () => {
                await soviet.signRecall(org, r.id);
                await reload();
              }}
            >
              {t('recall.sign')}
            </ActionButton>
          </>
        ) : signed ? (
          <p className="badge badge--ok">{t('recall.youSigned')}</p>
        ) : null}
      </section>

      {r.vote ? (
        <section className="card">
          <h2>{t('recall.vote')}</h2>
          <BoxPanel box={r.vote}>
            {!r.vote.closed && myBallot && !myBallot.voted ? (
              <VoteButtons
                choices={CHOICES}
                label={t('recall.vote')}
                action={vote}
                labelOf={(c) => t(`recallChoice.${c}`)}
                onVote={async (c) => {
                  const done = await soviet.voteRecall(org, r.id, c);
                  if (done.receipt) {
                    saveReceipt(org, r.id, done.receipt);
                    setReceipt(done.receipt);
                  }
                  await reload();
                }}
              />
            ) : myBallot?.voted ? (
              <p className="badge badge--ok">{t('vote.youVoted')}</p>
            ) : null}
          </BoxPanel>
          <ActionError action={vote} />
          {r.result ? (
            <div className={`notice ${r.phase === 'recalled' ? 'notice--ok' : ''}`} role="status">
              <p className="notice__title">{t(`recall.outcome.${r.phase}`, { name: holder })}</p>
              <p>
                {t('recall.tally', {
                  recall: formatNumber(r.result.recall, locale),
                  keep: formatNumber(r.result.keep, locale),
                  abstain: formatNumber(r.result.abstain, locale),
                })}
              </p>
            </div>
          ) : null}
        </section>
      ) : null}
      {receipt ? (
        <ReceiptPanel
          receipt={receipt}
          what={t('recall.against', { name: holder, seat })}
          fileName={`receipt-${r.id}.txt`}
        />
      ) : null}
    </>
  );
}
