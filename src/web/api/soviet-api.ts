import type { CouncilView } from '../../service/views/council-view.js';
import type { ElectionView } from '../../service/views/election-view.js';
import type { MemberBallot, MemberView } from '../../service/views/member-view.js';
import type { MotionView } from '../../service/views/motion-view.js';
import type { OrganisationView } from '../../service/views/organisation-view.js';
import type { PersonalData } from '../../service/views/personal-data-view.js';
import type { RecallView } from '../../service/views/recall-view.js';
import type { SessionInfo } from '../session/session.js';
import { api } from './client.js';

export type { CouncilNode } from '../../service/views/organisation-view.js';
export type {
  BoxView,
  BreachView,
  ElectionSummary,
  GroupSeatsView,
  MandateSummary,
  MemberRef,
  MotionSummary,
  PetitionSummary,
} from '../../service/views/refs.js';
export type {
  CouncilView,
  ElectionView,
  MemberBallot,
  MemberView,
  MotionView,
  OrganisationView,
  RecallView,
};

/** A page of the record (`GET /orgs/{org}/record`; src/service/views/record-view.ts). */
export interface RecordView {
  readonly org: string;
  readonly origin: string;
  readonly vkey: string;
  readonly size: number;
  readonly checkpoint: string;
  readonly from: number;
  readonly entries: readonly {
    readonly seq: number;
    readonly time: string;
    readonly type: string;
    readonly actor: string;
    readonly data: unknown;
    readonly meaning: string;
  }[];
}

/** What every command answers (src/server/routes/command-answer.ts). */
export interface CommandAnswer {
  readonly firstSeq: number;
  readonly size: number;
  readonly checkpoint: string;
  readonly events: readonly { readonly kind: string; readonly at: number }[];
  readonly receipt?: string;
  readonly invitation?: {
    readonly id: string;
    readonly token: string;
    readonly councilId: string;
    readonly expiresAt: number;
  };
  readonly memberId?: string;
  readonly motionId?: string;
  readonly amendmentId?: string;
  readonly petitionId?: string;
}

/** One thing a member should know (src/server/schemas/notifications.ts). */
export interface Notification {
  readonly kind:
    | 'election-open'
    | 'vote-open'
    | 'nomination'
    | 'delegate-breach'
    | 'recall-against-me';
  readonly at: number;
  readonly subject: {
    readonly kind: 'election' | 'motion' | 'amendment' | 'recall' | 'breach';
    readonly id: string;
  };
  readonly title: string;
  readonly until: number | null;
  /** The motion of a motion or amendment vote, or of a breach. */
  readonly motionId: string | null;
  /** The motion's council; for a breach, the council whose instruction was breached. */
  readonly councilId: string | null;
}

/** A published ballot found under its receipt (`GET /orgs/{org}/receipts/{receipt}`). */
export interface ReceiptCheck {
  readonly receipt: string;
  readonly boxId: string;
  readonly subject: { readonly kind: string; readonly id: string };
  /** Candidate ids in order of preference (elections), or the choice. */
  readonly ballot: readonly string[] | string;
}

/** The founding tree (src/democracy/commands.ts CouncilSpec). */
export interface CouncilSpec {
  readonly name: string;
  readonly offices?: readonly string[];
  readonly children?: readonly CouncilSpec[];
}

export interface NewAccount {
  readonly username: string;
  readonly password: string;
}

export type Choice = 'yes' | 'no' | 'abstain';
export type RecallChoice = 'recall' | 'keep' | 'abstain';

export type MotionBodyInput =
  | { readonly kind: 'ordinary' }
  | { readonly kind: 'instruction'; readonly targetMotionId: string; readonly position: Choice };

const o = (org: string) => `/orgs/${encodeURIComponent(org)}`;
const seg = encodeURIComponent;

/**
 * The Soviet API as the pages use it: one function per route of docs/api.md, typed with
 * the server's own view types (src/service/views), which the server's response schemas
 * document (test/server/schema-types.test.ts keeps them equal).
 */
