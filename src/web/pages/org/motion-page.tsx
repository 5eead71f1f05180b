import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BoxView,
  type Choice,
  type MemberBallot,
  type MotionView,
  soviet,
} from '../../api/soviet-api.js';
import { useResource } from '../../api/use-resource.js';
import { ActionButton, ActionError, useAction } from '../../components/action.js';
import { Deadline, When } from '../../components/deadline.js';
import { PageState } from '../../components/page-state.js';
import { loadReceipts, ReceiptPanel, saveReceipt } from '../../components/receipt-panel.js';
import { RecordText } from '../../components/record-text.js';
import { formatNumber } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import { Link } from '../../router/link.js';
import { orgPath } from '../../router/match.js';
import { personName } from './labels.js';
import { VoteButtons } from './vote-buttons.js';

const CHOICES: readonly Choice[] = ['yes', 'no', 'abstain'];

/**
 * `/orgs/<slug>/motions/<id>`: a motion (RULES.md, Motions): its text, stage and
 * deadlines; seconding, amending during debate, voting on amendments then on the
 * motion (secret with a receipt in a base council, open and named among delegates); the
 * result; the instructions of the councils below and their delegates' breaches.
 */
export function MotionPage({ org, id }: { org: string; id: string }) {
  const { t } = useTranslation();
  const data = useResource(async () => {
    const [motion, me] = await Promise.all([soviet.motion(org, id), soviet.me(org)]);
    return { motion, ballots: me.ballots, myId: me.member.id };
  }, [org, id]);
  return (
    <PageState resource={data} title={t('motion.title')}>
      {({ motion, ballots, myId }) => (
        <Motion org={org} m={motion} ballots={ballots} myId={myId} reload={data.reload} />
      )}
    </PageState>
  );
}

