import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CommandAnswer,
  type CouncilNode,
  type MemberBallot,
  type MemberView,
  type Notification,
  soviet,
} from '../../api/soviet-api.js';
import { useResource } from '../../api/use-resource.js';
import { ActionButton, ActionError, useAction } from '../../components/action.js';
import { Deadline } from '../../components/deadline.js';
import { PageState } from '../../components/page-state.js';
import { formatNumber } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import { Link } from '../../router/link.js';
import { orgPath } from '../../router/match.js';
import { hrefOf } from '../../router/route.js';
import { memberIdIn, useSession } from '../../session/session.js';
import { personName } from './labels.js';
import { NameVisibility } from './name-visibility.js';
import { NotificationList } from './notification-list.js';

interface Mine {
  readonly member: MemberView;
  readonly ballots: readonly MemberBallot[];
  readonly notifications: readonly Notification[];
}

function baseCouncils(node: CouncilNode): CouncilNode[] {
  return node.kind === 'base' ? [node] : node.children.flatMap(baseCouncils);
}

/**
 * `/orgs/<slug>`: the organisation's front page: its councils, what is open, and for a
 * member their notifications, their councils and mandates, the votes open to them,
 * inviting a person and moving to another base council.
 */
export function OrgPage({ org }: { org: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const memberId = memberIdIn(session, org);
  const view = useResource(() => soviet.organisation(org), [org]);
  const mine = useResource<Mine | null>(async () => {
    if (!memberId) return null;
    const [me, notes] = await Promise.all([soviet.me(org), soviet.notifications(org)]);
    return { ...me, notifications: notes.notifications };
  }, [org, memberId]);

  return (
    <PageState resource={view} title={t('org.title')}>
      {(o) => (
        <>
          <h1>{o.name}</h1>
          <ul className="stat-row">
            <li>{t('org.members', { count: o.members })}</li>
            <li>{t('org.openElections', { count: o.openElections })}</li>
            <li>{t('org.openMotions', { count: o.openMotions })}</li>
            <li>{t('org.openPetitions', { count: o.openPetitions })}</li>
          </ul>
          {o.nextDeadline !== null ? (
            <p className="muted">
              <Deadline at={o.nextDeadline} label={t('org.nextDeadline')} />
            </p>
          ) : null}
          {memberId ? null : (
            <p className="notice">
              {session.kind === 'ready' && session.session.account
                ? t('org.notMember')
                : t('org.logInToTakePart')}{' '}
              {session.kind === 'ready' && session.session.account ? null : (
                <Link href={hrefOf('/login', { next: orgPath(org) })}>{t('login.title')}</Link>
              )}
            </p>
          )}
          {mine.kind === 'ready' && mine.data ? (
            <MemberPanel
              org={org}
              mine={mine.data}
              bases={baseCouncils(o.tree)}
              reload={mine.reload}
            />
          ) : null}
          <section className="card">
            <h2>{t('org.councils')}</h2>
            <ul className="council-tree">
              <CouncilTreeNode org={org} node={o.tree} locale={locale} />
            </ul>
          </section>
          <section className="card">
            <h2>{t('org.recordTitle')}</h2>
            <p>{t('org.recordText')}</p>
            <Link className="button button--secondary" href={orgPath(org, 'record')}>
              {t('org.verifyRecord')}
            </Link>
          </section>
          <section className="card">
            <h2>{t('org.constitution')}</h2>
            <dl className="dl">
              {(
                [
                  'termMonths',
                  'maxConsecutiveTerms',
                  'maxConcurrentMandates',
                  'recallThresholdPercent',
                  'quorumPercent',
                  'delegateRatio',
                  'nominationDays',
                  'votingDays',
                  'debateDays',
                ] as const
              ).map((p) => (
                <div key={p} className="dl__row">
                  <dt>{t(`constitution.${p}`)}</dt>
                  <dd>{formatNumber(o.constitution[p], locale)}</dd>
                </div>
              ))}
            </dl>
          </section>
        </>
      )}
    </PageState>
  );
}

function CouncilTreeNode({
  org,
  node,
  locale,
}: {
  org: string;
  node: CouncilNode;
  locale: string;
}) {
  const { t } = useTranslation();
  return (
    <li>
      <Link href={orgPath(org, 'councils', node.id)}>{node.name}</Link>{' '}
      <span className="muted">
        ({node.kind === 'base' ? t('council.base') : t('council.delegate')},{' '}
        {t('org.members', { count: node.members, formatted: formatNumber(node.members, locale) })})
      </span>
      {node.children.length ? (
        <ul>
          {node.children.map((c) => (
            <CouncilTreeNode key={c.id} org={org} node={c} locale={locale} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function MemberPanel({
  org,
  mine,
  bases,
  reload,
}: {
  org: string;
  mine: Mine;
  bases: readonly CouncilNode[];
  reload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const { member, ballots, notifications } = mine;
  const invite = useAction();
  const transfer = useAction();
  const [invitation, setInvitation] = useState<CommandAnswer['invitation']>();
  const [target, setTarget] = useState('');
  const others = bases.filter((b) => b.id !== member.council?.id);
  const chosen = others.some((b) => b.id === target) ? target : (others[0]?.id ?? '');
  const link = invitation
    ? `${window.location.origin}${hrefOf('/join', { org, token: invitation.token })}`
    : '';
  return (
    <>
      <section className="card" aria-labelledby={`${uid}-n`}>
        <h2 id={`${uid}-n`}>{t('notify.title')}</h2>
        <NotificationList org={org} notifications={notifications} />
      </section>
      <section className="card">
        <h2>{t('org.myCouncils')}</h2>
        <p>{t('org.youAre', { name: personName(t, member) })}</p>
        <NameVisibility org={org} />
        <ul>
          {member.council ? (
            <li>
              <Link href={orgPath(org, 'councils', member.council.id)}>{member.council.name}</Link>{' '}
              <span className="muted">({t('org.myBaseCouncil')})</span>
            </li>
          ) : null}
          {member.mandates.map((m) => (
            <li key={m.id}>
              {m.seat.council ? (
                <Link href={orgPath(org, 'councils', m.seat.council.id)}>
                  {m.seat.council.name}
                </Link>
              ) : null}{' '}
              <span className="muted">
                (
                {m.seat.kind === 'delegation'
                  ? t('seat.delegateFrom', { council: m.seat.electingCouncil?.name ?? '' })
                  : t('seat.office', { office: m.seat.office ?? '' })}
                )
              </span>{' '}
              <Deadline at={m.endAt} label={t('seat.termEnds')} />
            </li>
          ))}
        </ul>
        {ballots.length ? (
          <>
            <h3>{t('org.openVotes')}</h3>
            <ul>
              {ballots.map((b) => (
                <li key={b.boxId}>
                  {b.subject.kind === 'election' ||
                  b.subject.kind === 'motion' ||
                  b.subject.kind === 'recall' ? (
                    <Link
                      href={orgPath(
                        org,
                        `${b.subject.kind === 'recall' ? 'recalls' : `${b.subject.kind}s`}`,
                        b.subject.id,
                      )}
                    >
                      {t(`org.voteOn.${b.subject.kind}`)}
                    </Link>
                  ) : (
                    t('org.voteOn.amendment')
                  )}{' '}
                  {b.voted ? (
                    <span className="badge badge--ok">{t('org.voted')}</span>
                  ) : (
                    <span className="badge badge--neutral">{t('org.notVoted')}</span>
                  )}{' '}
                  <Deadline at={b.closesAt} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section className="card">
        <h2>{t('org.invite')}</h2>
        <p>{t('org.inviteHelp', { council: member.council?.name ?? '' })}</p>
        <ActionError action={invite} />
        <ActionButton
          action={invite}
          onRun={async () => setInvitation((await soviet.invite(org)).invitation)}
        >
          {t('org.createInvitation')}
        </ActionButton>
        {invitation ? (
          <div className="stack invitation">
            <label htmlFor={`${uid}-link`}>{t('org.invitationLink')}</label>
            <input
              id={`${uid}-link`}
              readOnly
              value={link}
              className="mono"
              onFocus={(e) => e.target.select()}
            />
            <p className="muted">
              <Deadline at={invitation.expiresAt} label={t('org.invitationExpires')} />
            </p>
          </div>
        ) : null}
      </section>
      {others.length ? (
        <section className="card">
          <h2>{t('org.transfer')}</h2>
          <div className="field">
            <label htmlFor={`${uid}-to`}>{t('org.transferTo')}</label>
            <select id={`${uid}-to`} value={chosen} onChange={(e) => setTarget(e.target.value)}>
              {others.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
          <ActionError action={transfer} />
          <ActionButton
            action={transfer}
            kind="secondary"
            onRun={async () => {
              await soviet.transfer(org, chosen);
              await reload();
            }}
          >
            {t('org.transferSubmit')}
          </ActionButton>
        </section>
      ) : null}
    </>
  );
}
