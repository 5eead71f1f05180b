import type { CountReport, CountStage } from '../../../counting/report.js';

/**
 * Pure helpers behind the stage-by-stage count view: exact vote figures and each
 * candidate's standing at a stage, read from a `CountReport` (src/counting/report.ts).
 */

export type Standing = 'elected' | 'excluded' | 'continuing';

/** One candidate's line at one stage. Figures are in the report's units (1/scale votes). */
export interface StageRow {
  readonly id: string;
  readonly name: string;
  /** Votes before the stage's transfer. */
  readonly before: number;
  /** Votes gained (positive) or given up (negative) at this stage. */
  readonly transfer: number;
  readonly after: number;
  /** Standing at the end of the stage. */
  readonly standing: Standing;
  /** Elected or excluded at this very stage. */
  readonly decidedHere: boolean;
}

/** The non-transferable papers' line at a stage. */
export interface NonTransferableRow {
  readonly before: number;
  readonly transfer: number;
  readonly after: number;
}

/** Each candidate's standing after `stageIndex` (0-based), from the stages' events. */
export function standingsAfter(report: CountReport, stageIndex: number): Map<string, Standing> {
  const standing = new Map<string, Standing>(report.candidates.map((c) => [c.id, 'continuing']));
  for (const stage of report.stages.slice(0, stageIndex + 1)) {
    for (const event of stage.events) {
      standing.set(event.candidate, event.kind === 'Elected' ? 'elected' : 'excluded');
    }
  }
  return standing;
}

/** The candidates' lines at a stage, in the report's candidate order. */
export function stageRows(report: CountReport, stageIndex: number): StageRow[] {
  const stage = report.stages[stageIndex];
  if (!stage) return [];
  const standing = standingsAfter(report, stageIndex);
  const decided = new Set(stage.events.map((e) => e.candidate));
  return report.candidates.map((candidate, i) => {
    const after = stage.votes[i] ?? 0;
    const transfer = stage.transfers[i] ?? 0;
    return {
      id: candidate.id,
      name: candidate.name,
      before: after - transfer,
      transfer,
      after,
      standing: standing.get(candidate.id) ?? 'continuing',
      decidedHere: decided.has(candidate.id),
    };
  });
}

/** Non-transferable papers at a stage: cumulative before, added by the stage, after. */
export function nonTransferableRow(report: CountReport, stageIndex: number): NonTransferableRow {
  const stage = report.stages[stageIndex];
  const previous = stageIndex > 0 ? report.stages[stageIndex - 1] : undefined;
  const after = stage?.nonTransferable ?? 0;
  const before = previous?.nonTransferable ?? 0;
  return { before, transfer: after - before, after };
}

/** The largest figure any bar of any stage must show (votes or quota): the chart's fixed axis. */
export function chartMaximum(report: CountReport): number {
  let max = report.quota ?? 0;
  for (const stage of report.stages) {
    if (stage.quota !== null && stage.quota > max) max = stage.quota;
    for (let i = 0; i < stage.votes.length; i++) {
      const after = stage.votes[i] ?? 0;
      const before = after - (stage.transfers[i] ?? 0);
      max = Math.max(max, after, before);
    }
  }
  return max;
}

/** The candidate's display name, or its id when the report does not know it. */
export function candidateName(report: CountReport, id: string): string {
  return report.candidates.find((c) => c.id === id)?.name ?? id;
}

/** The number of decimal places a report's units carry (scale 100000 → 5). */
export function decimalsOf(scale: number): number {
  let digits = 0;
  for (let s = scale; s >= 10; s /= 10) digits++;
  return digits;
}

/**
 * Formats `units / scale` votes exactly in a locale: the whole part through
 * `Intl.NumberFormat` (so digit grouping is the locale's), the fraction from the integer
 * remainder (so no floating-point rounding ever shows), trailing zeros dropped, and at
 * most `maxDecimals` places (rounding down, like the rules' truncation, when shortened).
 * `signed` puts a + before positive figures, for transfers.
 */
export function formatVotes(
  units: number,
  scale: number,
  locale: string,
  options: { readonly maxDecimals?: number; readonly signed?: boolean } = {},
): string {
  const negative = units < 0;
  const abs = Math.abs(units);
  const whole = Math.floor(abs / scale);
  const places = Math.min(decimalsOf(scale), options.maxDecimals ?? Number.POSITIVE_INFINITY);
  let fraction = String(abs - whole * scale)
    .padStart(decimalsOf(scale), '0')
    .slice(0, places)
    .replace(/0+$/, '');
  if (scale === 1) fraction = '';
  const parts = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).formatToParts(1.5);
  const point = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const wholeText = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(whole);
  const body = fraction ? `${wholeText}${point}${fraction}` : wholeText;
  const zero = whole === 0 && fraction === '';
  if (negative && !zero) return `−${body}`;
  if (options.signed && !zero) return `+${body}`;
  return body;
}

/** A stage's surplus or excluded candidates' ids, for its caption. */
export function actionCandidates(stage: CountStage): readonly string[] {
  switch (stage.action.kind) {
    case 'SurplusTransfer':
      return [stage.action.candidate];
    case 'Exclusion':
      return stage.action.candidates;
    default:
      return [];
  }
}