function Motion({
  org,
  m,
  ballots,
  myId,
  reload,
}: {
  org: string;
  m: MotionView;
  ballots: readonly MemberBallot[];
  myId: string;
  reload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const second = useAction();
  const withdraw = useAction();
  const amend = useAction();
  const vote = useAction();
  const [amendText, setAmendText] = useState(m.text);
  const [receipts, setReceipts] = useState(() => loadReceipts(org));
  const keep = (subject: string, receipt: string | undefined) => {
    if (!receipt) return;
    saveReceipt(org, subject, receipt);
    setReceipts(loadReceipts(org));
  };
  const voted = (box: BoxView | null) => ballots.find((b) => b.boxId === box?.id)?.voted ?? false;
  const onRoll = (box: BoxView | null) => ballots.some((b) => b.boxId === box?.id);
  const submitAmendment = async (event: FormEvent) => {
    event.preventDefault();
    if (await amend.run(() => soviet.amend(org, m.id, amendText.trim()))) await reload();
  };
  return (
    <>
      <nav aria-label={t('council.path')} className="crumbs">
        <Link href={orgPath(org)}>{org}</Link>
        {m.council ? (
          <>
            {' › '}
            <Link href={orgPath(org, 'councils', m.council.id)}>{m.council.name}</Link>
          </>
        ) : null}
      </nav>
      <h1>{m.title}</h1>
      <p>
        <span className="badge badge--neutral">{t(`phase.motion.${m.phase}`)}</span>{' '}
        <span className="muted">
          {t(`motionKind.${m.kind}`)} · {t(`threshold.${m.threshold}`)} ·{' '}
          {t('motion.proposedBy', { name: personName(t, m.proposedBy) })} <When at={m.proposedAt} />
        </span>
      </p>
      {m.nextDeadline !== null ? (
        <p>
          <Deadline at={m.nextDeadline} label={t(`motion.deadline.${m.phase}`)} />
        </p>
      ) : null}
      <section className="card">
        <h2>{t('motion.text')}</h2>
        <p className="motion-text">{m.text}</p>
        {m.text !== m.originalText ? (
          <details>
            <summary>{t('motion.original')}</summary>
            <p className="motion-text">{m.originalText}</p>
          </details>
        ) : null}
        {m.body.kind === 'instruction' ? (
          <p>
            {t('motion.instructs', { position: t(`choice.${m.body.position}`) })}{' '}
            <Link href={orgPath(org, 'motions', m.body.targetMotionId)}>
              {t('council.seeMotion')}
            </Link>
          </p>
        ) : null}
      </section>

      {m.phase === 'proposed' ? (
        <section className="card">
          <h2>{t('motion.seconding')}</h2>
          <p>{t('motion.seconders', { count: m.seconders.length, needed: m.secondersNeeded })}</p>
          <ActionError action={second} />
          <ActionError action={withdraw} />
          <div className="button-row">
            {m.proposedBy.id !== myId ? (
              <ActionButton
                action={second}
                onRun={async () => {
                  await soviet.second(org, m.id);
                  await reload();
                }}
              >
                {t('motion.second')}
              </ActionButton>
            ) : (
              <ActionButton
                action={withdraw}
                kind="secondary"
                onRun={async () => {
                  await soviet.withdraw(org, m.id);
                  await reload();
                }}
              >
                {t('motion.withdraw')}
              </ActionButton>
            )}
          </div>
        </section>
      ) : null}

      <section className="card">
        <h2>{t('motion.amendments', { count: m.amendments.length })}</h2>
        {m.amendments.length === 0 ? <p className="muted">{t('motion.noAmendments')}</p> : null}
        <ol className="stack">
          {m.amendments.map((a, i) => (
            <li key={a.id} className="amendment">
              <h3>{t('motion.amendment', { number: i + 1, name: personName(t, a.proposedBy) })}</h3>
              <p className="motion-text">{a.text}</p>
              {a.adopted !== null ? (
                <p>
                  <span className={`badge ${a.adopted ? 'badge--ok' : 'badge--bad'}`}>
                    {a.adopted ? t('motion.adopted') : t('motion.rejected')}
                  </span>{' '}
                  {a.tally ? (
                    <Tally yes={a.tally.yes} no={a.tally.no} abstain={a.tally.abstain} />
                  ) : null}
                </p>
              ) : null}
              {a.vote && !a.vote.closed ? (
                <BoxPanel box={a.vote}>
                  {onRoll(a.vote) && !voted(a.vote) ? (
                    <VoteButtons
                      choices={CHOICES}
                      label={t('motion.voteOnAmendment', { number: i + 1 })}
                      action={vote}
                      labelOf={(c) => t(`choice.${c}`)}
                      onVote={async (c) => {
                        keep(a.id, (await soviet.voteAmendment(org, a.id, c)).receipt);
                        await reload();
                      }}
                    />
                  ) : voted(a.vote) ? (
                    <p className="badge badge--ok">{t('vote.youVoted')}</p>
                  ) : null}
                </BoxPanel>
              ) : null}
              {a.vote ? <OpenVotes box={a.vote} /> : null}
              {receipts[a.id] ? (
                <ReceiptPanel
                  receipt={receipts[a.id] as string}
                  what={`${m.title} — ${t('motion.amendment', { number: i + 1, name: personName(t, a.proposedBy) })}`}
                  fileName={`receipt-${a.id}.txt`}
                />
              ) : null}
            </li>
          ))}
        </ol>
        {m.phase === 'debate' ? (
          <form className="stack" onSubmit={submitAmendment} noValidate>
            <div className="field">
              <label htmlFor={`${uid}-a`}>{t('motion.amendLabel')}</label>
              <RecordText id={`${uid}-a`} rows={4} value={amendText} onChange={setAmendText} />
            </div>
            <ActionError action={amend} />
            <div>
              <button type="submit" className="button button--secondary" aria-disabled={amend.busy}>
                {t('motion.amendSubmit')}
              </button>
            </div>
          </form>
        ) : null}
      </section>

      {m.vote ? (
        <section className="card">
          <h2>{t('motion.vote')}</h2>
          <BoxPanel box={m.vote}>
            {!m.vote.closed && onRoll(m.vote) && !voted(m.vote) ? (
              <VoteButtons
                choices={CHOICES}
                label={t('motion.voteOnMotion')}
                action={vote}
                labelOf={(c) => t(`choice.${c}`)}
                onVote={async (c) => {
                  keep(m.id, (await soviet.voteMotion(org, m.id, c)).receipt);
                  await reload();
                }}
              />
            ) : voted(m.vote) ? (
              <p className="badge badge--ok">{t('vote.youVoted')}</p>
            ) : null}
          </BoxPanel>
          <ActionError action={vote} />
          {m.result ? (
            <div
              className={`notice ${m.result.passed ? 'notice--ok' : 'notice--error'}`}
              role="status"
            >
              <p className="notice__title">
                {m.result.passed ? t('motion.passed') : t('motion.failed')}
              </p>
              <p>
                <Tally yes={m.result.yes} no={m.result.no} abstain={m.result.abstain} />
              </p>
            </div>
          ) : null}
          <OpenVotes box={m.vote} />
          {receipts[m.id] ? (
            <ReceiptPanel
              receipt={receipts[m.id] as string}
              what={m.title}
              fileName={`receipt-${m.id}.txt`}
            />
          ) : null}
        </section>
      ) : null}
      {!m.vote ? <ActionError action={vote} /> : null}

      {m.instructions.length || m.breaches.length ? (
        <section className="card">
          <h2>{t('motion.instructionsTitle')}</h2>
          <ul>
            {m.instructions.map((i) => (
              <li key={i.instructionId}>
                {t('motion.instructedBy', {
                  council: i.council?.name ?? '',
                  position: t(`choice.${i.position as Choice}`),
                })}
              </li>
            ))}
          </ul>
          {m.breaches.map((b) => (
            <p key={b.id} className="notice notice--error">
              {t('breach.text', {
                name: personName(t, b.member),
                title: b.motionTitle,
                instructed: t(`choice.${b.instructed as Choice}`),
                voted: t(`choice.${b.voted as Choice}`),
              })}
            </p>
          ))}
        </section>
      ) : null}
    </>
  );
}

function Tally({ yes, no, abstain }: { yes: number; no: number; abstain: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <span>
      {t('vote.tally', {
        yes: formatNumber(yes, locale),
        no: formatNumber(no, locale),
        abstain: formatNumber(abstain, locale),
      })}
    </span>
  );
}

/** A ballot box: secret or open, turnout against the roll, its close. */
export function BoxPanel({ box, children }: { box: BoxView; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="box-panel">
      <p className="muted">
        {box.secret ? t('vote.secret') : t('vote.open')} ·{' '}
        {box.quorumPercent > 0
          ? t('vote.turnout', {
              cast: formatNumber(box.cast, locale),
              roll: formatNumber(box.rollSize, locale),
              quorum: formatNumber(box.quorumPercent, locale),
            })
          : t('vote.turnoutNoQuorum', {
              cast: formatNumber(box.cast, locale),
              roll: formatNumber(box.rollSize, locale),
            })}{' '}
        · {box.closed ? t('vote.closed') : <Deadline at={box.closesAt} label={t('vote.closes')} />}
      </p>
      {children}
    </div>
  );
}

/** Among delegates, each delegate's vote by name (RULES.md: constituents see how they voted). */
function OpenVotes({ box }: { box: BoxView }) {
  const { t } = useTranslation();
  if (box.secret || box.openVotes.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{t('vote.howDelegatesVoted')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('vote.delegate')}</th>
            <th scope="col">{t('vote.choice')}</th>
          </tr>
        </thead>
        <tbody>
          {box.openVotes.map((v) => (
            <tr key={v.member.id}>
              <td>{personName(t, v.member)}</td>
              <td>{t(`choice.${v.choice as Choice}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
