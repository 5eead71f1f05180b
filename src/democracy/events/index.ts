import { type AccessEvent, accessEventMeanings } from './access-events.js';
import { type ActEvent, actEventMeanings } from './act-events.js';
import { type BallotEvent, ballotEventMeanings } from './ballot-events.js';
import { type BudgetEvent, budgetEventMeanings } from './budget-events.js';
import { type ElectionEvent, electionEventMeanings } from './election-events.js';
import { type MandateEvent, mandateEventMeanings } from './mandate-events.js';
import { type MembershipEvent, membershipEventMeanings } from './membership-events.js';
import { type MotionEvent, motionEventMeanings } from './motion-events.js';
import { type OrganisationEvent, organisationEventMeanings } from './organisation-events.js';
import { type RecallEvent, recallEventMeanings } from './recall-events.js';
import { type TreasuryEvent, treasuryEventMeanings } from './treasury-events.js';

export type * from './access-events.js';
export type * from './act-events.js';
export type * from './ballot-events.js';
export type * from './budget-events.js';
export type * from './election-events.js';
export type * from './mandate-events.js';
export type * from './membership-events.js';
export type * from './motion-events.js';
export type * from './organisation-events.js';
export type * from './recall-events.js';
export type * from './treasury-events.js';

/**
 * Every event of the democracy domain. Each is an immutable value tagged by `kind`,
 * carries `at` (ms since epoch; for a deadline event, the deadline) and, when a member
 * acted in public, `by`. `secret`, where present, is kept private by the store and
 * never published (RECORD.md, "Secret ballots on a public record"); `personal`, where
 * present, goes to the private member directory and is neither logged nor replayed.
 */
export type DemocracyEvent =
  | OrganisationEvent
  | MembershipEvent
  | ElectionEvent
  | MandateEvent
  | BallotEvent
  | RecallEvent
  | MotionEvent
  | TreasuryEvent
  | BudgetEvent
  | AccessEvent
  | ActEvent;

export type EventKind = DemocracyEvent['kind'];

/**
 * The event catalogue: names and meanings never change and are never reused
 * (RECORD.md, "Entries"). docs/events.md is kept in sync with it by a test.
 */
export const EVENT_CATALOGUE: ReadonlyArray<{
  readonly area: string;
  readonly meanings: Readonly<Record<string, string>>;
}> = [
  { area: 'Organisation and councils', meanings: organisationEventMeanings },
  { area: 'Membership', meanings: membershipEventMeanings },
  { area: 'Elections', meanings: electionEventMeanings },
  { area: 'Mandates', meanings: mandateEventMeanings },
  { area: 'Ballot boxes', meanings: ballotEventMeanings },
  { area: 'Recall', meanings: recallEventMeanings },
  { area: 'Motions, instructions and breaches', meanings: motionEventMeanings },
  { area: 'Treasury', meanings: treasuryEventMeanings },
  { area: 'Participatory budgets', meanings: budgetEventMeanings },
  { area: 'Access to the record', meanings: accessEventMeanings },
  { area: 'Signed acts', meanings: actEventMeanings },
];

export const EVENT_KINDS: ReadonlySet<string> = new Set(
  EVENT_CATALOGUE.flatMap(({ meanings }) => Object.keys(meanings)),
);
