import { useTranslation } from 'react-i18next';
import type { Notification } from '../../api/soviet-api.js';
import { Deadline, When } from '../../components/deadline.js';
import { Link } from '../../router/link.js';
import { orgPath } from '../../router/match.js';

function hrefOf(org: string, n: Notification): string | undefined {
  switch (n.subject.kind) {
    case 'election':
      return orgPath(org, 'elections', n.subject.id);
    case 'motion':
      return orgPath(org, 'motions', n.subject.id);
    case 'recall':
      return orgPath(org, 'recalls', n.subject.id);
    default:
      // Amendments and breaches: the motion they concern.
      return n.motionId === null ? undefined : orgPath(org, 'motions', n.motionId);
  }
}

/**
 * In-app notifications (issue 6): what concerns the member, derived by the server from
 * the state (an election opened, a vote to cast, a nomination to answer, a delegate's
 * breach of our instruction, a recall against me).
 */
export function NotificationList({
  org,
  notifications,
}: {
  org: string;
  notifications: readonly Notification[];
}) {
  const { t } = useTranslation();
  if (notifications.length === 0) return <p className="muted">{t('notify.none')}</p>;
  return (
    <ul className="notifications">
      {notifications.map((n) => {
        const href = hrefOf(org, n);
        const text = t(`notify.${n.kind}`, { title: n.title });
        return (
          <li key={`${n.kind}-${n.subject.id}`} className={`notification notification--${n.kind}`}>
            <p className="notification__text">{href ? <Link href={href}>{text}</Link> : text}</p>
            <p className="notification__meta muted">
              <When at={n.at} />
              {n.until !== null ? (
                <>
                  {' · '}
                  <Deadline at={n.until} />
                </>
              ) : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
