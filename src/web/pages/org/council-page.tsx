import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Choice,
  type CouncilView,
  type GroupSeatsView,
  type MandateSummary,
  type MotionBodyInput,
  soviet,
} from '../../api/soviet-api.js';
import { useResource } from '../../api/use-resource.js';
import { ActionButton, ActionError, useAction } from '../../components/action.js';
import { Deadline, When } from '../../components/deadline.js';
import { PageState } from '../../components/page-state.js';
import { ProgressMeter } from '../../components/progress-meter.js';
import { RecordText } from '../../components/record-text.js';
import { formatList } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import { Link } from '../../router/link.js';
import { orgPath } from '../../router/match.js';
import { navigate } from '../../router/use-route.js';
import { memberIdIn, useSession } from '../../session/session.js';
import { personName, seatLabel } from './labels.js';

/**
 * `/orgs/<slug>/councils/<id>`: a council (RULES.md, Organisation and councils): its
 * members or delegates, its offices and delegation with their holders, terms and time
 * left, its open and recent past elections, motions and recall petitions, the instructions it gave its
 * delegates and their breaches; proposing a motion (an instruction included) and
 * opening a recall petition.
 */
export function CouncilPage({ org, id }: { org: string; id: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const me = memberIdIn(session, org);
  const view = useResource(() => soviet.council(org, id), [org, id]);
  return (
    <PageState resource={view} title={t('council.title')}>
      {(c) => <Council org={org} c={c} me={me} reload={view.reload} />}
    </PageState>
  );
}

function Council({
  org,
  c,
  me,
  reload,
}: {
  org: string;
  c: CouncilView;
  me: string | undefined;
  reload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [recallOf, setRecallOf] = useState<{ mandate: MandateSummary; breach?: string }>();
  const inBody =
    me !== undefined &&
    (c.kind === 'base'
      ? c.members.some((m) => m.id === me)
      : c.delegates.some((d) => d.member.id === me));
  const groups: GroupSeatsView[] = [...c.offices];
  return (
    <>
      <nav aria-label={t('council.path')} className="crumbs">
        <Link href={orgPath(org)}>{org}</Link>
        {c.path.map((p) => (
          <span key={p.id}>
            {' › '}
            <Link href={orgPath(org, 'councils', p.id)}>{p.name}</Link>
          </span>
        ))}
      </nav>
      <h1>{c.name}</h1>
      <p className="lead">
        {c.kind === 'base' ? t('council.baseLead') : t('council.delegateLead')}
      </p>
      {c.children.length ? (
        <p>
          {t('council.children')}{' '}
          {c.children.map((ch, i) => (
            <span key={ch.id}>
              {i ? ', ' : ''}
              <Link href={orgPath(org, 'councils', ch.id)}>{ch.name}</Link>
            </span>
          ))}
        </p>
      ) : null}

      <section className="card">
        <h2>
          {c.kind === 'base'
            ? t('council.members', { count: c.members.length })
            : t('council.delegates', { count: c.delegates.length })}
        </h2>
        <ul className="people">
          {c.kind === 'base'
            ? c.members.map((m) => <li key={m.id}>{personName(t, m)}</li>)
            : c.delegates.map((d) => (
                <li key={d.mandateId}>
                  {personName(t, d.member)}{' '}
                  <span className="muted">({t('council.from', { council: d.from.name })})</span>
                </li>
              ))}
        </ul>
      </section>

      {c.delegation ? (
        <SeatGroup
          org={org}
          g={c.delegation}
          title={t('council.delegation', { council: c.parent?.name ?? '' })}
          canAct={inBody}
          onRecall={(mandate) => setRecallOf({ mandate })}
          reload={reload}
        />
      ) : null}
      {groups.map((g) => (
        <SeatGroup
          key={g.groupKey}
          org={org}
          g={g}
          title={seatLabel(t, g.seat)}
          canAct={inBody}
          onRecall={(mandate) => setRecallOf({ mandate })}
          reload={reload}
        />
      ))}

      {recallOf ? (
        <RecallForm
          org={org}
          mandate={recallOf.mandate}
          breaches={c.breaches.filter((b) => b.mandateId === recallOf.mandate.id)}
          initialBreach={recallOf.breach}
          onCancel={() => setRecallOf(undefined)}
        />
      ) : null}

      <section className="card">
        <h2>{t('council.elections')}</h2>
        {c.elections.length === 0 ? (
          <p className="muted">{t('council.noElections')}</p>
        ) : (
          <ul>
            {c.elections.map((e) => (
              <li key={e.id}>
                <Link href={orgPath(org, 'elections', e.id)}>{seatLabel(t, e.seat)}</Link>{' '}
                <span className="badge badge--neutral">{t(`phase.election.${e.phase}`)}</span>{' '}
                <Deadline at={e.phase === 'nominations' ? e.nominationsCloseAt : e.votingCloseAt} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {c.pastElections.length ? (
        <section className="card">
          <h2>{t('council.pastElections')}</h2>
          <ul>
            {c.pastElections.map((e) => (
              <li key={e.id}>
                <Link href={orgPath(org, 'elections', e.id)}>{seatLabel(t, e.seat)}</Link>{' '}
                <When at={e.closedAt} />
                {': '}
                {e.elected.length
                  ? t('election.elected', {
                      names: formatList(
                        e.elected.map((m) => personName(t, m)),
                        locale,
                      ),
                    })
                  : t('election.lapsed')}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card">
        <h2>{t('council.petitions')}</h2>
        {c.petitions.length === 0 ? (
          <p className="muted">{t('council.noPetitions')}</p>
        ) : (
          <ul className="stack">
            {c.petitions.map((p) => (
              <li key={p.id}>
                <Link href={orgPath(org, 'recalls', p.id)}>
                  {t('recall.against', {
                    name: personName(t, p.holder),
                    seat: seatLabel(t, p.seat),
                  })}
                </Link>{' '}
                <span className="badge badge--neutral">{t(`phase.recall.${p.phase}`)}</span>
                {p.phase === 'petition' ? (
                  <ProgressMeter
                    label={t('recall.signatures')}
                    value={p.signatures}
                    max={p.needed}
                    text={t('recall.progress', { count: p.signatures, needed: p.needed })}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card">
        <h2>{t('council.motions')}</h2>
        {c.motions.length === 0 ? (
          <p className="muted">{t('council.noMotions')}</p>
        ) : (
          <ul>
            {c.motions.map((m) => (
              <li key={m.id}>
                <Link href={orgPath(org, 'motions', m.id)}>{m.title}</Link>{' '}
                <span className="badge badge--neutral">{t(`phase.motion.${m.phase}`)}</span>{' '}
                {m.kind !== 'ordinary' ? (
                  <span className="muted">({t(`motionKind.${m.kind}`)})</span>
                ) : null}{' '}
                <Deadline at={m.nextDeadline} />
              </li>
            ))}
          </ul>
        )}
        {inBody ? <ProposeForm org={org} c={c} /> : null}
      </section>

      {c.parent ? (
        <section className="card">
          <h2>{t('council.instructions')}</h2>
          <p className="muted">{t('council.instructionsHelp', { council: c.parent.name })}</p>
          {c.instructions.length === 0 ? (
            <p className="muted">{t('council.noInstructions')}</p>
          ) : (
            <ul>
              {c.instructions.map((i) => (
                <li key={i.id}>
                  {t('council.instruction', {
                    position: t(`choice.${i.position as Choice}`),
                    title: i.targetTitle,
                  })}{' '}
                  <Link href={orgPath(org, 'motions', i.targetMotionId)}>
                    {t('council.seeMotion')}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <h3>{t('council.breaches')}</h3>
          {c.breaches.length === 0 ? (
            <p className="muted">{t('council.noBreaches')}</p>
          ) : (
            <ul className="stack">
              {c.breaches.map((b) => {
                const mandate = c.delegation?.holders.find((h) => h.id === b.mandateId);
                return (
                  <li key={b.id} className="breach">
                    <p>
                      <strong>
                        {t('breach.text', {
                          name: personName(t, b.member),
                          title: b.motionTitle,
                          instructed: t(`choice.${b.instructed as Choice}`),
                          voted: t(`choice.${b.voted as Choice}`),
                        })}
                      </strong>{' '}
                      <When at={b.at} />
                    </p>
                    {inBody && mandate && mandate.petitionId === null ? (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => setRecallOf({ mandate, breach: b.id })}
                      >
                        {t('recall.openCiting', { name: personName(t, b.member) })}
                      </button>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ) : null}
    </>
  );
}

function SeatGroup({
  org,
  g,
  title,
  canAct,
  onRecall,
  reload,
}: {
  org: string;
  g: GroupSeatsView;
  title: string;
  canAct: boolean;
  onRecall: (m: MandateSummary) => void;
  reload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const call = useAction();
  const vacant = g.seats - g.holders.length;
  return (
    <section className="card seat-group">
      <h2>{title}</h2>
      <p className="muted">
        {t('seat.seats', { count: g.seats })}
        {g.termEndsAt !== null ? (
          <>
            {' · '}
            <Deadline at={g.termEndsAt} label={t('seat.termEnds')} />
          </>
        ) : null}
      </p>
      {g.holders.length ? (
        <ul className="holders">
          {g.holders.map((h) => (
            <li key={h.id} className="holder">
              <span className="holder__name">{personName(t, h.holder)}</span>{' '}
              <span className="muted">
                {t('seat.terms', { count: h.terms })} ·{' '}
                <Deadline at={h.endAt} label={t('seat.until')} />
              </span>{' '}
              <Link href={orgPath(org, 'elections', h.electionId)}>{t('seat.electedAt')}</Link>{' '}
              {h.petitionId ? (
                <Link href={orgPath(org, 'recalls', h.petitionId)}>{t('recall.underway')}</Link>
              ) : canAct ? (
                <button
                  type="button"
                  className="button button--quiet button--small"
                  onClick={() => onRecall(h)}
                >
                  {t('recall.open', { name: personName(t, h.holder) })}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {vacant > 0 ? <p>{t('seat.vacant', { count: vacant })}</p> : null}
      {g.election ? (
        <p>
          <Link href={orgPath(org, 'elections', g.election.id)}>
            {g.election.kind === 'by' ? t('election.byElection') : t('election.election')}:{' '}
            {t(`phase.election.${g.election.phase}`)}
          </Link>
        </p>
      ) : vacant > 0 && canAct ? (
        <>
          <ActionError action={call} />
          <ActionButton
            action={call}
            kind="secondary"
            onRun={async () => {
              await soviet.callElection(org, g.groupKey);
              await reload();
            }}
          >
            {t('election.call')}
          </ActionButton>
        </>
      ) : null}
    </section>
  );
}

function RecallForm({
  org,
  mandate,
  breaches,
  initialBreach,
  onCancel,
}: {
  org: string;
  mandate: MandateSummary;
  breaches: CouncilView['breaches'];
  initialBreach: string | undefined;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const [reason, setReason] = useState('');
  const [cited, setCited] = useState<string[]>(initialBreach ? [initialBreach] : []);
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await action.run(async () => {
      const answer = await soviet.openRecall(org, mandate.id, reason.trim(), cited);
      if (answer.petitionId) navigate(orgPath(org, 'recalls', answer.petitionId));
    });
  };
  return (
    <form className="card card--accent" onSubmit={submit} noValidate aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('recall.openTitle', { name: personName(t, mandate.holder) })}</h2>
      <p>{t('recall.openHelp')}</p>
      <div className="field">
        <label htmlFor={`${uid}-r`}>{t('recall.reason')}</label>
        <RecordText id={`${uid}-r`} rows={3} value={reason} onChange={setReason} />
      </div>
      {breaches.length ? (
        <fieldset className="fieldset">
          <legend>{t('recall.cite')}</legend>
          {breaches.map((b) => (
            <label key={b.id} className="check">
              <input
                type="checkbox"
                checked={cited.includes(b.id)}
                onChange={(e) =>
                  setCited((now) =>
                    e.target.checked ? [...now, b.id] : now.filter((x) => x !== b.id),
                  )
                }
              />{' '}
              {t('breach.short', { title: b.motionTitle, voted: t(`choice.${b.voted as Choice}`) })}
            </label>
          ))}
        </fieldset>
      ) : null}
      <ActionError action={action} />
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={action.busy}>
          {t('recall.openSubmit')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function ProposeForm({ org, c }: { org: string; c: CouncilView }) {
  const { t } = useTranslation();
  const uid = useId();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [kind, setKind] = useState<'ordinary' | 'instruction'>('ordinary');
  const [target, setTarget] = useState('');
  const [position, setPosition] = useState<Choice>('yes');
  const action = useAction();
  const parentId = c.parent?.id;
  const above = useResource(
    async () => (kind === 'instruction' && parentId ? soviet.council(org, parentId) : null),
    [org, parentId, kind],
  );
  const open =
    above.kind === 'ready' && above.data
      ? above.data.motions.filter((m) => !['passed', 'failed', 'withdrawn'].includes(m.phase))
      : [];
  const chosen = open.some((m) => m.id === target) ? target : (open[0]?.id ?? '');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: MotionBodyInput =
      kind === 'instruction'
        ? { kind: 'instruction', targetMotionId: chosen, position }
        : { kind: 'ordinary' };
    await action.run(async () => {
      const answer = await soviet.propose(org, c.id, title.trim(), text.trim(), body);
      if (answer.motionId) navigate(orgPath(org, 'motions', answer.motionId));
    });
  };
  return (
    <form className="stack propose" onSubmit={submit} noValidate aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`}>{t('motion.propose')}</h3>
      <div className="field">
        <label htmlFor={`${uid}-k`}>{t('motion.kind')}</label>
        <select
          id={`${uid}-k`}
          value={kind}
          onChange={(e) => setKind(e.target.value as 'ordinary' | 'instruction')}
        >
          <option value="ordinary">{t('motionKind.ordinary')}</option>
          {parentId ? <option value="instruction">{t('motionKind.instruction')}</option> : null}
        </select>
      </div>
      {kind === 'instruction' ? (
        <>
          <div className="field">
            <label htmlFor={`${uid}-tm`}>
              {t('motion.target', { council: c.parent?.name ?? '' })}
            </label>
            <select id={`${uid}-tm`} value={chosen} onChange={(e) => setTarget(e.target.value)}>
              {open.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title}
                </option>
              ))}
            </select>
            {above.kind === 'ready' && open.length === 0 ? (
              <span className="field__hint">{t('motion.noTarget')}</span>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor={`${uid}-pos`}>{t('motion.position')}</label>
            <select
              id={`${uid}-pos`}
              value={position}
              onChange={(e) => setPosition(e.target.value as Choice)}
            >
              {(['yes', 'no', 'abstain'] as const).map((p) => (
                <option key={p} value={p}>
                  {t(`choice.${p}`)}
                </option>
              ))}
            </select>
          </div>
        </>
      ) : null}
      <div className="field">
        <label htmlFor={`${uid}-t`}>{t('motion.titleLabel')}</label>
        <input id={`${uid}-t`} value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${uid}-x`}>{t('motion.text')}</label>
        <RecordText id={`${uid}-x`} rows={4} value={text} onChange={setText} />
      </div>
      <ActionError action={action} />
      <div>
        <button type="submit" className="button" aria-disabled={action.busy}>
          {t('motion.proposeSubmit')}
        </button>
      </div>
    </form>
  );
}