export const soviet = {
  login: (username: string, password: string) =>
    api.post<SessionInfo>('/session', { username, password }),
  logout: () => api.delete<void>('/session'),
  logoutEverywhere: () => api.delete<{ closed: number }>('/account/sessions'),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.put<{ csrfToken: string }>('/account/password', { currentPassword, newPassword }),
  /** Everything the instance holds about my account (GDPR arts. 15 and 20). */
  personalData: () => api.get<PersonalData>('/account/data'),
  /** Erases my account and personal data (GDPR art. 17), confirmed by my password. */
  eraseAccount: (password: string) =>
    api.post<{ erased: true; organisations: string[] }>('/account/erase', { password }),

  organisations: () =>
    api.get<{ organisations: { slug: string; name: string; foundedAt: number }[] }>('/orgs'),
  found: (body: {
    name: string;
    slug: string;
    founderName: string;
    founderCouncil: string;
    councils: CouncilSpec;
    account?: NewAccount;
  }) => api.post<{ org: string; memberId: string; origin: string }>('/orgs', body),
  organisation: (org: string) => api.get<OrganisationView>(o(org)),
  record: (org: string, from?: number, limit?: number) =>
    api.get<RecordView>(
      `${o(org)}/record${from === undefined ? '' : `?from=${from}${limit === undefined ? '' : `&limit=${limit}`}`}`,
    ),
  checkReceipt: (org: string, receipt: string) =>
    api.get<ReceiptCheck>(`${o(org)}/receipts/${seg(receipt)}`),
  me: (org: string) => api.get<{ member: MemberView; ballots: MemberBallot[] }>(`${o(org)}/me`),
  nameVisibility: (org: string) => api.get<{ public: boolean }>(`${o(org)}/me/name-visibility`),
  chooseNameVisibility: (org: string, shown: boolean) =>
    api.put<{ public: boolean }>(`${o(org)}/me/name-visibility`, { public: shown }),
  notifications: (org: string) =>
    api.get<{ notifications: Notification[] }>(`${o(org)}/notifications`),
  member: (org: string, id: string) => api.get<MemberView>(`${o(org)}/members/${seg(id)}`),
  transfer: (org: string, toCouncilId: string) =>
    api.post<CommandAnswer>(`${o(org)}/me/transfer`, { toCouncilId }),
  invite: (org: string) => api.post<CommandAnswer>(`${o(org)}/invitations`, {}),
  acceptInvitation: (org: string, body: { token: string; name: string; account?: NewAccount }) =>
    api.post<{ org: string; memberId: string }>(`${o(org)}/invitations/accept`, body),

  council: (org: string, id: string) => api.get<CouncilView>(`${o(org)}/councils/${seg(id)}`),
  propose: (org: string, councilId: string, title: string, text: string, body: MotionBodyInput) =>
    api.post<CommandAnswer>(`${o(org)}/councils/${seg(councilId)}/motions`, { title, text, body }),
  callElection: (org: string, groupKey: string) =>
    api.post<CommandAnswer>(`${o(org)}/elections`, { groupKey }),

  election: (org: string, id: string) => api.get<ElectionView>(`${o(org)}/elections/${seg(id)}`),
  nominate: (org: string, id: string, candidateId: string) =>
    api.post<CommandAnswer>(`${o(org)}/elections/${seg(id)}/nominations`, { candidateId }),
  acceptNomination: (org: string, id: string) =>
    api.post<CommandAnswer>(`${o(org)}/elections/${seg(id)}/nomination/accept`, {}),
  declineNomination: (org: string, id: string) =>
    api.post<CommandAnswer>(`${o(org)}/elections/${seg(id)}/nomination/decline`, {}),
  castBallot: (org: string, id: string, ranking: readonly string[]) =>
    api.post<CommandAnswer>(`${o(org)}/elections/${seg(id)}/ballots`, { ranking }),

  resign: (org: string, mandateId: string) =>
    api.post<CommandAnswer>(`${o(org)}/mandates/${seg(mandateId)}/resign`, {}),
  openRecall: (org: string, mandateId: string, reason: string, breachIds: readonly string[]) =>
    api.post<CommandAnswer>(`${o(org)}/mandates/${seg(mandateId)}/recalls`, {
      reason,
      ...(breachIds.length ? { breachIds } : {}),
    }),
  recall: (org: string, id: string) => api.get<RecallView>(`${o(org)}/recalls/${seg(id)}`),
  signRecall: (org: string, id: string) =>
    api.post<CommandAnswer>(`${o(org)}/recalls/${seg(id)}/signatures`, {}),
  voteRecall: (org: string, id: string, choice: RecallChoice) =>
    api.post<CommandAnswer>(`${o(org)}/recalls/${seg(id)}/votes`, { choice }),

  motion: (org: string, id: string) => api.get<MotionView>(`${o(org)}/motions/${seg(id)}`),
  second: (org: string, id: string) =>
    api.post<CommandAnswer>(`${o(org)}/motions/${seg(id)}/seconds`, {}),
  withdraw: (org: string, id: string) =>
    api.post<CommandAnswer>(`${o(org)}/motions/${seg(id)}/withdraw`, {}),
  amend: (org: string, id: string, text: string) =>
    api.post<CommandAnswer>(`${o(org)}/motions/${seg(id)}/amendments`, { text }),
  voteMotion: (org: string, id: string, choice: Choice) =>
    api.post<CommandAnswer>(`${o(org)}/motions/${seg(id)}/votes`, { choice }),
  voteAmendment: (org: string, id: string, choice: Choice) =>
    api.post<CommandAnswer>(`${o(org)}/amendments/${seg(id)}/votes`, { choice }),
};
