import type { MandateEndReason } from '../state.js';

/** Mandates (RULES.md, Mandates). */
export interface MandateGranted {
  readonly kind: 'MandateGranted';
  readonly at: number;
  readonly mandateId: string;
  readonly holderId: string;
  readonly groupKey: string;
  readonly electionId: string;
  readonly startAt: number;
  readonly endAt: number;
  /** Consecutive terms on this seat, this one included (rotation). */
  readonly terms: number;
  /** maxConsecutiveTerms of the election that granted it. */
  readonly limit: number;
}

export interface MandateEnded {
  readonly kind: 'MandateEnded';
  readonly at: number;
  readonly mandateId: string;
  readonly reason: MandateEndReason;
  /** The holder, when they resigned. */
  readonly by?: string;
}

export type MandateEvent = MandateGranted | MandateEnded;

export const mandateEventMeanings: Readonly<Record<MandateEvent['kind'], string>> = {
  MandateGranted: 'A winner of an election received a mandate on the seat group for its term.',
  MandateEnded:
    'A mandate ended: its term expired, it was recalled, its holder resigned, left, was expelled or transferred, its council was dissolved, or (`basis-ended`) the delegate seat that put its holder in the voting body that gave it ended.',
};
