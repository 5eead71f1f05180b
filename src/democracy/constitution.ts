import { isCurrency } from './currency.js';

/**
 * The constitution: every parameter an organisation may change by a constitutional
 * motion, its default, and the entrenched bounds no motion can pass (RULES.md,
 * "Entrenched rules"). Only the parameters listed here exist: there is no parameter
 * that switches off elections, recall, rotation, open delegate votes or the record, so
 * no motion can abolish them.
 */

/** Milliseconds in a day and in a month (a month is 1/12 of a Julian year: 30.4375 days). */
export const DAY = 86_400_000;
export const MONTH = 2_629_800_000;

export type MultiSeatMethod = 'scottish-stv' | 'meek';

export interface Constitution {
  /** Length of a mandate, in months (RULES.md: default 12, bounds 1–24). */
  readonly termMonths: number;
  /** Rotation: consecutive terms on the same seat (default 2, bounds 1–4). */
  readonly maxConsecutiveTerms: number;
  /** Rotation: mandates held at once (default 2, bounds 1–3). */
  readonly maxConcurrentMandates: number;
  /** Signatures that open a recall vote, in % of the electing body (default 20, 5–33). */
  readonly recallThresholdPercent: number;
  /** Days a recall petition has to reach its threshold (default 14, 7–60). */
  readonly recallWindowDays: number;
  /** Days after a failed recall vote before a new petition on the mandate (default 30, 0–90). */
  readonly recallCooldownDays: number;
  /** Turnout needed by every vote, in % of its roll (default 30, 10–50). */
  readonly quorumPercent: number;
  /** Members per delegate seat (default 50, 1–10,000). */
  readonly delegateRatio: number;
  /** Phase lengths in days (default 7, 1–30). */
  readonly nominationDays: number;
  readonly votingDays: number;
  readonly debateDays: number;
  /** Supporters a motion needs besides its proposer (RULES.md default 1; bounds 1–10 are this project's choice). */
  readonly seconders: number;
  /** Days an invitation stays valid (RULES.md default 14; bounds 1–60 are this project's choice). */
  readonly invitationDays: number;
  /** The count for several seats (RULES.md: Scottish STV by default, Meek selectable). */
  readonly multiSeatMethod: MultiSeatMethod;
  /**
   * The most a member may be paid for their office(s) in one calendar month (UTC), in
   * minor units of `wageCapCurrency` (RULES.md, Treasury: "No payment to a mandate holder
   * for their office may exceed wageCap", by default the organisation's median member
   * wage as set by the congress). The congress sets it by a constitutional motion; 0
   * means not set yet, and then no office may be paid. Bounds 0–10^12 are this project's.
   */
  readonly wageCap: number;
  /** The currency of `wageCap` (ISO 4217); `XXX` ("no currency") until the congress sets it. */
  readonly wageCapCurrency: string;
  /**
   * Who may read the record's entries, tiles and proofs (docs/design/record.md, "Who may
   * read the record"): `members` (the default: members, and holders of a read token the
   * organisation granted by motion) or `public`. Checkpoints are always public.
   */
  readonly recordVisibility: RecordVisibility;
}

export type RecordVisibility = 'members' | 'public';
export const RECORD_VISIBILITIES: readonly RecordVisibility[] = ['members', 'public'];

export type NumericParameter = Exclude<
  keyof Constitution,
  'multiSeatMethod' | 'wageCapCurrency' | 'recordVisibility'
>;
export type Parameter = keyof Constitution;

export const DEFAULT_CONSTITUTION: Constitution = Object.freeze({
  termMonths: 12,
  maxConsecutiveTerms: 2,
  maxConcurrentMandates: 2,
  recallThresholdPercent: 20,
  recallWindowDays: 14,
  recallCooldownDays: 30,
  quorumPercent: 30,
  delegateRatio: 50,
  nominationDays: 7,
  votingDays: 7,
  debateDays: 7,
  seconders: 1,
  invitationDays: 14,
  multiSeatMethod: 'scottish-stv',
  wageCap: 0,
  wageCapCurrency: 'XXX',
  recordVisibility: 'members',
});

/** The entrenched bounds (inclusive), RULES.md table. Whole numbers only. */
export const BOUNDS: Readonly<Record<NumericParameter, readonly [number, number]>> = Object.freeze({
  termMonths: [1, 24],
  maxConsecutiveTerms: [1, 4],
  maxConcurrentMandates: [1, 3],
  recallThresholdPercent: [5, 33],
  recallWindowDays: [7, 60],
  recallCooldownDays: [0, 90],
  quorumPercent: [10, 50],
  delegateRatio: [1, 10_000],
  nominationDays: [1, 30],
  votingDays: [1, 30],
  debateDays: [1, 30],
  seconders: [1, 10],
  invitationDays: [1, 60],
  wageCap: [0, 1_000_000_000_000],
});

export const MULTI_SEAT_METHODS: readonly MultiSeatMethod[] = ['scottish-stv', 'meek'];

export const PARAMETERS: readonly Parameter[] = Object.keys(DEFAULT_CONSTITUTION) as Parameter[];

export function isParameter(name: string): name is Parameter {
  return (PARAMETERS as readonly string[]).includes(name);
}

/**
 * Why `value` is not allowed for `parameter`, or null when it is within the entrenched
 * bounds. The reason is a phrase a member understands.
 */
export function parameterProblem(parameter: string, value: unknown): string | null {
  if (!isParameter(parameter))
    return `"${parameter}" is not a constitution parameter (entrenched rules cannot be changed)`;
  if (parameter === 'multiSeatMethod') {
    return MULTI_SEAT_METHODS.includes(value as MultiSeatMethod)
      ? null
      : `multiSeatMethod must be one of ${MULTI_SEAT_METHODS.join(', ')}`;
  }
  if (parameter === 'recordVisibility')
    return RECORD_VISIBILITIES.includes(value as RecordVisibility)
      ? null
      : `recordVisibility must be one of ${RECORD_VISIBILITIES.join(', ')}`;
  if (parameter === 'wageCapCurrency')
    return isCurrency(value)
      ? null
      : 'wageCapCurrency must be an ISO 4217 currency code such as EUR';
  const [lo, hi] = BOUNDS[parameter];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < lo || value > hi)
    return `${parameter} must be a whole number from ${lo} to ${hi}`;
  return null;
}

/** Phase lengths and percentages of a constitution, in the units the domain computes with. */
export const termMs = (c: Constitution): number => c.termMonths * MONTH;
