import type { Constitution, Parameter } from '../constitution.js';
import type { CouncilKind } from '../state.js';

/** Founding and the shape of the organisation (RULES.md, Organisation and councils). */
export interface OrganisationFounded {
  readonly kind: 'OrganisationFounded';
  readonly at: number;
  /** The founder's member id: an ordinary member, with no extra power. */
  readonly by: string;
  readonly name: string;
  readonly slug: string;
  readonly constitution: Constitution;
  readonly rootCouncilId: string;
}

export interface CouncilCreated {
  readonly kind: 'CouncilCreated';
  readonly at: number;
  readonly councilId: string;
  readonly name: string;
  readonly councilKind: CouncilKind;
  readonly parentId: string | null;
  readonly offices: readonly string[];
  /** The structure motion that created it (null at founding). */
  readonly motionId: string | null;
}

export interface CouncilMerged {
  readonly kind: 'CouncilMerged';
  readonly at: number;
  readonly fromId: string;
  readonly intoId: string;
  readonly motionId: string;
}

export interface CouncilDissolved {
  readonly kind: 'CouncilDissolved';
  readonly at: number;
  readonly councilId: string;
  readonly motionId: string;
}

export interface ConstitutionAmended {
  readonly kind: 'ConstitutionAmended';
  readonly at: number;
  readonly parameter: Parameter;
  readonly value: number | string;
  readonly previous: number | string;
  readonly motionId: string;
}

export type OrganisationEvent =
  | OrganisationFounded
  | CouncilCreated
  | CouncilMerged
  | CouncilDissolved
  | ConstitutionAmended;

export const organisationEventMeanings: Readonly<Record<OrganisationEvent['kind'], string>> = {
  OrganisationFounded:
    'A person founded the organisation with its name, slug and constitution; `by` is the founder, an ordinary member.',
  CouncilCreated:
    'A council was created (at founding, or by a passed structure motion), with its kind, parent and offices.',
  CouncilMerged:
    'A passed structure motion merged base council `fromId` into `intoId`: its members moved and it was dissolved.',
  CouncilDissolved:
    "A passed structure motion dissolved a council; a delegate council's children moved to its parent.",
  ConstitutionAmended:
    'A passed constitutional motion changed one parameter within its entrenched bounds; it applies from the next election or vote.',
};
